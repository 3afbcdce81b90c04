/**
 * The console (issue 30): static pages (classpath {@code /console/}) that call the same REST API as any client, served
 * with a strict Content-Security-Policy. No rule and no data access lives here. May use {@code api}.
 */
package dev.badgeworks.console.boundary;
