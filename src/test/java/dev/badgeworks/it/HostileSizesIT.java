package dev.badgeworks.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Issue 9, findings 3, 4 and 9: bodies too large for the heap (a 50 MB body was an OutOfMemoryError and a 500),
 * bodies that trickle in to hold request threads (slow clients made every GET time out, each logged as SEVERE),
 * and JSON sent as another content type (a cross-site form post needs no preflight).
 */
class HostileSizesIT {

    private final BadgeworksServer server = BadgeworksServer.shared();
    private final Api api = server.admin().newOrg("sizes");

    private static final String ADMIN = RawHttp.basic(BadgeworksServer.ADMIN_USER, BadgeworksServer.ADMIN_PASSWORD);

    /** Streams a body without a declared length, in 64 KB chunks, for as long as the server reads it. */
    private String streamed(String path, byte[] body) throws IOException {
        return streamed("POST", path, body);
    }

    private String streamed(String method, String path, byte[] body) throws IOException {
        try (RawHttp raw = new RawHttp(server.baseUri())) {
            raw.startChunked(method, path, ADMIN, "application/json");
            for (int at = 0; at < body.length; at += 65536) {
                if (!raw.sendChunk(java.util.Arrays.copyOfRange(body, at, Math.min(body.length, at + 65536)))) {
                    break;
                }
            }
            raw.send("0\r\n\r\n".getBytes());
            return raw.answerSoFar(10_000);
        }
    }

    private static byte[] padded(String open, int spaces, String close) {
        return (open + " ".repeat(spaces) + close).getBytes(java.nio.charset.StandardCharsets.UTF_8);
    }

    @Test
    void aBodyLargerThanItsEndpointTakesIs413AndChangesNothing() throws IOException {
        // 50 MB without a declared length: read up to the limit, then refused (it was an OutOfMemoryError)
        String name = Badges.uniqueName("Huge");
        String body = Badges.earnBadge(name).toString();
        String answer = streamed("badgeMeta", padded(body.substring(0, body.length() - 1), 50 * 1024 * 1024, "}"));
        assertTrue(answer.startsWith("HTTP/1.1 413") && answer.contains("\"code\":413"), answer);
        assertTrue(answer.contains("1048576"), answer);
        assertEquals(0, server.admin().get("badgeMeta?name=" + name.replace(" ", "%20")).data().getJsonObject("pagination").getInt("total"));
        server.admin().get("badgeMeta").expect(200);
    }

    @Test
    void theDocumentedBulkEndpointsTakeMoreThanOneMegabyte() throws IOException {
        // 1.5 MB of whitespace around an empty body: refused on a plain endpoint, read on a bulk one
        String plain = streamed("badgeMeta", padded("{", 1_500_000, "}"));
        assertTrue(plain.startsWith("HTTP/1.1 413"), plain);
        for (String bulk : List.of("customer/earnBulk", "badgeMeta/customer/issueBulk")) {
            String answer = streamed(bulk, padded("{", 1_500_000, "}"));
            assertTrue(answer.startsWith("HTTP/1.1 400") && !answer.contains("\"code\":413"),
                    bulk + " read the body and found its fields missing: " + answer);
        }
        for (String method : List.of("POST", "PUT")) {
            String migration = streamed(method, "import/customerBadges", padded("[", 1_500_000, "]"));
            assertTrue(migration.startsWith("HTTP/1.1 200"), method + ": " + migration);
        }
    }

    @Test
    void aDeclaredLengthBeyondTheLimitIsRefusedBeforeTheBodyIsSent() throws IOException {
        try (RawHttp raw = new RawHttp(server.baseUri())) {
            raw.startPost("badgeMeta", ADMIN, "application/json", 50L * 1024 * 1024);
            String answer = raw.answerSoFar(5000);
            assertTrue(answer.startsWith("HTTP/1.1 413"), answer);
            assertTrue(answer.contains("\"code\":413"), answer);
        }
        try (RawHttp raw = new RawHttp(server.baseUri())) {
            // an upload streams to disk, with its own (larger) limit: 2 GiB by default
            raw.startPost("imports?fileName=big.csv", RawHttp.basic(BadgeworksServer.ADMIN_USER,
                    BadgeworksServer.ADMIN_PASSWORD), "text/csv", 3L * 1024 * 1024 * 1024);
            String answer = raw.answerSoFar(5000);
            assertTrue(answer.startsWith("HTTP/1.1 413"), answer);
            assertTrue(answer.contains("2147483648"), answer);
        }
    }

    @Test
    void anUploadCutOffMidwayLeavesNoHalfFileAndNoImport() throws Exception {
        int importsBefore = server.admin().get("imports").data().getJsonObject("pagination").getInt("total");
        int logBefore = server.log().length();
        try (RawHttp raw = new RawHttp(server.baseUri())) {
            raw.startChunkedPost("imports?fileName=cut-off.csv", ADMIN, "text/csv");
            raw.sendChunk(("requestId,badgeMetaId,customerId\n" + "r,b,c\n".repeat(10_000)).getBytes());
        }
        java.nio.file.Path processing = server.inbox().resolve("1").resolve("processing");
        long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
        while (!server.log().substring(logBefore).contains("broke off") && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        assertTrue(server.log().substring(logBefore).contains("broke off"), "the server saw the upload end early");
        assertEquals(0, leftovers(processing), "no half upload left in " + processing);
        assertEquals(importsBefore, server.admin().get("imports").data().getJsonObject("pagination").getInt("total"));
    }

    private static long leftovers(java.nio.file.Path folder) throws IOException {
        if (!java.nio.file.Files.isDirectory(folder)) {
            return 0;
        }
        try (var files = java.nio.file.Files.list(folder)) {
            return files.filter(f -> f.getFileName().toString().endsWith("cut-off.csv")).count();
        }
    }

    @Test
    void jsonEndpointsTakeOnlyJson() {
        String body = Badges.earnBadge(Badges.uniqueName("Typed")).toString();
        for (String type : List.of("text/plain", "application/x-www-form-urlencoded", "multipart/form-data; boundary=x")) {
            api.send("POST", "badgeMeta", body, Map.of("Content-Type", type)).expectError(415, 415, null);
        }
        api.postBytes("customer/earn", "text/plain", "{}".getBytes()).expectError(415, 415, null);
        // no Content-Type at all: a cross-site form or script needs no preflight to send that either
        api.postUntyped("badgeMeta", body).expectError(415, 415, null);
        api.postUntyped("customer/earn", "{}").expectError(415, 415, null);
        assertEquals(0, api.get("badgeMeta").data().getJsonObject("pagination").getInt("total"));
        api.send("POST", "badgeMeta", body, Map.of("Content-Type", "application/json; charset=UTF-8")).expect(201);
    }

    @Test
    void slowBodiesGet408AndLeaveTheServerToEveryoneElse() throws Exception {
        // more trickling clients than the listener has threads (200): each holds one until its body times out
        List<RawHttp> slow = new ArrayList<>();
        String logBefore = server.log();
        try {
            for (int i = 0; i < 220; i++) {
                RawHttp raw = new RawHttp(server.baseUri());
                raw.startPost("badgeMeta", RawHttp.basic(BadgeworksServer.ADMIN_USER, BadgeworksServer.ADMIN_PASSWORD),
                        "application/json", 100_000);
                slow.add(raw);
            }
            long started = System.nanoTime();
            Map<RawHttp, String> answers = new java.util.IdentityHashMap<>();
            boolean getServed = false;
            while (answers.size() < slow.size() && System.nanoTime() - started < Duration.ofSeconds(40).toNanos()) {
                for (RawHttp raw : slow) {
                    if (!answers.containsKey(raw)) {
                        raw.send(new byte[] {' '});
                    }
                }
                if (!getServed) {
                    getServed = api.get("badgeMeta").status() == 200;
                }
                for (RawHttp raw : slow) {
                    if (!answers.containsKey(raw)) {
                        String answer = raw.answerSoFar(2);
                        if (!answer.isEmpty()) {
                            answers.put(raw, answer);
                        }
                    }
                }
                Thread.sleep(500);
            }
            assertTrue(getServed, "a normal GET was served while the slow clients waited");
            assertEquals(slow.size(), answers.size(), "every slow client got its answer within 40 s");
            answers.values().forEach(a -> assertTrue(a.startsWith("HTTP/1.1 408") && a.contains("\"code\":408"), a));
        } finally {
            for (RawHttp raw : slow) {
                raw.close();
            }
        }
        String log = server.log().substring(logBefore.length());
        assertFalse(log.contains("SEVERE"), "no stack traces for clients that were too slow");
        assertTrue(log.contains("not received in time"), "one line per timed-out body");
        api.get("badgeMeta").expect(200);
    }

    @Test
    void aClientThatStopsSendingLosesItsRequestAfterTheReadTimeout() throws Exception {
        try (RawHttp raw = new RawHttp(server.baseUri())) {
            raw.startPost("badgeMeta", RawHttp.basic(BadgeworksServer.ADMIN_USER, BadgeworksServer.ADMIN_PASSWORD),
                    "application/json", 1000);
            raw.send("{".getBytes());
            String answer = "";
            long started = System.nanoTime();
            while (answer.isEmpty() && System.nanoTime() - started < Duration.ofSeconds(30).toNanos()) {
                answer = raw.answerSoFar(500);
            }
            assertTrue(answer.startsWith("HTTP/1.1 408"), answer);
        }
    }
}
