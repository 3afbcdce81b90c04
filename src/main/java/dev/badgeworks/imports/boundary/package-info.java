/**
 * Imports over REST, the nightly inbox scan, leases and the completion report. May use {@code api},
 * {@code platform}, {@code security.boundary} and this feature's control, entity and store packages.
 */
package dev.badgeworks.imports.boundary;
