package dev.badgeworks.it;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Loyalty programs sending earns while the database fails over: each client sends one earn at a time and, on 503
 * or on a timeout or broken connection, sends the same earn again — same requestId — until it gets an answer that
 * settles it: 200 (earned) or 400 809 (already earned, by an earlier attempt whose answer was lost). Anything else
 * is recorded as unexpected; so is a 503 that is not the API's DATABASE_UNAVAILABLE with a Retry-After.
 */
final class EarnLoad implements AutoCloseable {

    /** An earn settled: the requestId, how it was answered (200 or 809), the earn's id and when. */
    record Settled(String requestId, int status, String earnId, long atMs) {
    }

    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(2)).build();

    private final URI earnUri;
    private final String authorization;
    private final String badge;
    private final String tag;
    private final AtomicBoolean stopping = new AtomicBoolean();
    private final List<Thread> clients = new ArrayList<>();
    private final ConcurrentLinkedQueue<Settled> settled = new ConcurrentLinkedQueue<>();
    private final ConcurrentLinkedQueue<String> unexpected = new ConcurrentLinkedQueue<>();
    private final AtomicInteger refused = new AtomicInteger();
    private final AtomicInteger timedOut = new AtomicInteger();

    EarnLoad(URI base, String authorization, String badge, String tag) {
        this.earnUri = base.resolve(Api.PREFIX + "customer/earn");
        this.authorization = authorization;
        this.badge = badge;
        this.tag = tag;
    }

    EarnLoad start(int clientCount) {
        for (int i = 0; i < clientCount; i++) {
            int client = i;
            Thread thread = new Thread(() -> run(client), "earn-client-" + tag + "-" + i);
            clients.add(thread);
            thread.start();
        }
        return this;
    }

    private void run(int client) {
        for (int n = 0; !stopping.get(); n++) {
            String requestId = tag + "-" + client + "-" + n;
            String body = EarnIT.earn(badge, "cust-" + ThreadLocalRandom.current().nextInt(20_000), requestId).build()
                    .toString();
            settle(requestId, body);
        }
    }

    /** Sends one earn until it is settled; a client never gives up on an earn it has sent. */
    private void settle(String requestId, String body) {
        HttpRequest request = HttpRequest.newBuilder(earnUri).timeout(Duration.ofSeconds(15))
                .header("Authorization", authorization).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
        while (true) {
            HttpResponse<String> response;
            try {
                response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
            } catch (IOException e) {
                timedOut.incrementAndGet();
                sleep(500);
                continue;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            int status = response.statusCode();
            JsonObject json = parse(response.body());
            if (status == 200 || (status == 400 && firstErrorCode(json) == 809)) {
                settled.add(new Settled(requestId, status == 200 ? 200 : 809,
                        json.getJsonObject("data").getString("earnedBadgeId"), System.currentTimeMillis()));
                return;
            }
            if (status == 503 && firstErrorCode(json) == 1190 && response.headers().firstValue("Retry-After")
                    .isPresent()) {
                refused.incrementAndGet();
                sleep(1000L * Long.parseLong(response.headers().firstValue("Retry-After").get()));
                continue;
            }
            unexpected.add(requestId + ": HTTP " + status + " " + response.headers().map() + " " + response.body());
            return;
        }
    }

    private static JsonObject parse(String body) {
        try {
            return Json.createReader(new StringReader(body)).readObject();
        } catch (RuntimeException notJson) {
            return Json.createObjectBuilder().add("body", body).build();
        }
    }

    private static int firstErrorCode(JsonObject json) {
        return json.containsKey("errors") && !json.isNull("errors") && !json.getJsonArray("errors").isEmpty()
                ? json.getJsonArray("errors").getJsonObject(0).getInt("code") : -1;
    }

    int settledCount() {
        return settled.size();
    }

    List<Settled> settled() {
        return new ArrayList<>(settled);
    }

    List<String> unexpected() {
        return new ArrayList<>(unexpected);
    }

    /** 503 answers (each followed by the same earn again). */
    int refused() {
        return refused.get();
    }

    /** Attempts that timed out or lost their connection (each followed by the same earn again). */
    int timedOut() {
        return timedOut.get();
    }

    /** The longest time without an earn settled from {@code fromMs} on: how long clients waited for the database. */
    long longestPauseMs(long fromMs) {
        long previous = fromMs;
        long longest = 0;
        for (long at : settled.stream().mapToLong(Settled::atMs).filter(t -> t >= fromMs).sorted().toArray()) {
            longest = Math.max(longest, at - previous);
            previous = at;
        }
        return longest;
    }

    /** Lets every client settle the earn it holds, then ends them. */
    @Override
    public void close() throws InterruptedException {
        stopping.set(true);
        for (Thread client : clients) {
            client.join(120_000);
        }
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
