package dev.badgeworks.it;

import com.sun.net.httpserver.HttpServer;
import dev.badgeworks.events.control.WebhookSignature;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonStructure;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;

/**
 * A webhook receiver as a loyalty program runs one: the JDK's HTTP server on a free port, recording every POST
 * (its time, headers and body) and answering as told — 2xx, failures, or too slowly — to test delivery from outside.
 */
final class Receiver implements AutoCloseable {

    /** One POST as it arrived. */
    record Post(long atMs, String body, String timestamp, String signature, String webhookId, int answered) {

        /** The events of the POST: one object, or an array of them for an endpoint that batches. */
        List<JsonObject> events() {
            JsonStructure json = Json.createReader(new StringReader(body)).read();
            if (json instanceof JsonArray array) {
                return array.getValuesAs(JsonObject.class);
            }
            return List.of((JsonObject) json);
        }

        boolean verifies(String secret) {
            return WebhookSignature.verify(secret, Long.parseLong(timestamp), body, signature);
        }
    }

    private final HttpServer server;
    private final List<Post> posts = new CopyOnWriteArrayList<>();
    private final AtomicInteger failNext = new AtomicInteger();
    private final AtomicInteger slowNext = new AtomicInteger();
    private final AtomicInteger redirectNext = new AtomicInteger();
    private volatile long slowMs;
    private volatile String redirectTo;

    Receiver() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 64);
        server.setExecutor(Executors.newCachedThreadPool());
        server.createContext("/", exchange -> {
            byte[] bytes;
            try (InputStream in = exchange.getRequestBody()) {
                bytes = in.readAllBytes();
            }
            if (slowNext.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
                sleep(slowMs);
            }
            var headers = exchange.getRequestHeaders();
            boolean fail = failNext.getAndUpdate(n -> Math.max(0, n - 1)) > 0;
            boolean redirect = !fail && redirectNext.getAndUpdate(n -> Math.max(0, n - 1)) > 0;
            int status = fail ? 503 : redirect ? 307 : 204;
            posts.add(new Post(System.currentTimeMillis(), new String(bytes, StandardCharsets.UTF_8),
                    headers.getFirst("X-Badgeworks-Timestamp"), headers.getFirst("X-Badgeworks-Signature"),
                    headers.getFirst("X-Badgeworks-Webhook-Id"), status));
            if (redirect) {
                exchange.getResponseHeaders().add("Location", redirectTo);
            }
            exchange.sendResponseHeaders(status, -1);
            exchange.close();
        });
        server.start();
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/hooks/badges";
    }

    /** The next {@code n} POSTs are answered 503 (and recorded). */
    void failNext(int n) {
        failNext.set(n);
    }

    /** The next {@code n} POSTs are answered 307 to {@code location} (and recorded). */
    void redirectNext(int n, String location) {
        redirectTo = location;
        redirectNext.set(n);
    }

    /** The next {@code n} POSTs are answered only after {@code ms}. */
    void slowNext(int n, long ms) {
        slowMs = ms;
        slowNext.set(n);
    }

    List<Post> posts() {
        return new ArrayList<>(posts);
    }

    /** Every event received, in arrival order (retries included). */
    List<JsonObject> events() {
        List<JsonObject> events = new ArrayList<>();
        posts.forEach(p -> events.addAll(p.events()));
        return events;
    }

    /** The events of the POSTs that were answered 2xx: those the sender counts as delivered. */
    List<JsonObject> accepted() {
        List<JsonObject> events = new ArrayList<>();
        posts.stream().filter(p -> p.answered() / 100 == 2).forEach(p -> events.addAll(p.events()));
        return events;
    }

    /** Waits until the received events satisfy {@code done}; answers them. */
    List<JsonObject> await(Predicate<List<JsonObject>> done, long timeoutMs) {
        long deadline = System.currentTimeMillis() + timeoutMs;
        while (System.currentTimeMillis() < deadline) {
            List<JsonObject> events = events();
            if (done.test(events)) {
                return events;
            }
            sleep(50);
        }
        throw new AssertionError("receiver did not get what was expected within " + timeoutMs + " ms; got "
                + events().size() + " event(s) in " + posts.size() + " POST(s)");
    }

    static long countOf(List<JsonObject> events, String name) {
        return events.stream().filter(e -> name.equals(e.getString("eventName", ""))).count();
    }

    static String text(JsonObject o, String... path) {
        JsonValue v = o;
        for (String p : path) {
            v = v.asJsonObject().get(p);
        }
        return v instanceof jakarta.json.JsonString s ? s.getString() : String.valueOf(v);
    }

    private static void sleep(long ms) {
        try {
            TimeUnit.MILLISECONDS.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
