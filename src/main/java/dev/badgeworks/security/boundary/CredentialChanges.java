package dev.badgeworks.security.boundary;

import dev.badgeworks.api.LogSafe;
import dev.badgeworks.security.store.UserDirectory;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.Timeout;
import jakarta.ejb.TimerConfig;
import jakarta.ejb.TimerService;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Makes a user change (password, role, disabled, deleted) reach every instance's credential cache within
 * {@value #POLL_MS} ms: each instance reads the users changed lately and forgets their remembered logins. The
 * cache keeps authentication at a map lookup per request (no database read), and this poll is one indexed query
 * every two seconds per instance. Changes are read again for a while after they are made, so a late commit or
 * a clock running behind on another instance (up to {@link #OVERLAP}) is still seen.
 */
@Singleton
@Startup
@DependsOn("SchemaMigration")
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class CredentialChanges {

    static final long POLL_MS = 2_000;
    static final Duration OVERLAP = Duration.ofSeconds(30);
    private static final Duration KEEP = Duration.ofHours(1);
    private static final Logger LOG = Logger.getLogger(CredentialChanges.class.getName());

    @Resource
    TimerService timers;

    @Inject
    UserDirectory users;

    @Inject
    Authenticator authenticator;

    private long polls;

    @PostConstruct
    void schedule() {
        timers.createIntervalTimer(POLL_MS, POLL_MS, new TimerConfig("credential-changes", false));
    }

    @Timeout
    void poll() {
        try {
            long now = System.currentTimeMillis();
            users.changedSince(now - OVERLAP.toMillis()).forEach(authenticator::forget);
            if (++polls % 900 == 0) {
                users.forgetChangesBefore(now - KEEP.toMillis());
            }
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Credential changes not read this time", LogSafe.failure(e));
        }
    }
}
