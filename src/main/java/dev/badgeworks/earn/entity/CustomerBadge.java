package dev.badgeworks.earn.entity;

import java.util.Comparator;

/** A customer of a badge: the scope of per-customer limits and of the lock that serialises their earns. */
public record CustomerBadge(String badgeId, String customerId) implements Comparable<CustomerBadge> {

    private static final Comparator<CustomerBadge> ORDER =
            Comparator.comparing(CustomerBadge::badgeId).thenComparing(CustomerBadge::customerId);

    /** Locks are taken in this order everywhere, so two transactions never wait for each other in a circle. */
    @Override
    public int compareTo(CustomerBadge other) {
        return ORDER.compare(this, other);
    }
}
