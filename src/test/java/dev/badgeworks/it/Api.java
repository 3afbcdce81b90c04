package dev.badgeworks.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** The API as a client sees it: HTTP with Basic auth, JSON bodies as text, answers parsed from the wire. */
public final class Api {

    public static final String PREFIX = "api_gateway/v1/badges/";
    /**
     * HTTP/1.1, as docs/operations.md tells clients to speak (and as load balancers speak to instances): Java's client
     * otherwise upgrades to HTTP/2 (h2c), where Grizzly can deadlock a connection for good (see BadgeworksServer)
     * and breaks about one large upgraded answer in 50 (openapi.yaml, 185 kB: part of the body outside HTTP/2 frames).
     */
    static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    private final URI base;
    private final String username;
    private final String authorization;
    private final long orgId;

    public Api(URI base, String user, String password) {
        this(base, user, password, 1);
    }

    private Api(URI base, String user, String password, long orgId) {
        this(base, orgId, user, user == null ? null
                : "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8)));
    }

    private Api(URI base, long orgId, String username, String authorization) {
        this.base = base;
        this.username = username;
        this.orgId = orgId;
        this.authorization = authorization;
    }

    /** The same caller talking to another instance (behind a load balancer, each request may land anywhere). */
    public Api on(BadgeworksServer server) {
        return new Api(server.baseUri(), orgId, username, authorization);
    }

    /** The same caller talking to another address, e.g. a load balancer in front of several instances. */
    public Api at(URI otherBase) {
        return new Api(otherBase, orgId, username, authorization);
    }

    /** The Authorization header this client sends, for other clients of the same user. */
    public String authorization() {
        return authorization;
    }

    /** The username this client logs in with. */
    public String username() {
        return username;
    }

    public Api as(String user, String password) {
        return new Api(base, user, password, orgId);
    }

    /** The org this client acts for. */
    public long orgId() {
        return orgId;
    }

    public Api anonymous() {
        return new Api(base, null, null);
    }

    /** A fresh org with its own non-admin user: tests are isolated by org, no clean-up needed. */
    public Api newOrg(String prefix) {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        Reply org = post("admin/orgs", "{\"name\":\"" + prefix + "-" + suffix + "\"}").expect(201);
        long orgId = org.data().getJsonNumber("id").longValue();
        String user = prefix + "-user-" + suffix;
        String password = "password-" + suffix + "-long";
        post("admin/orgs/" + orgId + "/users", "{\"username\":\"" + user + "\",\"password\":\"" + password + "\"}")
                .expect(201);
        return new Api(base, user, password, orgId);
    }

    /** As the platform operator: a new admin of {@code orgUser}'s org, answered as a client of that org. */
    public Api orgAdminOf(Api orgUser) {
        String name = "org-admin-" + UUID.randomUUID().toString().substring(0, 8);
        String password = "password-" + name;
        post("admin/orgs/" + orgUser.orgId() + "/users", "{\"username\":\"" + name + "\",\"password\":\"" + password
                + "\",\"role\":\"ORG_ADMIN\"}").expect(201);
        return orgUser.as(name, password);
    }

    public Reply get(String path) {
        return send("GET", path, null, Map.of());
    }

    public Reply post(String path, String json) {
        return send("POST", path, json, Map.of());
    }

    public Reply post(String path, String json, Map<String, String> headers) {
        return send("POST", path, json, headers);
    }

    public Reply put(String path, String json) {
        return send("PUT", path, json, Map.of());
    }

    /** Posts a file's bytes as they are, e.g. an import upload. */
    public Reply postBytes(String path, String contentType, byte[] body) {
        return sendBody("POST", path, HttpRequest.BodyPublishers.ofByteArray(body), Map.of("Content-Type", contentType));
    }

    /** A POST whose body says nothing of its type: no Content-Type header at all. */
    public Reply postUntyped(String path, String body) {
        return sendBody("POST", path, HttpRequest.BodyPublishers.ofString(body), Map.of());
    }

    /** A POST to a path outside the reference's prefix (an alias at another API's path). */
    public Reply postAtRoot(String pathFromRoot, String json) {
        return sendBody("POST", "../../../" + pathFromRoot, HttpRequest.BodyPublishers.ofString(json),
                Map.of("Content-Type", "application/json"));
    }

    public Reply send(String method, String path, String json, Map<String, String> headers) {
        Map<String, String> all = new java.util.HashMap<>(headers);
        if (json != null) {
            all.putIfAbsent("Content-Type", "application/json");
        }
        return sendBody(method, path, json == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(json), all);
    }

    private Reply sendBody(String method, String path, HttpRequest.BodyPublisher body, Map<String, String> headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(PREFIX + path)).timeout(Duration.ofSeconds(60))
                .method(method, body);
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        headers.forEach(request::header);
        try {
            HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Reply(response.statusCode(), response.body(), response.headers().map());
        } catch (IOException e) {
            throw new IllegalStateException(method + " " + path + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** One HTTP answer; every answer must be the {data, errors, warnings} envelope. */
    public record Reply(int status, String body, Map<String, List<String>> headers) {

        public JsonObject json() {
            JsonObject json = Json.createReader(new StringReader(body)).readObject();
            assertTrue(json.containsKey("data") && json.containsKey("errors") && json.containsKey("warnings"),
                    "not an envelope: " + body);
            return json;
        }

        public JsonObject data() {
            JsonValue data = json().get("data");
            assertNotNull(data, body);
            return data.asJsonObject();
        }

        public JsonArray errors() {
            return json().getJsonArray("errors");
        }

        public Reply expect(int httpStatus) {
            assertEquals(httpStatus, status, () -> "HTTP status; body: " + body);
            return this;
        }

        /** The answer is a refusal with this HTTP status whose errors include {@code code} at {@code reference}. */
        public Reply expectError(int httpStatus, int code, String reference) {
            expect(httpStatus);
            JsonObject json = json();
            // docs/error-codes.md: a refusal carries no data, except a repeat (809) with the original result
            boolean repeat = json.getJsonArray("errors").stream().map(JsonValue::asJsonObject)
                    .anyMatch(e -> e.getInt("code") == 809);
            assertTrue(json.isNull("data") || repeat, () -> "a refusal with data: " + body);
            boolean found = json.getJsonArray("errors").stream().map(JsonValue::asJsonObject)
                    .anyMatch(e -> e.getInt("code") == code
                            && (reference == null ? e.isNull("reference") : !e.isNull("reference")
                            && reference.equals(e.getString("reference"))));
            assertTrue(found, () -> "expected error " + code + " at " + reference + " in " + body);
            assertTrue(!body.contains("Exception") && !body.contains("\tat "), () -> "leaks internals: " + body);
            return this;
        }
    }
}
