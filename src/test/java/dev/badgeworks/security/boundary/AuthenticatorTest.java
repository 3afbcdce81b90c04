package dev.badgeworks.security.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.badgeworks.security.control.Caller;
import dev.badgeworks.security.control.CredentialCache;
import dev.badgeworks.security.control.PasswordHasher;
import dev.badgeworks.security.entity.ApiUser;
import dev.badgeworks.security.entity.Role;
import dev.badgeworks.security.store.UserDirectory;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** The login path as a request takes it, with the user read from a directory this test controls. */
class AuthenticatorTest {

    private static final PasswordHasher HASHER = new PasswordHasher(1000);
    private static final Duration TTL = Duration.ofMinutes(5);

    private final AtomicLong clock = new AtomicLong();
    private final AtomicInteger hashes = new AtomicInteger();
    private final AtomicInteger reads = new AtomicInteger();
    private final AtomicReference<ApiUser> stored = new AtomicReference<>(user(HASHER.hash("s3cret"), Role.USER));
    private final Authenticator authenticator = new Authenticator(new CredentialCache(TTL, clock::get),
            (password, hash) -> {
                hashes.incrementAndGet();
                return HASHER.verify(password, hash);
            }, HASHER.hash("dummy"));

    {
        authenticator.users = new UserDirectory() {
            @Override
            public Optional<ApiUser> findByUsernameKey(String key) {
                reads.incrementAndGet();
                return Optional.ofNullable(stored.get()).filter(u -> u.usernameKey().equals(key));
            }
        };
    }

    @Test
    void aRememberedLoginCostsNoReadAndNoHashWithinItsMinutes() {
        assertEquals(Role.USER, login("alice", "s3cret").role());
        assertEquals(Role.USER, login("alice", "s3cret").role());
        clock.addAndGet(TTL.toNanos());
        login("alice", "s3cret");
        assertEquals(1, reads.get());
        assertEquals(1, hashes.get());
    }

    @Test
    void pastItsMinutesALoginIsRenewedByReadingTheUserNotByHashingAgain() {
        login("alice", "s3cret");
        clock.addAndGet(TTL.toNanos() + 1);
        assertEquals(70, login("alice", "s3cret").userId());
        assertEquals(2, reads.get());
        assertEquals(1, hashes.get(), "the stored hash is the one the password matched: no second hash");
        // renewed for another five minutes
        clock.addAndGet(TTL.toNanos());
        login("alice", "s3cret");
        assertEquals(2, reads.get());
    }

    @Test
    void pastItsMinutesARoleChangedWithoutTheForgetIsTakenUp() {
        login("alice", "s3cret");
        stored.set(user(stored.get().passwordHash(), Role.ORG_ADMIN));
        clock.addAndGet(TTL.toNanos() + 1);
        assertEquals(Role.ORG_ADMIN, login("alice", "s3cret").role());
        assertEquals(1, hashes.get());
    }

    @Test
    void pastItsMinutesAPasswordChangedWithoutTheForgetIsCheckedAgainstTheNewHash() {
        login("alice", "s3cret");
        stored.set(user(HASHER.hash("n3w"), Role.USER));
        clock.addAndGet(TTL.toNanos() + 1);
        assertTrue(authenticator.authenticate("alice", "s3cret", "10.0.0.1").caller().isEmpty());
        assertEquals(2, hashes.get(), "a changed hash is hashed against, never trusted from the old one");
        assertEquals(70, login("alice", "n3w").userId());
    }

    @Test
    void pastItsMinutesADisabledOrDeletedUserIsRefused() {
        login("alice", "s3cret");
        ApiUser disabled = user(stored.get().passwordHash(), Role.USER);
        disabled.changeDisabled(true);
        stored.set(disabled);
        clock.addAndGet(TTL.toNanos() + 1);
        assertTrue(authenticator.authenticate("alice", "s3cret", "10.0.0.1").caller().isEmpty());
        stored.set(null);
        assertTrue(authenticator.authenticate("alice", "s3cret", "10.0.0.1").caller().isEmpty());
    }

    @Test
    void aWrongPasswordIsHashedEachTimeAndNeverRenewsTheLogin() {
        login("alice", "s3cret");
        clock.addAndGet(TTL.toNanos() + 1);
        assertTrue(authenticator.authenticate("alice", "guess", "10.0.0.1").caller().isEmpty());
        assertTrue(authenticator.authenticate("alice", "guess", "10.0.0.1").caller().isEmpty());
        assertEquals(3, hashes.get());
    }

    private Caller login(String username, String password) {
        return authenticator.authenticate(username, password, "10.0.0.1").caller().orElseThrow();
    }

    private static ApiUser user(String passwordHash, Role role) {
        return new ApiUser(7, "alice", passwordHash, role, 0) {
            @Override
            public Long id() {
                return 70L;
            }
        };
    }
}
