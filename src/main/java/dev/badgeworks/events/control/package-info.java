/**
 * Events' rules in plain Java: the payloads receivers get, signatures, the retry schedule and which addresses an
 * endpoint may have. May use {@code api} (JSON) and {@code events.entity}.
 */
package dev.badgeworks.events.control;
