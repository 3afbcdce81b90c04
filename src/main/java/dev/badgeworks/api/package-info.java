/**
 * The HTTP surface shared by every feature: the {data, errors, warnings} envelope, the one error catalogue
 * ({@code ErrorCode}), reading loose JSON, query parameters, dates and stored text, excerpts of client content,
 * request body limits (size, time, JSON only), the client's address, and the exception mappers. Depends only on
 * {@code platform.Settings} for its limits; every other package may use it.
 */
package dev.badgeworks.api;
