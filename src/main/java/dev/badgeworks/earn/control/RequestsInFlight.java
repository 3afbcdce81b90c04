package dev.badgeworks.earn.control;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The requestIds of the single earns this instance is running now, so that a request the unique key refused can
 * tell a race (another request with its requestId was running when it arrived) from a plain repeat of a finished
 * earn, which the key refuses just the same. Holds only what is in progress: one entry per running requestId.
 */
public final class RequestsInFlight {

    private final Map<String, Integer> running = new ConcurrentHashMap<>();

    /** One request's stay; close it when the request has its answer. */
    public final class Entry implements AutoCloseable {

        private final String key;
        private final boolean overlapped;

        private Entry(String key, boolean overlapped) {
            this.key = key;
            this.overlapped = overlapped;
        }

        /** Whether another request with this requestId was running when this one arrived. */
        public boolean overlapped() {
            return overlapped;
        }

        @Override
        public void close() {
            running.computeIfPresent(key, (k, n) -> n == 1 ? null : n - 1);
        }
    }

    public Entry enter(long orgId, String requestId) {
        String key = orgId + "\u0000" + requestId;
        return new Entry(key, running.merge(key, 1, Integer::sum) > 1);
    }
}
