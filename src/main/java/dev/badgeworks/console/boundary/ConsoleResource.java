package dev.badgeworks.console.boundary;

import dev.badgeworks.api.Public;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Serves the console's files (classpath {@code /console/}): the API answers every path of the application, so the
 * console is served by it too, the same way on every server. Files only, no credentials needed (the pages hold no
 * data: they ask the API for it with the user's credentials). Every answer carries a strict Content-Security-Policy
 * — scripts, styles and API calls from this origin only, no inline script or style, no framing, no form posted
 * anywhere — so a value that slipped past the pages' escaping still could not run; and is never cached, so a new
 * version is seen on the next load.
 */
@ApplicationScoped
@Path("console")
public class ConsoleResource {

    static final String POLICY = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:;"
            + " connect-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

    /** A file name the console has: letters, digits and dashes, in at most one folder, of a type below. */
    private static final Pattern NAME = Pattern.compile("([a-z0-9-]+/)?[a-z0-9-]+\\.(html|css|js)");

    private static final Map<String, String> TYPES = Map.of("html", "text/html; charset=UTF-8",
            "css", "text/css; charset=UTF-8", "js", "text/javascript; charset=UTF-8");

    /** {@code /console} and {@code /console/}: the page (relative links need the slash). */
    @GET
    @Public
    public Response index(@Context UriInfo uri) {
        if (!uri.getPath().endsWith("/")) {
            return Response.seeOther(uri.getBaseUriBuilder().path("console/").build()).build();
        }
        return file("index.html");
    }

    @GET
    @Public
    @Path("{file: .+}")
    public Response file(@PathParam("file") String name) {
        InputStream in = NAME.matcher(name).matches()
                ? ConsoleResource.class.getResourceAsStream("/console/" + name) : null;
        if (in == null) {
            throw new NotFoundException();
        }
        byte[] body;
        try (in) {
            body = in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Response.ok(body, TYPES.get(name.substring(name.lastIndexOf('.') + 1)))
                .header("Content-Security-Policy", POLICY)
                .header("X-Content-Type-Options", "nosniff")
                .header("Referrer-Policy", "no-referrer")
                .header("X-Frame-Options", "DENY")
                .header("Cache-Control", "no-store")
                .build();
    }
}
