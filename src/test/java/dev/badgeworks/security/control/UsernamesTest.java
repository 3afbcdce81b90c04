package dev.badgeworks.security.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.badgeworks.security.entity.ApiUser;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Issue 26: names that look like "admin" (or like each other) were accepted and could sign in. */
class UsernamesTest {

    @Test
    void namesThatLookAlikeAreOneNameOrAreRefused() {
        // the same key: whoever holds "admin" holds these
        for (String lookalike : List.of("ADMIN", "Admin", "\uFF21\uFF24\uFF2D\uFF29\uFF2E", "\uFF41dmin")) {
            assertEquals("admin", ApiUser.keyOf(lookalike), lookalike);
        }
        assertEquals(ApiUser.keyOf("ff"), ApiUser.keyOf("\uFB00"), "the ligature is the two letters");
        // refused outright: invisible, spacing or blank characters, and a Cyrillic letter among Latin ones
        for (String refused : List.of("admin\u00a0", "ad\u2007min", "admin\u3164", "\u3164", "admin\u2800",
                "\u0430dmin", "ad min", "admin:x", "admin\u200b", "x\u115f", "a/b", "a\\b", "a<b>")) {
            assertTrue(Usernames.problem(refused).isPresent(), refused);
        }
    }

    @Test
    void ordinaryNamesOfEveryScriptPass() {
        for (String name : List.of("admin", "org-admin-1f2e", "alice.smith@example.com", "bob_2+loyalty",
                "Jos\u00e9", "\u0437\u0434\u0440\u0430\u0432\u043e", "\u5c71\u7530\u592a\u90ce", "\u3084\u307e\u3060-tanaka",
                "\uae40\ubbfc\uc900", "\u03b1\u03b8\u03b7\u03bd\u03b1", "e\u0301clair", "\u0645\u062d\u0645\u062f")) {
            assertTrue(Usernames.problem(name).isEmpty(), name + ": " + Usernames.problem(name));
        }
    }
}
