package dev.badgeworks.incontainer;

import dev.badgeworks.api.JsonInput;
import dev.badgeworks.badge.boundary.BadgeService;
import dev.badgeworks.badge.control.BadgeReader;
import dev.badgeworks.badge.entity.BadgeMeta;
import dev.badgeworks.badge.entity.OwnerType;
import dev.badgeworks.security.boundary.UserAccounts;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.Query;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

/**
 * What the in-container tests set up through the product's own services (an org, a claimed badge), and what they
 * read straight from the tables to judge an outcome by the database rather than by the service's answer.
 */
@ApplicationScoped
public class TestData {

    public static final String PROGRAM = "program-1";

    @Inject
    UserAccounts users;

    @Inject
    BadgeService badges;

    @PersistenceContext
    EntityManager em;

    public long newOrg(String prefix) {
        return users.createOrg(prefix + " " + UUID.randomUUID()).id();
    }

    /** A live EARN badge started a year ago, earned badges valid 30 days, claimed by Loyalty {@value #PROGRAM}. */
    public String earnBadge(long orgId) {
        return claimed(orgId, badgeBody("EARN"));
    }

    /** The same with earn limits: {@code customerConstraints} as the API takes them. */
    public String earnBadgeWithCustomerLimit(long orgId, int maxEarns) {
        return claimed(orgId, badgeBody("EARN").add("customerConstraints", Json.createArrayBuilder()
                .add(Json.createObjectBuilder().add("constraintType", "CUSTOMER_BADGE_FIXED_VALUE")
                        .add("maxEarnLimit", maxEarns))));
    }

    /** An ISSUE_EARN badge: a customer is enrolled (issued) before earning; an issue lasts 10 days. */
    public String issueEarnBadge(long orgId) {
        return claimed(orgId, badgeBody("ISSUE_EARN").add("issuedBadgeExpiry", Json.createObjectBuilder()
                .add("expiryType", "RELATIVE").add("relativeExpirytype", "DAYS").add("value", 10)));
    }

    /** Made as a migration would make it (a start in the past), so that back-dated earns fall inside it. */
    private String claimed(long orgId, JsonObjectBuilder body) {
        JsonObject json = body.build();
        BadgeMeta badge = badges.create(orgId, new BadgeMeta.Author(0, "in-container test"),
                BadgeReader.read(JsonInput.of(json)), true);
        badges.claim(orgId, badge.id(), OwnerType.Loyalty, PROGRAM);
        return badge.id();
    }

    private static JsonObjectBuilder badgeBody(String earnType) {
        Instant now = Instant.now();
        return Json.createObjectBuilder()
                .add("name", "In-container " + UUID.randomUUID().toString().substring(0, 8))
                .add("description", "made by an in-container test")
                .add("startOn", now.minus(Duration.ofDays(365)).getEpochSecond())
                .add("expiresOn", now.plus(Duration.ofDays(365)).getEpochSecond())
                .add("earnType", earnType)
                .add("earnedBadgeExpiry", Json.createObjectBuilder()
                        .add("expiryType", "RELATIVE").add("relativeExpirytype", "DAYS").add("value", 30))
                .add("ownership", Json.createObjectBuilder()
                        .add("restrictedToOwners", Json.createArrayBuilder().add("Loyalty")));
    }

    /** A count read in its own transaction, after whatever the test ran has committed. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public long count(String sql, Object... parameters) {
        Query query = em.createNativeQuery(sql);
        for (int i = 0; i < parameters.length; i++) {
            query.setParameter(i + 1, parameters[i]);
        }
        return ((Number) query.getSingleResult()).longValue();
    }

    /**
     * Whether some database session now waits to insert into badge_earn behind another's uncommitted row: on
     * PostgreSQL a session waiting for a lock; on H2 (which names no blocker for a row wait) an insert into the
     * table running for longer than an unhindered one ever takes.
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public boolean someoneWaitsToInsertAnEarn() {
        return someoneWaitsToInsertInto("badge_earn");
    }

    /** As {@link #someoneWaitsToInsertAnEarn}, for an activity. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public boolean someoneWaitsToInsertAnActivity() {
        return someoneWaitsToInsertInto("activity");
    }

    private boolean someoneWaitsToInsertInto(String table) {
        String sql = InContainer.onPostgresHere()
                ? "SELECT COUNT(*) FROM pg_stat_activity WHERE wait_event_type = 'Lock'"
                + " AND query ILIKE 'insert into " + table + " %'"
                : "SELECT COUNT(*) FROM INFORMATION_SCHEMA.SESSIONS WHERE SESSION_STATE = 'RUNNING'"
                + " AND LOWER(EXECUTING_STATEMENT) LIKE 'insert into " + table + " %'"
                + " AND EXECUTING_STATEMENT_START < CURRENT_TIMESTAMP - INTERVAL '0.5' SECOND";
        return ((Number) em.createNativeQuery(sql).getSingleResult()).longValue() > 0;
    }
}
