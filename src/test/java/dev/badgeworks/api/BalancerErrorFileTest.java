package dev.badgeworks.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * deploy/ha/haproxy-503.http is what HAProxy answers when its health checks took every instance out (the database
 * is failing over): the API's own 503 1190 with Retry-After, word for word, so clients handle both alike.
 */
class BalancerErrorFileTest {

    @Test
    void theBalancersAnswerIsTheApisDatabaseUnavailable() throws IOException {
        String file = Files.readString(Path.of("deploy/ha/haproxy-503.http"), StandardCharsets.UTF_8);
        int split = file.indexOf("\r\n\r\n");
        String head = file.substring(0, split + 2);
        String body = file.substring(split + 4);
        assertTrue(head.startsWith("HTTP/1.1 503 "), head);
        assertTrue(head.contains("\r\nRetry-After: " + UnexpectedExceptionMapper.RETRY_AFTER_SECONDS + "\r\n"), head);
        assertTrue(head.contains("\r\nContent-Type: application/json\r\n"), head);
        assertTrue(head.contains("\r\nContent-Length: " + body.getBytes(StandardCharsets.UTF_8).length + "\r\n"), head);
        JsonObject error = Json.createReader(new StringReader(body)).readObject().getJsonArray("errors")
                .getJsonObject(0);
        assertEquals(ErrorCode.DATABASE_UNAVAILABLE.code(), error.getInt("code"));
        assertEquals(ErrorCode.DATABASE_UNAVAILABLE.message(), error.getString("message"));
    }
}
