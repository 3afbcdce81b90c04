package dev.badgeworks.api;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * The API's OpenAPI document, written by hand and checked against the served resources by
 * {@code OpenApiDocumentTest}, so that clients generated from it work. Public: it describes the open API, no
 * org or data. Served by the WAR itself, the same on every server, at {@code /openapi.yaml}: {@code /openapi} is
 * the server's own MicroProfile endpoint (Payara's stub, switched off, still answers 403 there).
 */
@ApplicationScoped
@Path("openapi.yaml")
public class OpenApiResource {

    static final String DOCUMENT = "/META-INF/openapi.yaml";

    @GET
    @Public
    @Produces("application/yaml; charset=utf-8")
    public byte[] document() {
        try (InputStream in = OpenApiResource.class.getResourceAsStream(DOCUMENT)) {
            if (in == null) {
                throw new IllegalStateException(DOCUMENT + " is missing from the WAR");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
