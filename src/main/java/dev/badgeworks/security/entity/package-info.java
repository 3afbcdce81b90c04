/**
 * Orgs and API users as JPA entities. Depends on nothing else of Badgeworks.
 */
package dev.badgeworks.security.entity;
