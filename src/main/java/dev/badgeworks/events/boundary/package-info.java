/**
 * Events to the rest of the loyalty stack: the transactional outbox the earn package writes into, the dispatcher
 * that delivers it to webhook endpoints, and the endpoints' REST API. May use {@code api}, {@code platform},
 * {@code security.boundary}/{@code security.control}/{@code security.entity} and this feature's control and entity
 * packages; the earn package depends on it, never the other way round.
 */
package dev.badgeworks.events.boundary;
