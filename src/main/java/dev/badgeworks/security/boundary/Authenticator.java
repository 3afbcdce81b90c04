package dev.badgeworks.security.boundary;

import dev.badgeworks.security.control.Caller;
import dev.badgeworks.security.control.CredentialCache;
import dev.badgeworks.security.control.PasswordHasher;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Optional;

/** Checks Basic credentials against the stored hash, remembering successes for a few minutes. */
@ApplicationScoped
public class Authenticator {

    private final PasswordHasher hasher = new PasswordHasher();
    private final CredentialCache cache = new CredentialCache(Duration.ofMinutes(5), System::nanoTime);

    @Inject
    UserDirectory users;

    public Optional<Caller> authenticate(String username, String password) {
        Optional<Caller> cached = cache.lookup(username, password);
        if (cached.isPresent()) {
            return cached;
        }
        return users.findByUsername(username)
                .filter(user -> hasher.verify(password, user.passwordHash()))
                .map(user -> {
                    Caller caller = new Caller(user.orgId(), user.username(), user.admin());
                    cache.remember(username, password, caller);
                    return caller;
                });
    }
}
