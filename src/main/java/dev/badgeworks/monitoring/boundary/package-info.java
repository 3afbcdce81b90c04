/**
 * What operators watch: the application's metrics over HTTP (the readiness check lives in {@code platform}, as the
 * server calls it). May use {@code api}, {@code platform} and {@code security.boundary} (the caller).
 */
package dev.badgeworks.monitoring.boundary;
