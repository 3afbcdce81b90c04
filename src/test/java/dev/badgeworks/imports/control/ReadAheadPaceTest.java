package dev.badgeworks.imports.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ReadAheadPaceTest {

    private static final int ROWS = 250;

    @Test
    void aNewImportReadsAheadEveryBatchUntilAReadAheadProvesQuick() {
        ReadAheadPace pace = new ReadAheadPace();
        for (int i = 0; i < 20; i++) {
            assertTrue(pace.due(), "batch " + i);
        }
    }

    @Test
    void whileReadAheadsAreQuickOneBatchInTheSampleIsRead() {
        ReadAheadPace pace = new ReadAheadPace();
        pace.took(ROWS, ROWS * (ReadAheadPace.SLOW_NANOS_PER_ROW - 1));
        List<Integer> read = new ArrayList<>();
        for (int i = 1; i <= 3 * ReadAheadPace.SAMPLE; i++) {
            if (pace.due()) {
                read.add(i);
            }
        }
        assertEquals(List.of(ReadAheadPace.SAMPLE, 2 * ReadAheadPace.SAMPLE, 3 * ReadAheadPace.SAMPLE), read);
    }

    @Test
    void aSlowReadAheadAfterQuickOnesMakesEveryBatchDueAgain() {
        ReadAheadPace pace = new ReadAheadPace();
        pace.took(ROWS, 1_000);
        pace.due();
        pace.took(ROWS, ROWS * ReadAheadPace.SLOW_NANOS_PER_ROW);
        assertTrue(pace.due());
        assertTrue(pace.due());
    }

    @Test
    void theRateIsPerRowSoASmallLastBatchIsJudgedLikeAFullOne() {
        ReadAheadPace pace = new ReadAheadPace();
        pace.took(3, 3 * ReadAheadPace.SLOW_NANOS_PER_ROW / 2);
        assertEquals(false, pace.due(), "quick per row: sampled");
        pace.took(3, 3 * ReadAheadPace.SLOW_NANOS_PER_ROW);
        assertTrue(pace.due(), "slow per row: every batch");
    }
}
