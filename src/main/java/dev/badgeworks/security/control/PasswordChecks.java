package dev.badgeworks.security.control;

import java.nio.ByteBuffer;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Checks a password against a stored hash, running the slow hash once for concurrent checks of the same username,
 * password and hash: a client that opens 32 connections with credentials this instance has not verified yet
 * (a fresh start, a password just changed) would otherwise have 32 requests hash the same password at once, seconds
 * of every core. A check of another password, or of another username, never waits for this one nor shares its
 * answer, so neither guessing nor its timing changes.
 */
public final class PasswordChecks {

    /** The slow check itself, {@link PasswordHasher#verify} in service. */
    @FunctionalInterface
    public interface Verifier {
        boolean verify(String password, String storedHash);
    }

    private record Check(String username, String storedHash, ByteBuffer passwordMac) {
    }

    private final Map<Check, CompletableFuture<Boolean>> running = new ConcurrentHashMap<>();
    private final KeyedMac mac = new KeyedMac();
    private final Verifier verifier;

    public PasswordChecks(Verifier verifier) {
        this.verifier = verifier;
    }

    public boolean verify(String username, String password, String storedHash) {
        Check check = new Check(username, storedHash, ByteBuffer.wrap(mac.of(password)));
        CompletableFuture<Boolean> mine = new CompletableFuture<>();
        CompletableFuture<Boolean> earlier = running.putIfAbsent(check, mine);
        if (earlier != null) {
            return joined(earlier);
        }
        try {
            boolean matches = verifier.verify(password, storedHash);
            mine.complete(matches);
            return matches;
        } catch (RuntimeException | Error e) {
            mine.completeExceptionally(e);
            throw e;
        } finally {
            running.remove(check, mine);
        }
    }

    private static boolean joined(CompletableFuture<Boolean> check) {
        try {
            return check.join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException cause ? cause : e;
        }
    }
}
