package dev.badgeworks.security.boundary;

import dev.badgeworks.api.Texts;
import dev.badgeworks.security.control.Caller;
import dev.badgeworks.security.control.CredentialCache;
import dev.badgeworks.security.control.LoginThrottle;
import dev.badgeworks.security.control.PasswordChecks;
import dev.badgeworks.security.control.PasswordHasher;
import dev.badgeworks.security.entity.ApiUser;
import dev.badgeworks.security.store.UserDirectory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.Optional;

/**
 * Checks Basic credentials against the stored hash, remembering successes for a few minutes. An unknown or
 * disabled user costs the same hash as a wrong password (a hash against a dummy), so the answer's timing does not
 * tell which usernames exist; repeated failures are throttled (see LoginThrottle). A remembered login past its
 * minutes is renewed by reading the user again: the password that matched the user's stored hash still matches
 * it while the hash is the same, so only a changed hash is hashed against again.
 */
@ApplicationScoped
public class Authenticator {

    /** The outcome of one login: the caller, or how long a throttled client must wait, or neither (a 401). */
    public record Login(Optional<Caller> caller, Optional<Duration> retryAfter) {
        static Login refused() {
            return new Login(Optional.empty(), Optional.empty());
        }
    }

    private final CredentialCache cache;
    private final PasswordChecks checks;
    private final LoginThrottle throttle = new LoginThrottle(System::nanoTime);
    private final String dummyHash;

    @Inject
    UserDirectory users;

    public Authenticator() {
        this(new CredentialCache(Duration.ofMinutes(5), System::nanoTime), new PasswordHasher());
    }

    private Authenticator(CredentialCache cache, PasswordHasher hasher) {
        this(cache, hasher::verify, hasher.hash(randomPassword()));
    }

    Authenticator(CredentialCache cache, PasswordChecks.Verifier verifier, String dummyHash) {
        this.cache = cache;
        this.checks = new PasswordChecks(verifier);
        this.dummyHash = dummyHash;
    }

    public Login authenticate(String username, String password, String address) {
        String key = ApiUser.keyOf(Texts.normalize(username));
        String normalizedPassword = Texts.normalize(password);
        Optional<Duration> wait = throttle.waitBefore(key, address);
        if (wait.isPresent()) {
            return new Login(Optional.empty(), wait);
        }
        CredentialCache.Lookup remembered = cache.lookup(key, normalizedPassword);
        if (remembered instanceof CredentialCache.Current current) {
            return new Login(Optional.of(current.caller()), Optional.empty());
        }
        long generation = cache.generation();
        Optional<ApiUser> user = users.findByUsernameKey(key);
        String storedHash = user.map(ApiUser::passwordHash).orElse(dummyHash);
        boolean passwordMatches = remembered instanceof CredentialCache.Expired expired
                && expired.passwordHash().equals(storedHash)
                || checks.verify(key, normalizedPassword, storedHash);
        if (!passwordMatches || user.isEmpty() || user.get().disabled()) {
            throttle.failed(key, address);
            return Login.refused();
        }
        throttle.succeeded(key, address);
        ApiUser u = user.get();
        Caller caller = new Caller(u.orgId(), u.id(), u.username(), u.role());
        cache.remember(key, normalizedPassword, caller, storedHash, generation);
        return new Login(Optional.of(caller), Optional.empty());
    }

    /** A user's password, role or access changed: its remembered login on this instance is dropped. */
    public void forget(String usernameKey) {
        cache.forget(usernameKey);
    }

    private static String randomPassword() {
        byte[] random = new byte[18];
        new SecureRandom().nextBytes(random);
        return Base64.getEncoder().encodeToString(random);
    }
}
