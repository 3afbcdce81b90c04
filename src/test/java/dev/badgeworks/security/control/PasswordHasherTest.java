package dev.badgeworks.security.control;

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
