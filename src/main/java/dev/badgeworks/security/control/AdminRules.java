package dev.badgeworks.security.control;

import dev.badgeworks.api.ErrorCode;
import dev.badgeworks.security.entity.Role;

/**
 * Who may administer what. The platform operator manages orgs and the users of every org; an org's admin
 * manages the users of its own org only, and cannot make or touch an operator; a plain user administers nothing.
 * Another org is simply not found for an org admin, as another org's badge is for any user.
 */
public final class AdminRules {

    private AdminRules() {
    }

    public static void requireOperator(Caller caller) {
        if (caller.role() != Role.PLATFORM_OPERATOR) {
            throw ErrorCode.FORBIDDEN.exception(null, "Only the platform operator manages orgs.");
        }
    }

    /** The caller may manage the users of this org. */
    public static void requireManages(Caller caller, long orgId) {
        if (caller.role() == Role.USER) {
            throw ErrorCode.FORBIDDEN.exception();
        }
        if (caller.role() == Role.ORG_ADMIN && caller.orgId() != orgId) {
            throw ErrorCode.ORG_NOT_FOUND.exception("orgId");
        }
    }

    /** The caller may give this role to a user of an org it manages. */
    public static void requireMayGrant(Caller caller, Role role) {
        if (role == Role.PLATFORM_OPERATOR && caller.role() != Role.PLATFORM_OPERATOR) {
            throw ErrorCode.FORBIDDEN.exception("role", "Only the platform operator can make an operator.");
        }
    }

    /**
     * The caller may change or delete this user (of an org it manages). Nobody removes their own access (they
     * would lock themselves out, or leave the platform without an operator); an org admin cannot touch an operator.
     */
    public static void requireMayChange(Caller caller, long userId, Role userRole, boolean changesAccess) {
        if (userRole == Role.PLATFORM_OPERATOR && caller.role() != Role.PLATFORM_OPERATOR) {
            throw ErrorCode.FORBIDDEN.exception("userId", "Only the platform operator can change an operator.");
        }
        if (changesAccess && caller.userId() == userId) {
            throw ErrorCode.OWN_ACCESS.exception("userId");
        }
    }
}
