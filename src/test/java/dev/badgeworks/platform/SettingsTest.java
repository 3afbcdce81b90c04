package dev.badgeworks.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** A numeric setting an operator mistyped falls back to its default instead of failing every request. */
class SettingsTest {

    static final String KEY = "badgeworks.test.number";

    @AfterEach
    void clear() {
        System.clearProperty(KEY);
    }

    @Test
    void aNumberInRangeIsTaken() {
        System.setProperty(KEY, " 7 ");
        assertEquals(7, Settings.intBetween(KEY, 1, 64, 2));
    }

    @Test
    void unsetUnreadableOrOutOfRangeIsTheDefault() {
        assertEquals(2, Settings.intBetween(KEY, 1, 64, 2));
        for (String bad : new String[] {"two", "0", "65", "-1", "1e3", "99999999999"}) {
            System.setProperty(KEY, bad);
            assertEquals(2, Settings.intBetween(KEY, 1, 64, 2), bad);
        }
    }
}
