/**
 * Import jobs and their rejected lines as JPA entities. Depends on nothing else of Badgeworks.
 */
package dev.badgeworks.imports.entity;
