/**
 * Password hashing and the verified-credential cache: plain Java, no container. Depends on nothing else of
 * Badgeworks.
 */
package dev.badgeworks.security.control;
