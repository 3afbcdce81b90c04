/**
 * HTTP Basic authentication, the current caller (org scope of every request), the bootstrap org and the admin
 * endpoints for orgs and users. May use {@code api}, {@code platform} and this feature's control and entity packages.
 */
package dev.badgeworks.security.boundary;
