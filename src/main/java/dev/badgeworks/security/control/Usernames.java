package dev.badgeworks.security.control;

import dev.badgeworks.security.entity.ApiUser;
import java.lang.Character.UnicodeScript;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * What a username may be (the key that keeps it unique is {@link ApiUser#keyOf}). A username is shown in logs, answers and the
 * console, where nobody can tell "admin" from "admin" + a no-break space, a fullwidth "ＡＤＭＩＮ" or a Cyrillic
 * "аdmin": such names must either be the same name (the key folds compatibility forms and case) or be refused. A
 * name holds only letters, combining marks, digits and {@code . _ - @ +}, never a space or an invisible filler,
 * all its letters of one script (or of one of the script mixes a language writes with, after UTS #39's "highly
 * restrictive" level: Latin with Han and Japanese kana, with Han and Bopomofo, or with Han and Hangul).
 */
public final class Usernames {

    private static final String PUNCTUATION = "._-@+";
    /** Letters by Unicode that show as nothing: Hangul fillers. */
    private static final Set<Integer> BLANK_LETTERS = Set.of(0x115F, 0x1160, 0x3164, 0xFFA0);
    private static final List<Set<UnicodeScript>> MIXES = List.of(
            EnumSet.of(UnicodeScript.LATIN, UnicodeScript.HAN, UnicodeScript.HIRAGANA, UnicodeScript.KATAKANA),
            EnumSet.of(UnicodeScript.LATIN, UnicodeScript.HAN, UnicodeScript.BOPOMOFO),
            EnumSet.of(UnicodeScript.LATIN, UnicodeScript.HAN, UnicodeScript.HANGUL));

    private Usernames() {
    }

    /** Why the (NFC, stripped) name cannot be a username, or empty when it can. */
    public static Optional<String> problem(String username) {
        Set<UnicodeScript> scripts = EnumSet.noneOf(UnicodeScript.class);
        boolean afterLetter = false;
        for (int i = 0; i < username.length(); i += Character.charCount(username.codePointAt(i))) {
            int c = username.codePointAt(i);
            int type = Character.getType(c);
            boolean mark = type == Character.NON_SPACING_MARK || type == Character.COMBINING_SPACING_MARK
                    || type == Character.ENCLOSING_MARK;
            if (Character.isLetter(c) && !BLANK_LETTERS.contains(c)) {
                scripts.add(UnicodeScript.of(c));
                afterLetter = true;
            } else if (mark && afterLetter) {
                continue; // an accent on the letter before it
            } else if (Character.isDigit(c) || PUNCTUATION.indexOf(c) >= 0) {
                afterLetter = false;
            } else {
                return Optional.of(String.format("A username holds only letters, digits and . _ - @ + (U+%04X at"
                        + " position %d is none of them).", c, i));
            }
        }
        scripts.remove(UnicodeScript.COMMON);
        scripts.remove(UnicodeScript.INHERITED);
        if (scripts.size() > 1 && MIXES.stream().noneMatch(mix -> mix.containsAll(scripts))) {
            return Optional.of("A username's letters are of one script (this one mixes " + scripts + ").");
        }
        return Optional.empty();
    }
}
