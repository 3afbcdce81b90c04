package dev.badgeworks.security.boundary;

import dev.badgeworks.api.ErrorCode;
import dev.badgeworks.security.control.Caller;
import dev.badgeworks.security.entity.Role;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;

/**
 * The authenticated caller of the current HTTP request, set by AuthenticationFilter. Kept as an attribute of the
 * servlet request, not in a request-scoped bean: the server ran its resource injection for that bean on every
 * request, 4 % of an earn's processor time (BENCHMARKS.md, issue 31). Only REST resources ask for it.
 */
@ApplicationScoped
public class CurrentCaller {

    private static final String ATTRIBUTE = CurrentCaller.class.getName();

    /** The container's own request bean (CDI's built-in one): the request of the calling thread. */
    @Inject
    HttpServletRequest request;

    void set(Caller caller) {
        request.setAttribute(ATTRIBUTE, caller);
    }

    public Caller get() {
        if (!(request.getAttribute(ATTRIBUTE) instanceof Caller caller)) {
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
