/**
 * The HTTP surface shared by every feature: the {data, errors, warnings} envelope, the one error catalogue
 * ({@code ErrorCode}), reading loose JSON, query parameters and dates, and the exception mappers. Depends on
 * nothing else of Badgeworks; every other package may use it.
 */
package dev.badgeworks.api;
