/**
 * Events to the rest of the loyalty stack: the dispatcher that delivers the outbox to webhook endpoints, and the
 * endpoints' REST API. May use {@code api}, {@code platform}, {@code security.boundary}/{@code security.control}/
 * {@code security.entity} and this feature's control, entity and store packages; the earn package depends on it,
 * never the other way round.
 */
package dev.badgeworks.events.boundary;
