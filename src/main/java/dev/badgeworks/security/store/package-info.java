/**
 * Data access of orgs, API users and credential changes ({@code UserDirectory}): reads, row locks and writes
 * inside the caller's transaction; who may change what is decided in boundary and control. May use {@code api},
 * {@code platform} and {@code security.entity}.
 */
package dev.badgeworks.security.store;
