/**
 * Earns and enrolments as JPA entities, and the small keys and values the earn service passes around. May use
 * {@code badge.entity}.
 */
package dev.badgeworks.earn.entity;
