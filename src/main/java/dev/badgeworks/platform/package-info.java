/**
 * Cross-cutting infrastructure: schema migration at start-up, ids, settings, hashing, and turning database
 * constraint violations into API errors. May use {@code api}; features may use it.
 */
package dev.badgeworks.platform;
