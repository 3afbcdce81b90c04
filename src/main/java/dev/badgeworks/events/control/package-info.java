/**
 * Events' rules in plain Java: the payloads receivers get, signatures, the retry schedule and which addresses an
 * endpoint may have, and reading an endpoint from a request body. May use {@code api} (JSON, errors) and
 * {@code events.entity}.
 */
package dev.badgeworks.events.control;
