package dev.badgeworks.security.control;

import dev.badgeworks.security.entity.Role;

/** Who is calling: the authenticated API user, its role, and the org everything it does is scoped to. */
public record Caller(long orgId, long userId, String username, Role role) {
}
