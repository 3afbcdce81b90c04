package dev.badgeworks.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TextsTest {

    @ParameterizedTest
    @ValueSource(strings = {"a\u0000b", "a\u0007b", "a\u202Eb", "admin\u200B", "\uFEFFx", "x\u2028y", "\uD800", "a\uDC00b",
        "\uD800x", "\uFFFF", "\u0085"})
    void invisibleControlAndBrokenCharactersAreRefusedEverywhere(String text) {
        for (Texts.Kind kind : Texts.Kind.values()) {
            assertTrue(Texts.problem(text, kind).isPresent(), kind + " " + text.codePoints().boxed().toList());
        }
    }

    @Test
    void lineBreaksOnlyInDescriptionsAndJoinersNotInIdentifiers() {
        assertEquals(Optional.empty(), Texts.problem("line one\nline two\ttab", Texts.Kind.TEXT));
        assertTrue(Texts.problem("name\nsecond line", Texts.Kind.LINE).isPresent());
        String family = "\uD83D\uDC68\u200D\uD83D\uDC69\u200D\uD83D\uDC67";
        assertEquals(Optional.empty(), Texts.problem("Family " + family, Texts.Kind.LINE));
        assertTrue(Texts.problem(family, Texts.Kind.IDENTIFIER).isPresent());
        assertEquals(Optional.empty(), Texts.problem("M\u00FCller \uD83C\uDFC5 \u0928\u092E\u0938\u094D\u0924\u0947", Texts.Kind.IDENTIFIER));
    }

    @Test
    void composedAndDecomposedSpellingsBecomeOne() {
        assertEquals("Caf\u00E9", Texts.normalize("Cafe\u0301"));
        assertEquals("Caf\u00E9", Texts.normalize("Caf\u00E9"));
    }
}
