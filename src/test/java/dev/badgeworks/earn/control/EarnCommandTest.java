package dev.badgeworks.earn.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import dev.badgeworks.api.ApiTime;
import dev.badgeworks.badge.entity.OwnerType;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class EarnCommandTest {

    private static final Instant EVENT = Instant.parse("2025-06-01T12:00:00Z");
    private static final EarnCommand BASE = EarnCommand.live("b-1", "c-1", "r-1", EVENT, OwnerType.Loyalty, "7");

    @Test
    void equalContentGivesTheSameFingerprint() {
        EarnCommand same = EarnCommand.live("b-1", "c-1", "r-1", Instant.parse("2025-06-01T12:00:00Z"),
                OwnerType.Loyalty, "7");
        assertEquals(BASE.fingerprint(), same.fingerprint());
        assertEquals(64, BASE.fingerprint().length());
    }

    @Test
    void theSameInstantInAnotherOffsetGivesTheSameFingerprint() {
        EarnCommand local = EarnCommand.live("b-1", "c-1", "r-1", ApiTime.parse("2025-06-01T17:30:00+05:30"),
                OwnerType.Loyalty, "7");
        assertEquals(BASE.fingerprint(), local.fingerprint());
    }

    @Test
    void theRequestIdIsNotPartOfTheContent() {
        EarnCommand other = EarnCommand.live("b-1", "c-1", "r-2", EVENT, OwnerType.Loyalty, "7");
        assertEquals(BASE.fingerprint(), other.fingerprint());
    }

    @Test
    void eachContentFieldChangesTheFingerprint() {
        String base = BASE.fingerprint();
        assertNotEquals(base, EarnCommand.live("b-2", "c-1", "r-1", EVENT, OwnerType.Loyalty, "7").fingerprint());
        assertNotEquals(base, EarnCommand.live("b-1", "c-2", "r-1", EVENT, OwnerType.Loyalty, "7").fingerprint());
        assertNotEquals(base, EarnCommand.live("b-1", "c-1", "r-1", EVENT.plusMillis(1), OwnerType.Loyalty, "7")
                .fingerprint());
        assertNotEquals(base, EarnCommand.live("b-1", "c-1", "r-1", EVENT, OwnerType.Journeys, "7").fingerprint());
        assertNotEquals(base, EarnCommand.live("b-1", "c-1", "r-1", EVENT, OwnerType.Loyalty, "8").fingerprint());
    }

    @Test
    void anAbsentEventDateDiffersFromAGivenOne() {
        EarnCommand absent = EarnCommand.live("b-1", "c-1", "r-1", null, OwnerType.Loyalty, "7");
        assertNotEquals(BASE.fingerprint(), absent.fingerprint());
        assertNotEquals(absent.fingerprint(),
                EarnCommand.live("b-1", "c-1", "r-1", Instant.EPOCH, OwnerType.Loyalty, "7").fingerprint());
        assertEquals(absent.fingerprint(),
                EarnCommand.live("b-1", "c-1", "r-1", null, OwnerType.Loyalty, "7").fingerprint());
    }

    @Test
    void fieldsDoNotRunIntoEachOther() {
        assertNotEquals(EarnCommand.live("b-1", "c-12", "r-1", EVENT, OwnerType.Loyalty, "7").fingerprint(),
                EarnCommand.live("b-1c", "-12", "r-1", EVENT, OwnerType.Loyalty, "7").fingerprint());
    }
}
