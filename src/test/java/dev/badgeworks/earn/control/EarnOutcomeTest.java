package dev.badgeworks.earn.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import dev.badgeworks.badge.entity.OwnerType;
import dev.badgeworks.earn.entity.Earn;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class EarnOutcomeTest {

    private static final EarnCommand COMMAND = EarnCommand.live("b-1", "c-1", "r-1",
            Instant.parse("2025-06-01T12:00:00Z"), OwnerType.Loyalty, "7");
    private static final Earn ORIGINAL = new Earn("earn-1", 1, "b-1", "c-1", null, "r-1", COMMAND.fingerprint(),
            1_000L, 2_000L, 3_000L, OwnerType.Loyalty, "7");

    @Test
    void aRepeatWithTheSameContentIsADuplicateCarryingTheOriginal() {
        EarnOutcome o = EarnOutcome.repeatOf(ORIGINAL, COMMAND.fingerprint());
        assertEquals(EarnOutcome.Kind.DUPLICATE, o.kind());
        assertSame(ORIGINAL, o.earn());
        assertEquals(809, o.error().code());
        assertEquals("requestId", o.error().reference());
    }

    @Test
    void aRepeatWithOtherContentIsAConflictWithoutAnEarn() {
        EarnCommand other = EarnCommand.live("b-1", "c-2", "r-1", COMMAND.eventDate(), OwnerType.Loyalty, "7");
        EarnOutcome o = EarnOutcome.repeatOf(ORIGINAL, other.fingerprint());
        assertEquals(EarnOutcome.Kind.CONFLICT, o.kind());
        assertNull(o.earn());
        assertEquals(809, o.error().code());
        assertEquals("requestId", o.error().reference());
    }

    @Test
    void anImportLineMeetingTheEarnItWroteCountsAsEarnedAnyOtherLineAsDuplicate() {
        Earn written = new Earn("earn-2", 1, "b-1", "c-1", null, "r-1", COMMAND.fingerprint(),
                1_000L, 2_000L, 3_000L, OwnerType.Loyalty, "7").from("import-1", 42L);
        assertEquals(EarnOutcome.Kind.EARNED, EarnOutcome.repeatOf(written, COMMAND.from("import-1", 42)).kind());
        assertEquals(EarnOutcome.Kind.DUPLICATE, EarnOutcome.repeatOf(written, COMMAND.from("import-1", 43)).kind());
        assertEquals(EarnOutcome.Kind.DUPLICATE, EarnOutcome.repeatOf(written, COMMAND.from("import-2", 42)).kind());
        assertEquals(EarnOutcome.Kind.DUPLICATE, EarnOutcome.repeatOf(written, COMMAND).kind());
    }
}
