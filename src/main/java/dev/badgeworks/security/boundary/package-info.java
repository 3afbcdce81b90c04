/**
 * HTTP Basic authentication with its throttle, the current caller (org scope of every request), the bootstrap
 * org and operator, the accounts service, the admin endpoints for orgs and users and the caller's own account. May
 * use {@code api}, {@code platform} and this feature's control, entity and store packages.
 */
package dev.badgeworks.security.boundary;
