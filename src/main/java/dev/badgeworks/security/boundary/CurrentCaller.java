package dev.badgeworks.security.boundary;

import dev.badgeworks.api.ErrorCode;
import dev.badgeworks.security.control.Caller;
import dev.badgeworks.security.entity.Role;
import jakarta.enterprise.context.RequestScoped;

/** The authenticated caller of the current HTTP request, set by AuthenticationFilter. */
@RequestScoped
public class CurrentCaller {

    private Caller caller;

    void set(Caller caller) {
        this.caller = caller;
    }

    public Caller get() {
        if (caller == null) {
            throw ErrorCode.UNAUTHENTICATED.exception();
        }
        return caller;
    }

    public long orgId() {
        return get().orgId();
    }

    public long userId() {
        return get().userId();
    }

    public String username() {
        return get().username();
    }

    /** Whether the caller runs the platform: creates orgs, reads the metrics, sees every org's users. */
    public boolean isOperator() {
        return get().role() == Role.PLATFORM_OPERATOR;
    }

    /** Whether the caller administers its org (an org admin, or an operator): sees operators' details. */
    public boolean isAdmin() {
        return get().role() != Role.USER;
    }
}
