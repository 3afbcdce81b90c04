package dev.badgeworks.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Absurd numbers are refused before any arithmetic (issue 9: `1e100000000` cost two minutes of a core). */
class NumbersTest {

    private static final Duration QUICK = Duration.ofSeconds(2);

    @Test
    void everydayNumbersAreReasonableAndAbsurdOnesNot() {
        for (String n : List.of("0", "1716803487", "1770034996.715319000", "1765178896000", "9223372036854775807",
                "-5", "1E+3", "0.001")) {
            assertTrue(Numbers.reasonable(new BigDecimal(n)), n);
        }
        for (String n : List.of("1e100000000", "1e-100000000", "1e41", "1" + "0".repeat(41), "0." + "0".repeat(40) + "1")) {
            assertFalse(Numbers.reasonable(new BigDecimal(n)), n);
        }
        assertThrows(NumberFormatException.class, () -> Numbers.parse("9".repeat(100_000)));
    }

    @Test
    void everyReaderOfAClientsNumberRefusesAbsurdOnesAtOnce() {
        assertTimeoutPreemptively(QUICK, () -> {
            for (String n : List.of("1e100000000", "-1e100000000", "1e-100000000", "1E+2147483647")) {
                JsonInput in = JsonInput.parse("{\"earnEventDate\": " + n + ", \"customerId\": " + n + ", \"rank\": " + n
                        + ", \"text\": \"" + n + "\"}");
                assertEquals(null, in.date("earnEventDate", "earnEventDateISO", null), n);
                assertEquals(null, in.identifier("customerId", 100, null), n);
                assertEquals(null, in.integer("rank", 0, 10, null), n);
                assertEquals(null, in.integer("text", 0, 10, null), n);
                assertEquals(List.of(1104, 1102, 1102, 1102), in.errors().stream().map(ApiError::code).toList(), n);
                assertThrows(DateTimeException.class, () -> ApiTime.parse("9".repeat(1_000_000)));
            }
        });
    }
}
