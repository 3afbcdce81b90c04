package dev.badgeworks.security.boundary;

import dev.badgeworks.api.ErrorCode;
import dev.badgeworks.security.control.Caller;
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
}
