package dev.badgeworks.it;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Set;

/** Helpers for import tests: upload a file, wait for an import to settle, read its rejects. */
public final class Imports {

    static final String HEADER = "requestId,badgeMetaId,customerId,earnEventDate,ownerType,referenceId\n";

    private Imports() {
    }

    /**
     * A file of {@code rows} good, distinct earns of one badge (claimed by Loyalty {@code referenceId}) over 9,000
     * customers; its requestIds are new on every call.
     */
    static String distinctEarns(String badge, String referenceId, int rows) {
        String tag = java.util.UUID.randomUUID().toString().substring(0, 8);
        StringBuilder file = new StringBuilder(HEADER);
        for (int i = 1; i <= rows; i++) {
            file.append(tag).append('-').append(i).append(',').append(badge).append(",cust-").append(i % 9000)
                    .append(",,Loyalty,").append(referenceId).append('\n');
        }
        return file.toString();
    }

    /** Uploads {@code content} as a file and returns the import's id. */
    public static String upload(Api api, String fileName, String contentType, String content) {
        return api.postBytes("imports?fileName=" + fileName, contentType, content.getBytes(StandardCharsets.UTF_8))
                .expect(202).data().getString("id");
    }

    /** Polls the import until its status is one of {@code statuses}. */
    public static JsonObject await(Api api, String importId, Duration timeout, String... statuses) {
        long deadline = System.nanoTime() + timeout.toNanos();
        JsonObject last = null;
        while (System.nanoTime() < deadline) {
            last = api.get("imports/" + importId).expect(200).data();
            if (Set.of(statuses).contains(last.getString("status"))) {
                return last;
            }
            sleep(200);
        }
        fail("import " + importId + " did not reach " + Set.of(statuses) + " in " + timeout + ": " + last);
        return last;
    }

    /** The rejects file written beside the imported file in done/ or failed/. */
    public static String rejectsFile(Path orgInbox, String folder, String importId) {
        try (var files = Files.list(orgInbox.resolve(folder))) {
            Path rejects = files.filter(p -> p.getFileName().toString().startsWith(importId)
                    && p.getFileName().toString().endsWith(".rejects.csv")).findFirst().orElseThrow();
            return Files.readString(rejects);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The summary report written beside the imported file. */
    public static jakarta.json.JsonObject report(Path orgInbox, String folder, String importId) {
        try (var files = Files.list(orgInbox.resolve(folder))) {
            Path report = files.filter(p -> p.getFileName().toString().startsWith(importId)
                    && p.getFileName().toString().endsWith(".report.json")).findFirst().orElseThrow();
            return jakarta.json.Json.createReader(new java.io.StringReader(Files.readString(report))).readObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static void assertFileIn(Path orgInbox, String folder, String importId, String suffix) {
        try (var files = Files.list(orgInbox.resolve(folder))) {
            assertTrue(files.anyMatch(p -> p.getFileName().toString().startsWith(importId)
                    && p.getFileName().toString().endsWith(suffix)), () -> importId + "*" + suffix + " in " + folder);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
