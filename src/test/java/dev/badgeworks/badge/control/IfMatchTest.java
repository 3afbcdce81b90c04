package dev.badgeworks.badge.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class IfMatchTest {

    @Test
    void withoutTheHeaderEveryWriteGoesAhead() {
        assertFalse(IfMatch.of(null).namesVersions());
        assertFalse(IfMatch.of(List.of()).namesVersions());
        assertTrue(IfMatch.of(null).allows(7));
    }

    @Test
    void aStarMatchesAnyVersionWithoutNamingOne() {
        assertFalse(IfMatch.of(List.of("*")).namesVersions());
        assertTrue(IfMatch.of(List.of("*")).allows(7));
    }

    @Test
    void theVersionsTagMatchesStrongly() {
        assertEquals("\"7\"", IfMatch.tagOf(7));
        IfMatch seven = IfMatch.of(List.of("\"7\""));
        assertTrue(seven.namesVersions());
        assertTrue(seven.allows(7));
        assertFalse(seven.allows(8));
        assertFalse(IfMatch.of(List.of("W/\"7\"")).allows(7), "a weak tag never matches a write");
        assertFalse(IfMatch.of(List.of("7")).allows(7), "an entity tag is quoted");
        assertFalse(IfMatch.of(List.of("")).allows(7), "an empty header names no version");
    }

    @Test
    void anyTagOfAListOrOfRepeatedHeadersMatches() {
        assertTrue(IfMatch.of(List.of("\"3\", \"7\"")).allows(7));
        assertTrue(IfMatch.of(List.of("\"3\"", " \"7\" ")).allows(7));
        assertTrue(IfMatch.of(List.of("\"a,b\",\"7\"")).allows(7), "a comma inside quotes is part of the tag");
        assertFalse(IfMatch.of(List.of("\"3\",\"5\"")).allows(7));
    }
}
