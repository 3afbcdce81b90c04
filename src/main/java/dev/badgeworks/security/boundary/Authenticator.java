package dev.badgeworks.security.boundary;

import dev.badgeworks.api.Texts;
import dev.badgeworks.security.control.Caller;
import dev.badgeworks.security.control.CredentialCache;
import dev.badgeworks.security.control.LoginThrottle;
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
 * tell which usernames exist; repeated failures are throttled (see LoginThrottle).
 */
@ApplicationScoped
public class Authenticator {

    /** The outcome of one login: the caller, or how long a throttled client must wait, or neither (a 401). */
    public record Login(Optional<Caller> caller, Optional<Duration> retryAfter) {
        static Login refused() {
            return new Login(Optional.empty(), Optional.empty());
        }
    }

    private final PasswordHasher hasher = new PasswordHasher();
    private final CredentialCache cache = new CredentialCache(Duration.ofMinutes(5), System::nanoTime);
    private final LoginThrottle throttle = new LoginThrottle(System::nanoTime);
    private final String dummyHash = hasher.hash(randomPassword());

    @Inject
    UserDirectory users;

    public Login authenticate(String username, String password, String address) {
        String key = ApiUser.keyOf(Texts.normalize(username));
        String normalizedPassword = Texts.normalize(password);
        Optional<Duration> wait = throttle.waitBefore(key, address);
        if (wait.isPresent()) {
            return new Login(Optional.empty(), wait);
        }
        Optional<Caller> cached = cache.lookup(key, normalizedPassword);
        if (cached.isPresent()) {
            return new Login(cached, Optional.empty());
        }
        long generation = cache.generation();
        Optional<ApiUser> user = users.findByUsernameKey(key);
        boolean passwordMatches = hasher.verify(normalizedPassword, user.map(ApiUser::passwordHash).orElse(dummyHash));
        if (!passwordMatches || user.isEmpty() || user.get().disabled()) {
            throttle.failed(key, address);
            return Login.refused();
        }
        throttle.succeeded(key, address);
        ApiUser u = user.get();
        Caller caller = new Caller(u.orgId(), u.id(), u.username(), u.role());
        cache.remember(key, normalizedPassword, caller, generation);
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
