package dev.badgeworks.security.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PasswordHasherTest {

    private final PasswordHasher hasher = new PasswordHasher(1000);

    @Test
    void storedFormNamesAlgorithmIterationsSaltAndHash() {
        String stored = hasher.hash("s3cret");
        assertTrue(stored.matches("pbkdf2-sha256\\$1000\\$[A-Za-z0-9+/]{22}\\$[A-Za-z0-9+/]{43}"), stored);
    }

    /**
     * Known answers from an independent implementation (Python's hashlib.pbkdf2_hmac), so a hasher that derives
     * the wrong bytes — another PRF, key length, password encoding or base64 alphabet — cannot verify them.
     */
    @Test
    void verifiesKnownPbkdf2HmacSha256Vectors() {
        // the published vector P="password", S="salt", c=1, dkLen=32: 120fb6cffcf8b32c43e7225256c4f837a86548c92ccc35480805987cb70be17b
        String published = "pbkdf2-sha256$1$c2FsdA$Eg+2z/z4syxD5yJSVsT4N6hlSMkszDVICAWYfLcL4Xs";
        assertTrue(hasher.verify("password", published));
        assertFalse(hasher.verify("passwore", published));
        // the production work factor, a non-ASCII password (UTF-8) and salt 00 01 .. 0f:
        // hashlib.pbkdf2_hmac("sha256", "pässwörd".encode(), bytes(range(16)), 600000, 32)
        String production = "pbkdf2-sha256$600000$AAECAwQFBgcICQoLDA0ODw$l0uXQwXezpWgtYHXH17vsTUbx2tTgNr9kMaPbDXuxfM";
        assertTrue(new PasswordHasher().verify("pässwörd", production));
        assertFalse(new PasswordHasher().verify("passwörd", production));
    }

    /** The hasher the product uses (its no-argument constructor) stores 600,000 iterations, OWASP's 2023 figure. */
    @Test
    void productionHashesUse600000Iterations() {
        assertEquals(600_000, PasswordHasher.DEFAULT_ITERATIONS);
        String stored = new PasswordHasher().hash("s3cret");
        assertTrue(stored.startsWith("pbkdf2-sha256$600000$"), stored);
        assertTrue(hasher.verify("s3cret", stored), "verify reads the stored work factor");
    }

    @Test
    void verifiesOnlyTheRightPassword() {
        String stored = hasher.hash("s3cret");
        assertTrue(hasher.verify("s3cret", stored));
        assertFalse(hasher.verify("s3cret ", stored));
        assertFalse(hasher.verify("S3cret", stored));
        assertFalse(hasher.verify("", stored));
    }

    @Test
    void twoHashesOfOnePasswordDifferAndBothVerify() {
        String first = hasher.hash("s3cret");
        String second = hasher.hash("s3cret");
        assertNotEquals(first, second);
        assertTrue(hasher.verify("s3cret", first));
        assertTrue(hasher.verify("s3cret", second));
    }

    @Test
    void verifyUsesTheIterationsStoredWithTheHash() {
        String stored = new PasswordHasher(2000).hash("pässwörd");
        assertTrue(hasher.verify("pässwörd", stored));
        assertFalse(hasher.verify("s3cret", stored));
        assertFalse(hasher.verify("pässwörd", stored.replace("$2000$", "$1000$")));
    }

    @ParameterizedTest
    @ValueSource(strings = {"s3cret", "pbkdf2-sha1$1000$AAAA$AAAA", "pbkdf2-sha256$1000$AAAA", "$$$"})
    void foreignStoredFormsNeverVerify(String stored) {
        assertFalse(hasher.verify("s3cret", stored));
    }
}
