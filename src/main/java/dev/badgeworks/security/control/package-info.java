/**
 * The rules of authentication and administration in plain Java, no container: password hashing, the
 * verified-credential cache, the login throttle and who may administer what. May use {@code api} (error codes)
 * and {@code security.entity}.
 */
package dev.badgeworks.security.control;
