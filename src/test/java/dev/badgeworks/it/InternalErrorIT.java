package dev.badgeworks.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Issue 15: a failure the product did not foresee is a 500 whose only detail is a correlation id, and the operator
 * finds that id in the log with the stack trace. The fault is real: the org's inbox folder cannot be created
 * because a file holds its name, so an upload fails with an I/O error deep in the server.
 */
class InternalErrorIT {

    static final Pattern ANSWER = Pattern.compile("Internal error\\. correlationId=([0-9a-f]{8}(-[0-9a-f]{4}){3}-[0-9a-f]{12})");

    @Test
    void anUnforeseenFailureIs500WithACorrelationIdAndNoInternalsAndTheLogHasBoth() throws Exception {
        BadgeworksServer server = BadgeworksServer.shared();
        Api api = server.admin().newOrg("fault");
        Files.createDirectories(server.inbox());
        Path orgInbox = Files.writeString(server.inbox().resolve(Long.toString(api.orgId())), "a file, not a folder");
        try {
            String first = correlationId(api, orgInbox);
            String second = correlationId(api, orgInbox);
            assertNotEquals(first, second, "one id per failure");

            String log = awaitInLog(server, "correlationId=" + first);
            String entry = log.substring(log.indexOf("correlationId=" + first));
            entry = entry.substring(0, Math.min(entry.length(), 4000));
            assertTrue(entry.contains("FileAlreadyExistsException") && entry.contains("at dev.badgeworks."),
                    () -> "the log has the failure and its stack trace by the id: " + log.substring(log.length() - 3000));
        } finally {
            Files.deleteIfExists(orgInbox);
        }
        // the org's uploads work again once the fault is gone: the 500 was the fault, not the request
        api.postBytes("imports?fileName=x.csv", "text/csv", Imports.HEADER.getBytes(StandardCharsets.UTF_8)).expect(202);
    }

    private static String correlationId(Api api, Path orgInbox) {
        Api.Reply reply = api.postBytes("imports?fileName=x.csv", "text/csv",
                (Imports.HEADER + "r,b,c,,Loyalty,p\n").getBytes(StandardCharsets.UTF_8)).expect(500);
        JsonObject json = reply.json();
        assertTrue(json.isNull("data"), reply.body());
        JsonArray errors = json.getJsonArray("errors");
        assertEquals(1, errors.size(), reply.body());
        JsonObject error = errors.getJsonObject(0);
        assertEquals(999999, error.getInt("code"));
        assertTrue(error.isNull("reference"), reply.body());
        Matcher m = ANSWER.matcher(error.getString("message"));
        assertTrue(m.matches(), reply.body());
        for (String internal : new String[] {"Exception", "\tat ", "java.", "dev.badgeworks", orgInbox.toString(),
                orgInbox.getFileName() + "/"}) {
            assertFalse(reply.body().contains(internal), () -> "leaks '" + internal + "': " + reply.body());
        }
        return m.group(1);
    }

    /** The server's log once it holds {@code text} (the log is written asynchronously, so wait a little). */
    private static String awaitInLog(BadgeworksServer server, String text) {
        long deadline = System.nanoTime() + 10_000_000_000L;
        String log = server.log();
        while (!log.contains(text) && System.nanoTime() < deadline) {
            Imports.sleep(200);
            log = server.log();
        }
        assertTrue(log.contains(text), () -> text + " not in the log");
        return log;
    }
}
