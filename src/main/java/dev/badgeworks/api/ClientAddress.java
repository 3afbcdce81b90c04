package dev.badgeworks.api;

import dev.badgeworks.platform.Settings;
import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The address a request comes from, for throttling and log lines. Behind a load balancer every request comes
 * from the balancer, so X-Forwarded-For is read, but only when the direct peer is one of the operator's
 * trusted proxies ({@code badgeworks.trusted.proxies}): anyone else could write any address there.
 */
public final class ClientAddress {

    private static final Set<String> TRUSTED = Arrays.stream(Settings.get("badgeworks.trusted.proxies", "").split(","))
            .map(String::trim).filter(s -> !s.isEmpty()).collect(Collectors.toUnmodifiableSet());

    private ClientAddress() {
    }

    /** The client's address: the right-most X-Forwarded-For hop not added by a trusted proxy, else the peer. */
    public static String of(String peer, String forwardedFor) {
        if (peer == null) {
            return "unknown";
        }
        if (forwardedFor == null || !TRUSTED.contains(peer)) {
            return peer;
        }
        String[] hops = forwardedFor.split(",");
        for (int i = hops.length - 1; i >= 0; i--) {
            String hop = hops[i].trim();
            if (!hop.isEmpty() && (i == 0 || !TRUSTED.contains(hop))) {
                // written by the client: it becomes a throttling key and appears in log lines
                return Excerpt.of(hop.length() > 64 ? hop.substring(0, 64) : hop);
            }
        }
        return peer;
    }
}
