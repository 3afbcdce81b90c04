/**
 * Imports over REST, the nightly inbox scan and the ledger that records each chunk's progress. May use {@code api},
 * {@code platform}, {@code security.boundary} and this feature's control and entity packages.
 */
package dev.badgeworks.imports.boundary;
