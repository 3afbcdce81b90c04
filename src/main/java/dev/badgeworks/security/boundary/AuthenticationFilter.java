package dev.badgeworks.security.boundary;

import dev.badgeworks.api.ClientAddress;
import dev.badgeworks.api.Envelope;
import dev.badgeworks.api.ErrorCode;
import dev.badgeworks.api.Public;
import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

/**
 * HTTP Basic on every API call but the few marked {@link Public}; a missing or wrong credential gets 401 with the
 * envelope, a client that failed too often gets 429 with Retry-After (the same for known and unknown usernames).
 */
@Provider
@Priority(Priorities.AUTHENTICATION)
public class AuthenticationFilter implements ContainerRequestFilter {

    @Inject
    Authenticator authenticator;

    @Inject
    CurrentCaller currentCaller;

    /** CDI's built-in request bean: JAX-RS's {@code @Context} proxy looked the request up anew for every request. */
    @Inject
    HttpServletRequest servletRequest;

    @Context
    ResourceInfo resource;

    @Override
    public void filter(ContainerRequestContext request) {
        if (resource.getResourceMethod() != null && resource.getResourceMethod().isAnnotationPresent(Public.class)) {
            return;
        }
        Optional<String[]> credentials = credentials(request.getHeaderString(HttpHeaders.AUTHORIZATION));
        if (credentials.isPresent()) {
            String address = ClientAddress.of(servletRequest.getRemoteAddr(), request.getHeaderString("X-Forwarded-For"));
            Authenticator.Login login = authenticator.authenticate(credentials.get()[0], credentials.get()[1], address);
            if (login.caller().isPresent()) {
                currentCaller.set(login.caller().get());
                return;
            }
            if (login.retryAfter().isPresent()) {
                request.abortWith(tooMany(ErrorCode.TOO_MANY_ATTEMPTS, null, login.retryAfter().get()));
                return;
            }
        }
        // a script (the console) asks for no Basic challenge: a browser would answer one with its own password dialog
        boolean script = request.getHeaderString("X-Requested-With") != null;
        request.abortWith(Response.status(Response.Status.UNAUTHORIZED)
                .header(HttpHeaders.WWW_AUTHENTICATE, (script ? "Console" : "Basic")
                        + " realm=\"badgeworks\", charset=\"UTF-8\"")
                .type(MediaType.APPLICATION_JSON_TYPE)
                .entity(Envelope.failure(List.of(ErrorCode.UNAUTHENTICATED.at(null))))
                .build());
    }

    /** 429 with Retry-After in whole seconds (at least one), the same wait in the error's message. */
    static Response tooMany(ErrorCode code, String reference, Duration wait) {
        long seconds = Math.max(1, (wait.toMillis() + 999) / 1000);
        return Response.status(429).header(HttpHeaders.RETRY_AFTER, seconds).type(MediaType.APPLICATION_JSON_TYPE)
                .entity(Envelope.failure(List.of(code.at(reference, "Retry after " + seconds + " s.")))).build();
    }

    static Optional<String[]> credentials(String header) {
        if (header == null || !header.regionMatches(true, 0, "Basic ", 0, 6)) {
            return Optional.empty();
        }
        try {
            String decoded = new String(Base64.getDecoder().decode(header.substring(6).trim()), StandardCharsets.UTF_8);
            int colon = decoded.indexOf(':');
            if (colon <= 0 || decoded.length() > 1000) {
                return Optional.empty();
            }
            return Optional.of(new String[] {decoded.substring(0, colon), decoded.substring(colon + 1)});
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
