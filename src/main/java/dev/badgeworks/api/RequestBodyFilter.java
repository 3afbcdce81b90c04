package dev.badgeworks.api;

import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;
import java.io.InputStream;
import java.lang.reflect.Method;
import java.nio.charset.Charset;
import java.nio.charset.IllegalCharsetNameException;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Every request body, before a resource reads it: JSON endpoints take only JSON (a form or text/plain post is
 * what a browser sends cross-site without a preflight), and every body is held to its size and deadline
 * (see {@link BodyLimits}). Runs after authentication, so an anonymous caller's body is never read at all.
 */
@Provider
@Priority(Priorities.AUTHENTICATION + 100)
public class RequestBodyFilter implements ContainerRequestFilter {

    /** What a resource method reads: a file, a bulk JSON body, or an ordinary JSON body. */
    private enum Body {
        FILE, BULK_JSON, JSON;

        static Body of(Method method) {
            // a resource that takes its body as a stream reads files (and says itself which types it takes)
            if (Arrays.asList(method.getParameterTypes()).contains(InputStream.class)) {
                return FILE;
            }
            return method.isAnnotationPresent(BulkBody.class) ? BULK_JSON : JSON;
        }
    }

    private static final Map<Method, Body> BODIES = new ConcurrentHashMap<>();

    @Context
    ResourceInfo resource;

    /** CDI's built-in request bean: JAX-RS's {@code @Context} proxy looked the request up anew for every request. */
    @Inject
    HttpServletRequest servletRequest;

    @Override
    public void filter(ContainerRequestContext request) {
        Method method = resource.getResourceMethod();
        if (method == null || HttpMethod.GET.equals(request.getMethod()) || HttpMethod.HEAD.equals(request.getMethod())) {
            return; // no resource reads the body of a GET
        }
        BodyLimits limits = BodyLimits.CONFIGURED;
        MediaType type = request.getMediaType();
        boolean json = isJson(type);
        Body body = BODIES.computeIfAbsent(method, Body::of);
        boolean file = body == Body.FILE;
        long limit = file && !json ? limits.uploadBytes() : body == Body.BULK_JSON ? limits.bulkJsonBytes()
                : limits.jsonBytes();
        if (declaredLength(request) > limit) {
            // refused on its declared length, before a byte of it is read; the connection is closed, not drained
            request.abortWith(Response.fromResponse(ApiExceptionMapper.response(BoundedBody.tooLarge(limit)))
                    .header("Connection", "close").build());
            return;
        }
        requireKnownCharset(type);
        if (!request.hasEntity()) {
            return;
        }
        if (!file && !json) {
            throw ErrorCode.UNSUPPORTED_MEDIA_TYPE.exception(null, type == null
                    ? "The request has a body but no Content-Type."
                    : "This endpoint does not take " + type.getType() + "/" + type.getSubtype() + ".");
        }
        String client = ClientAddress.of(servletRequest.getRemoteAddr(), request.getHeaderString("X-Forwarded-For"));
        request.setEntityStream(new BoundedBody(request.getEntityStream(), limit, limits.bodyGrace().toNanos(),
                limits.minBytesPerSecond(), System::nanoTime, client));
    }

    /** A charset the body cannot be decoded in is the client's mistake (415), not a failure of the reader (500). */
    private static void requireKnownCharset(MediaType type) {
        String charset = type == null ? null : type.getParameters().get(MediaType.CHARSET_PARAMETER);
        if (charset == null) {
            return;
        }
        boolean known;
        try {
            known = Charset.isSupported(charset.trim());
        } catch (IllegalCharsetNameException e) {
            known = false;
        }
        if (!known) {
            throw ErrorCode.UNSUPPORTED_MEDIA_TYPE.exception(null, "Unknown charset '" + Excerpt.of(charset)
                    + "': send UTF-8.");
        }
    }

    /** The Content-Length as a long: JAX-RS reads it as an int and fails on an upload's honest 3 GB. */
    private static long declaredLength(ContainerRequestContext request) {
        String header = request.getHeaderString(HttpHeaders.CONTENT_LENGTH);
        try {
            return header == null ? -1 : Long.parseLong(header.trim());
        } catch (NumberFormatException e) {
            throw ErrorCode.INVALID_REQUEST.exception(null, "Content-Length is not a number.");
        }
    }

    static boolean isJson(MediaType type) {
        return type != null && "application".equalsIgnoreCase(type.getType())
                && ("json".equalsIgnoreCase(type.getSubtype()) || type.getSubtype().toLowerCase(Locale.ROOT).endsWith("+json"));
    }
}
