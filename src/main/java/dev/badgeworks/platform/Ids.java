package dev.badgeworks.platform;

import java.security.SecureRandom;
import java.util.HexFormat;

/**
 * 24-hex-character ids in the reference's ObjectId style: 4 bytes of epoch seconds, then 8 random bytes.
 * Time first keeps ids roughly ordered, which keeps B-tree inserts local.
 */
public final class Ids {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final HexFormat HEX = HexFormat.of();

    private Ids() {
    }

    public static String newId() {
        byte[] bytes = new byte[12];
        RANDOM.nextBytes(bytes);
        long seconds = System.currentTimeMillis() / 1000;
        bytes[0] = (byte) (seconds >>> 24);
        bytes[1] = (byte) (seconds >>> 16);
        bytes[2] = (byte) (seconds >>> 8);
        bytes[3] = (byte) seconds;
        return HEX.formatHex(bytes);
    }

    public static boolean looksLikeId(String text) {
        return text != null && text.length() == 24 && text.chars().allMatch(c -> Character.digit(c, 16) >= 0);
    }
}
