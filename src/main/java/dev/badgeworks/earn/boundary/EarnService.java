package dev.badgeworks.earn.boundary;

import dev.badgeworks.api.ErrorCode;
import dev.badgeworks.badge.entity.BadgeMeta;
import dev.badgeworks.badge.entity.Claim;
import dev.badgeworks.badge.entity.EarnType;
import dev.badgeworks.earn.control.EarnCommand;
import dev.badgeworks.earn.control.EarnDecision;
import dev.badgeworks.earn.control.EarnOutcome;
import dev.badgeworks.earn.control.EarnRules;
import dev.badgeworks.earn.entity.Earn;
import dev.badgeworks.earn.entity.Enrolment;
import dev.badgeworks.platform.Ids;
import dev.badgeworks.platform.Persistence;
import jakarta.annotation.Resource;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import javax.sql.DataSource;

/**
 * The one earn service. {@link #earnAll} applies {@link EarnRules} to a list of earns with set-based look-ups
 * (badges, claims, known requestIds, enrolments: one query each) and writes the accepted earns in one JDBC
 * batch. A single REST earn is a list of one; an import chunk is a list of many. Joins the caller's transaction.
 */
@Stateless
public class EarnService {

    private static final String INSERT = "INSERT INTO badge_earn (id, org_id, badge_id, customer_id, enrolment_id,"
            + " request_id, fingerprint, earn_event_ms, earned_on_ms, expires_on_ms, owner_type, owner_reference_id,"
            + " import_id, import_line) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";

    @PersistenceContext
    EntityManager em;

    @Resource(lookup = "jdbc/badgeworks")
    DataSource dataSource;

    Clock clock = Clock.systemUTC();

    /**
     * One outcome per command, in order. Repeats of finished requests (same org and requestId) are DUPLICATE
     * or CONFLICT, also within the list itself. Throws {@link RequestIdConflict} when a concurrent request
     * took one of the requestIds first; running the list again then reports it as a repeat.
     */
    public List<EarnOutcome> earnAll(long orgId, List<EarnCommand> commands) {
        Instant now = clock.instant();
        Map<String, BadgeMeta> badges = byKey(em.createQuery(
                        "SELECT b FROM BadgeMeta b WHERE b.orgId = :org AND b.id IN :ids", BadgeMeta.class)
                .setParameter("org", orgId).setParameter("ids", distinct(commands, EarnCommand::badgeMetaId))
                .getResultList(), BadgeMeta::id);
        Set<String> activeClaims = badges.isEmpty() ? Set.of() : em.createQuery(
                        "SELECT c FROM Claim c WHERE c.badgeId IN :ids AND c.active = :active", Claim.class)
                .setParameter("ids", badges.keySet()).setParameter("active", true).getResultStream()
                .map(c -> claimKey(c.badgeId(), c.ownerType().name(), c.referenceId())).collect(Collectors.toSet());
        Map<String, Earn> known = new HashMap<>(byKey(em.createQuery(
                        "SELECT e FROM Earn e WHERE e.orgId = :org AND e.requestId IN :ids", Earn.class)
                .setParameter("org", orgId).setParameter("ids", distinct(commands, EarnCommand::requestId))
                .getResultList(), Earn::requestId));
        Map<String, List<Enrolment>> enrolments = enrolmentsOf(commands, badges);

        List<EarnOutcome> outcomes = new ArrayList<>(commands.size());
        List<Earn> accepted = new ArrayList<>();
        for (EarnCommand command : commands) {
            Earn original = known.get(command.requestId());
            if (original != null) {
                outcomes.add(EarnOutcome.repeatOf(original, command));
                continue;
            }
            BadgeMeta badge = badges.get(command.badgeMetaId());
            if (badge == null) {
                outcomes.add(EarnOutcome.rejected((command.historical() ? ErrorCode.IMPORT_BADGE_NOT_FOUND
                        : ErrorCode.BADGE_NOT_FOUND).at("badgeMetaId")));
                continue;
            }
            boolean claimed = activeClaims.contains(
                    claimKey(badge.id(), command.ownerType().name(), command.referenceId()));
            EarnDecision decision = EarnRules.decide(badge, claimed,
                    enrolments.getOrDefault(enrolmentKey(badge.id(), command.customerId()), List.of()),
                    command.eventDate(), command.expiresOn(), now);
            if (!decision.accepted()) {
                outcomes.add(EarnOutcome.rejected(decision.error()));
                continue;
            }
            Earn earn = new Earn(Ids.newId(), orgId, badge.id(), command.customerId(), decision.enrolmentId(),
                    command.requestId(), command.fingerprint(), decision.eventMs(), now.toEpochMilli(),
                    decision.expiresOnMs(), command.ownerType(), command.referenceId());
            if (command.origin() != null) {
                earn.from(command.origin().importId(), command.origin().line());
            }
            accepted.add(earn);
            known.put(command.requestId(), earn);
            outcomes.add(EarnOutcome.earned(earn));
        }
        if (!accepted.isEmpty()) {
            insert(accepted);
        }
        return outcomes;
    }

    /** The earn with this requestId, for the replay of a repeated request. */
    public Earn findByRequestId(long orgId, String requestId) {
        return em.createQuery("SELECT e FROM Earn e WHERE e.orgId = :org AND e.requestId = :id", Earn.class)
                .setParameter("org", orgId).setParameter("id", requestId).getResultStream().findFirst().orElse(null);
    }

    /** Revokes an active earn of this customer and badge (814 when there is none). */
    public Earn revoke(long orgId, String badgeMetaId, String customerId, String earnedBadgeId) {
        Earn earn = earnedBadgeId == null ? null : em.find(Earn.class, earnedBadgeId);
        if (earn == null || earn.orgId() != orgId || !earn.badgeId().equals(badgeMetaId)
                || !earn.customerId().equals(customerId) || !earn.active()) {
            throw ErrorCode.NO_ACTIVE_EARN.exception("earnedBadgeId");
        }
        earn.revoke(clock.millis());
        Persistence.flushOrFail(em, ErrorCode.CONCURRENT_CHANGE.exception());
        return earn;
    }

    /**
     * New earns go to the database as one JDBC batch on the transaction's connection: a chunk of an import writes
     * a thousand rows without a thousand managed entities. The unique requestId constraint still decides races.
     */
    private void insert(List<Earn> earns) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement insert = connection.prepareStatement(INSERT)) {
            for (Earn e : earns) {
                insert.setString(1, e.id());
                insert.setLong(2, e.orgId());
                insert.setString(3, e.badgeId());
                insert.setString(4, e.customerId());
                insert.setString(5, e.enrolmentId());
                insert.setString(6, e.requestId());
                insert.setString(7, e.fingerprint());
                insert.setLong(8, e.earnEventMs());
                insert.setLong(9, e.earnedOnMs());
                insert.setLong(10, e.expiresOnMs());
                insert.setString(11, e.ownerType().name());
                insert.setString(12, e.ownerReferenceId());
                insert.setString(13, e.importId());
                insert.setObject(14, e.importLine(), java.sql.Types.BIGINT);
                insert.addBatch();
            }
            insert.executeBatch();
        } catch (SQLException e) {
            if (Persistence.isUniqueViolation(e)) {
                throw new RequestIdConflict(e);
            }
            throw new PersistenceException("cannot write " + earns.size() + " earns", e);
        }
    }

    private Map<String, List<Enrolment>> enrolmentsOf(List<EarnCommand> commands, Map<String, BadgeMeta> badges) {
        Set<String> issueEarnBadges = badges.values().stream().filter(b -> b.earnType() == EarnType.ISSUE_EARN)
                .map(BadgeMeta::id).collect(Collectors.toSet());
        Set<String> customers = commands.stream().filter(c -> issueEarnBadges.contains(c.badgeMetaId()))
                .map(EarnCommand::customerId).collect(Collectors.toSet());
        if (customers.isEmpty()) {
            return Map.of();
        }
        return em.createQuery("SELECT n FROM Enrolment n WHERE n.badgeId IN :badges AND n.customerId IN :customers",
                        Enrolment.class)
                .setParameter("badges", issueEarnBadges).setParameter("customers", customers).getResultStream()
                .collect(Collectors.groupingBy(n -> enrolmentKey(n.badgeId(), n.customerId())));
    }

    private static <T> Map<String, T> byKey(List<T> rows, Function<T, String> key) {
        Map<String, T> map = new HashMap<>();
        rows.forEach(r -> map.put(key.apply(r), r));
        return map;
    }

    private static Set<String> distinct(List<EarnCommand> commands, Function<EarnCommand, String> field) {
        Set<String> values = new HashSet<>();
        commands.forEach(c -> values.add(field.apply(c)));
        return values;
    }

    private static String claimKey(String badgeId, String ownerType, String referenceId) {
        return badgeId + '\u001f' + ownerType + '\u001f' + referenceId;
    }

    private static String enrolmentKey(String badgeId, String customerId) {
        return badgeId + '\u001f' + customerId;
    }
}
