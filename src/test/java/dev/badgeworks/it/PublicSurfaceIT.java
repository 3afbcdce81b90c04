package dev.badgeworks.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Issue 9, finding 11: what anyone can learn without credentials. Only /health (for load balancers) and, since
 * issue 11, the application's own OpenAPI document answer the public; the server's /metrics and /openapi are off,
 * the application's metrics need the operator, OPTIONS no longer hands out a WADL map of the API, and no header
 * names the server. See docs/security.md.
 */
class PublicSurfaceIT {

    private final BadgeworksServer server = BadgeworksServer.shared();

    /** Unauthenticated, in HTTP/1.1 like every client of the tests (see {@link Api}). */
    private HttpResponse<String> get(String path) throws Exception {
        return Api.HTTP.send(HttpRequest.newBuilder(server.baseUri().resolve(path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void onlyHealthIsPublic() throws Exception {
        assertEquals(200, get("health").statusCode());
        // issue 11: readiness is real — database, schema and inbox — not only "the JVM is up"
        HttpResponse<String> ready = get("health/ready");
        assertEquals(200, ready.statusCode(), ready.body());
        assertTrue(ready.body().contains("\"name\":\"badgeworks\"") && ready.body().contains("\"database\":\"UP\"")
                && ready.body().contains("\"inbox\":\"UP\"") && ready.body().contains("\"schema\":\""), ready.body());
        for (String path : new String[] {"metrics", "api_gateway/v1/badges/admin/metrics",
                "api_gateway/v1/badges/badgeMeta", "application.wadl", "openapi"}) {
            HttpResponse<String> response = get(path);
            assertNotEquals(200, response.statusCode(), path + ": " + response.body());
            assertFalse(response.body().contains("base_") || response.body().contains("badgeworks_"), path);
            assertFalse(response.body().contains("/api_gateway/"), path + " describes the API: " + response.body());
        }
    }

    @Test
    void aClientAskingForAnotherTypeGets406InJsonAndTheLogStaysQuiet() throws Exception {
        // issue 26: Accept: text/plain was a 500 with Payara's HTML page naming the Envelope class, and 119 log lines
        int logBefore = server.log().length();
        for (String accept : new String[] {"text/plain", "text/html", "application/xml", "image/png",
                "application/octet-stream"}) {
            for (String path : new String[] {"api_gateway/v1/badges/badgeMeta", "openapi.yaml"}) {
                HttpResponse<String> response = Api.HTTP.send(HttpRequest.newBuilder(server.baseUri().resolve(path))
                        .header("Accept", accept).build(), HttpResponse.BodyHandlers.ofString());
                assertEquals(406, response.statusCode(), accept + " " + path + ": " + response.body());
                assertTrue(response.body().contains("\"code\":406"), response.body());
                assertFalse(response.body().contains("dev.badgeworks") || response.body().contains("Writer"),
                        response.body());
            }
        }
        // with credentials too, and JSON still answers to the usual Accept headers
        server.admin().send("GET", "badgeMeta", null, Map.of("Accept", "text/plain")).expectError(406, 406, null);
        server.admin().send("GET", "badgeMeta", null, Map.of("Accept", "text/plain, */*;q=0.1")).expect(200);
        server.admin().send("GET", "badgeMeta", null, Map.of("Accept", "application/json")).expect(200);
        assertFalse(server.log().substring(logBefore).contains("SEVERE"), "no stack traces for a client's Accept");
    }

    @Test
    void aBodyInACharsetNobodyKnowsIs415() {
        int logBefore = server.log().length();
        for (String charset : new String[] {"nope", "utf-99", "\"x y\""}) {
            server.admin().send("POST", "badgeMeta", "{}", Map.of("Content-Type", "application/json; charset=" + charset))
                    .expectError(415, 415, null);
        }
        // the same body in a known charset is read (and refused for its missing fields)
        server.admin().send("POST", "badgeMeta", "{}", Map.of("Content-Type", "application/json; charset=utf-8"))
                .expect(400);
        assertFalse(server.log().substring(logBefore).contains("SEVERE"), "no stack trace for a client's charset");
    }

    @Test
    void theServerListensOnItsHttpPortAndNothingElse() throws Exception {
        // issue 26: Payara's data grid (Hazelcast, the EJB timer store) listened on *:6900 though nothing needs it
        java.util.Set<String> ports = server.listening();
        assertEquals(1, ports.size(), "listening: " + ports);
        assertTrue(ports.iterator().next().endsWith(":" + server.baseUri().getPort()), "listening: " + ports);
    }

    @Test
    void theOpenApiDocumentIsTheApplicationsOwnNotTheServersStub() throws Exception {
        HttpResponse<String> document = get("openapi.yaml");
        assertEquals(200, document.statusCode(), document.body());
        assertTrue(document.headers().firstValue("content-type").orElse("").startsWith("application/yaml"),
                document.headers().map().toString());
        assertTrue(document.body().matches("(?s)(.*\\n)?openapi: 3.*"), document.body());
        assertTrue(document.body().contains("title: Badgeworks"), "not Payara's \"Deployed Resources\"");
        assertTrue(document.body().contains("/api_gateway/v1/badges/customer/earn:"));
    }

    @Test
    void noAnswerNamesTheServer() throws Exception {
        for (String path : new String[] {"health", "api_gateway/v1/badges/badgeMeta", "nothing-here"}) {
            HttpResponse<String> response = get(path);
            assertTrue(response.headers().firstValue("server").isEmpty(), path + ": " + response.headers().map());
            assertTrue(response.headers().firstValue("x-powered-by").isEmpty(), path + ": " + response.headers().map());
        }
    }

    @Test
    void optionsListsTheMethodsButNoMapOfTheApi() {
        Api.Reply reply = server.admin().send("OPTIONS", "badgeMeta", null, Map.of());
        assertFalse(reply.body().contains("<application") || reply.body().contains("wadl"), reply.body());
        assertFalse(reply.headers().getOrDefault("content-type", java.util.List.of("")).get(0).contains("wadl"));
        Api.Reply anonymous = server.admin().anonymous().send("OPTIONS", "badgeMeta", null, Map.of());
        assertFalse(anonymous.body().contains("<application"), anonymous.body());
    }
}
