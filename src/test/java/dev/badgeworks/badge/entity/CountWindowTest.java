package dev.badgeworks.badge.entity;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class CountWindowTest {

    @Test
    void aCycleIsInProgressWhileItHoldsNowARollingWindowAlways() {
        CountWindow cycle = new CountWindow(CountWindow.Basis.EVENT, 1_000, 1_999);
        assertTrue(cycle.inProgress(1_000) && cycle.inProgress(1_999), "both ends are the cycle's");
        assertFalse(cycle.inProgress(2_000), "over");
        assertFalse(cycle.inProgress(999), "not begun");
        assertTrue(new CountWindow(CountWindow.Basis.EARNED_ON, 1_000, Long.MAX_VALUE).inProgress(5_000));
    }
}
