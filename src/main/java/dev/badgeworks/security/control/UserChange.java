package dev.badgeworks.security.control;

import dev.badgeworks.security.entity.ApiUser;
import dev.badgeworks.security.entity.Role;

/** A change to one user; null fields stay as they are. */
public record UserChange(String password, Role role, Boolean disabled) {

    /** Whether the change takes an active operator's access away (demoted or disabled). */
    public boolean removesOperator(ApiUser user) {
        return user.role() == Role.PLATFORM_OPERATOR && !user.disabled()
                && ((role != null && role != Role.PLATFORM_OPERATOR) || Boolean.TRUE.equals(disabled));
    }
}
