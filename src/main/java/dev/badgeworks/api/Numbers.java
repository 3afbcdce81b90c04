package dev.badgeworks.api;

import java.math.BigDecimal;

/**
 * Numbers a client sends, held to a sane size before any arithmetic. A JSON number like {@code 1e100000000} is
 * cheap to read but not to use: rounding it to a whole number builds a BigInteger of a hundred million digits
 * (minutes of a core). Every path that reads a client's number asks here first, in constant time.
 */
public final class Numbers {

    /** Digits a number may have before or after its point: epoch milliseconds need 13, a long 19. */
    static final int MAX_DIGITS = 40;

    private Numbers() {
    }

    /** Whether the number has at most {@value #MAX_DIGITS} digits before and after its point. */
    public static boolean reasonable(BigDecimal number) {
        int scale = number.scale();
        return scale <= MAX_DIGITS && scale >= -MAX_DIGITS && number.precision() - scale <= MAX_DIGITS;
    }

    /** A number written as text, its length checked before BigDecimal reads it. */
    public static BigDecimal parse(String text) {
        if (text.length() > 2 * MAX_DIGITS + 8) {
            throw new NumberFormatException("number too long");
        }
        BigDecimal number = new BigDecimal(text);
        if (!reasonable(number)) {
            throw new NumberFormatException("number out of range");
        }
        return number;
    }
}
