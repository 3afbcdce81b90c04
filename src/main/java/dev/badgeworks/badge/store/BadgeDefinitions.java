package dev.badgeworks.badge.store;

import dev.badgeworks.badge.entity.BadgeMeta;
import dev.badgeworks.badge.entity.Claim;
import dev.badgeworks.platform.Jdbc;
import dev.badgeworks.platform.Reads;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/**
 * Badge definitions with their claims as every earn and badge read needs them, kept per instance and checked
 * against the database on every use: one indexed read of each badge's {@code version} (raised by every change of
 * the badge) and {@code claims_version} (raised in the transaction of every claim change) decides whether the kept
 * copy is current, instead of loading the badge and its claims through JPA each time. A change made on any
 * instance is therefore seen by the next read on every instance, as before. Kept copies are detached and never
 * changed; writes load their own managed badge. Joins the caller's transaction, and starts none: a badge read
 * needs none.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class BadgeDefinitions {

    /** A badge row's versions: of its definition, and of its claims. */
    private record Versions(long definition, long claims) {
    }

    /** A badge as it was read, with all its claims (active or not) in creation order. Shared: never changed. */
    public record Definition(BadgeMeta badge, List<Claim> claims) {

        public List<Claim> activeClaims() {
            return claims.stream().filter(Claim::active).toList();
        }
    }

    /** More badges than a deployment has: when reached the copies are dropped and read again as needed. */
    static final int CAPACITY = 20_000;

    private final Map<String, Definition> kept = new ConcurrentHashMap<>();

    @PersistenceContext
    EntityManager em;

    @Inject
    Reads reads;

    /** The current definitions of the org's badges among these ids (others' and unknown ids are left out), by id. */
    public Map<String, Definition> current(long orgId, Collection<String> ids) {
        if (ids.isEmpty()) {
            return Map.of();
        }
        return current(orgId, versions(orgId, ids));
    }

    /** A badge's current definition and its counts. */
    public record Counted(Definition definition, BadgeCounters.Counts counts) {
    }

    /**
     * The org's badges among these ids with their counts (others' and unknown ids are left out), by id, read in one
     * query with their versions: concurrent badge GETs share it, one statement on one pooled connection for them all
     * while their copies are kept.
     */
    public Map<String, Counted> currentCounted(long orgId, Collection<String> ids) {
        List<String> distinct = List.copyOf(new LinkedHashSet<>(ids));
        // one badge (the usual GET): counts as a sub-select; H2 answered a grouped join of the two more slowly
        String sql = distinct.size() == 1
                ? "SELECT m.id, m.version, m.claims_version, c.earned, c.issued FROM badge_meta m, ("
                        + BadgeCounters.COUNTS_OF_ONE_BADGE + ") c WHERE m.org_id = ? AND m.id = ?"
                : "SELECT m.id, m.version, m.claims_version, COALESCE(c.earned, 0), COALESCE(c.issued, 0)"
                        + " FROM badge_meta m LEFT JOIN (" + BadgeCounters.countsOf(distinct.size()) + ") c"
                        + " ON c.badge_id = m.id"
                        + " WHERE m.org_id = ? AND m.id IN (" + Jdbc.marks(distinct.size()) + ")";
        Map<String, Versions> versions = new HashMap<>();
        Map<String, BadgeCounters.Counts> counts = new HashMap<>();
        reads.read(em, connection -> {
            try (PreparedStatement read = connection.prepareStatement(sql)) {
                int next = Jdbc.bind(read, 1, distinct);
                read.setLong(next, orgId);
                Jdbc.bind(read, next + 1, distinct);
                try (ResultSet rows = read.executeQuery()) {
                    while (rows.next()) {
                        versions.put(rows.getString(1), new Versions(rows.getLong(2), rows.getLong(3)));
                        counts.put(rows.getString(1), new BadgeCounters.Counts(rows.getLong(4), rows.getLong(5)));
                    }
                }
            }
            return null;
        });
        Map<String, Counted> counted = new HashMap<>();
        current(orgId, versions).forEach((id, definition) -> counted.put(id, new Counted(definition, counts.get(id))));
        return counted;
    }

    private Map<String, Definition> current(long orgId, Map<String, Versions> versions) {
        Map<String, Definition> current = new HashMap<>();
        List<String> stale = new ArrayList<>();
        versions.forEach((id, version) -> {
            Definition definition = kept.get(id);
            if (definition != null && definition.badge().version() == version.definition()
                    && definition.badge().claimsVersion() == version.claims()) {
                current.put(id, definition);
            } else {
                stale.add(id);
            }
        });
        if (!stale.isEmpty()) {
            for (Definition definition : load(orgId, stale)) {
                current.put(definition.badge().id(), definition);
                keep(definition);
            }
        }
        return current;
    }

    /**
     * The org's active badges whose activity rule reads one of these activities (names spelled as
     * {@code RuleJson.spelling}), with their current definitions, by id; every rule badge of the org when
     * {@code activities} is null.
     */
    public Map<String, Definition> withRulesFor(long orgId, Collection<String> activities) {
        if (activities != null && activities.isEmpty()) {
            return Map.of();
        }
        Map<String, Versions> versions = reads.read(em, connection -> {
            Map<String, Versions> found = new HashMap<>();
            String sql = "SELECT id, version, claims_version FROM badge_meta WHERE org_id = ? AND active = TRUE AND"
                    + (activities == null ? " earn_rule_activity IS NOT NULL"
                    : " earn_rule_activity IN (" + Jdbc.marks(activities.size()) + ")");
            try (PreparedStatement read = connection.prepareStatement(sql)) {
                read.setLong(1, orgId);
                if (activities != null) {
                    Jdbc.bind(read, 2, activities);
                }
                try (ResultSet rows = read.executeQuery()) {
                    while (rows.next()) {
                        found.put(rows.getString(1), new Versions(rows.getLong(2), rows.getLong(3)));
                    }
                }
            }
            return found;
        });
        return versions.isEmpty() ? Map.of() : current(orgId, versions);
    }

    /** The stored activity rules of all the org's badges, active or not (what their activities are kept for). */
    public List<String> ruleTexts(long orgId) {
        return em.createQuery("SELECT b.earnRule FROM BadgeMeta b WHERE b.orgId = :org AND b.earnRule IS NOT NULL",
                String.class).setParameter("org", orgId).getResultList();
    }

    /** The active claims of these badges as returned by {@link #current}; read again for any no longer kept. */
    public List<Claim> activeClaimsOf(Collection<BadgeMeta> badges) {
        List<Claim> claims = new ArrayList<>();
        List<String> notKept = new ArrayList<>();
        for (BadgeMeta badge : badges) {
            Definition definition = kept.get(badge.id());
            if (definition != null && definition.badge() == badge) {
                claims.addAll(definition.activeClaims());
            } else {
                notKept.add(badge.id());
            }
        }
        if (!notKept.isEmpty()) {
            claims.addAll(em.createQuery("SELECT c FROM Claim c WHERE c.badgeId IN :ids AND c.active = :active",
                    Claim.class).setParameter("ids", notKept).setParameter("active", true).getResultList());
        }
        return claims;
    }

    private Map<String, Versions> versions(long orgId, Collection<String> ids) {
        return reads.read(em, connection -> {
            Map<String, Versions> versions = new HashMap<>();
            try (PreparedStatement read = connection.prepareStatement("SELECT id, version, claims_version FROM"
                    + " badge_meta WHERE org_id = ? AND id IN (" + Jdbc.marks(ids.size()) + ")")) {
                read.setLong(1, orgId);
                Jdbc.bind(read, 2, ids);
                try (ResultSet rows = read.executeQuery()) {
                    while (rows.next()) {
                        versions.put(rows.getString(1), new Versions(rows.getLong(2), rows.getLong(3)));
                    }
                }
            }
            return versions;
        });
    }

    private List<Definition> load(long orgId, List<String> ids) {
        List<BadgeMeta> badges = em.createQuery("SELECT b FROM BadgeMeta b WHERE b.orgId = :org AND b.id IN :ids",
                BadgeMeta.class).setParameter("org", orgId).setParameter("ids", ids).getResultList();
        // read after the badges: claims are then at least as new as the claims_version kept with them
        Map<String, List<Claim>> claims = em.createQuery("SELECT c FROM Claim c WHERE c.badgeId IN :ids"
                        + " ORDER BY c.createdOnMs, c.id", Claim.class).setParameter("ids", ids).getResultStream()
                .collect(Collectors.groupingBy(Claim::badgeId));
        // outside a transaction what a query answers is detached already (and detach itself is refused)
        boolean managed = reads.inTransaction();
        List<Definition> definitions = new ArrayList<>(badges.size());
        for (BadgeMeta badge : badges) {
            List<Claim> own = claims.getOrDefault(badge.id(), List.of());
            if (managed) {
                em.detach(badge);
                own.forEach(em::detach);
            }
            badge.limits(); // computed before the copy is shared between threads
            definitions.add(new Definition(badge, List.copyOf(own)));
        }
        return definitions;
    }

    private void keep(Definition definition) {
        if (kept.size() >= CAPACITY) {
            kept.clear();
        }
        // of two threads loading at once, the newer copy stays
        kept.merge(definition.badge().id(), definition, (old, loaded) -> newer(loaded, old) ? loaded : old);
    }

    private static boolean newer(Definition a, Definition b) {
        return a.badge().version() > b.badge().version() || a.badge().version() == b.badge().version()
                && a.badge().claimsVersion() >= b.badge().claimsVersion();
    }
}
