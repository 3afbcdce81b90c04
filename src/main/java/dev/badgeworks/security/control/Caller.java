package dev.badgeworks.security.control;

/** Who is calling: the authenticated API user and the org everything they do is scoped to. */
public record Caller(long orgId, String username, boolean admin) {
}
