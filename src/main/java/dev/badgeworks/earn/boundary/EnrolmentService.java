package dev.badgeworks.earn.boundary;

import dev.badgeworks.api.ApiError;
import dev.badgeworks.api.ApiException;
import dev.badgeworks.api.ApiTime;
import dev.badgeworks.api.ErrorCode;
import dev.badgeworks.api.Jsons;
import dev.badgeworks.badge.boundary.BadgeService;
import dev.badgeworks.badge.entity.BadgeMeta;
import dev.badgeworks.badge.store.BadgeCounters;
import dev.badgeworks.earn.control.EarnRules;
import dev.badgeworks.earn.control.RequestIdConflict;
import dev.badgeworks.earn.control.RequestReplay;
import dev.badgeworks.earn.control.Trigger;
import dev.badgeworks.earn.entity.Enrolment;
import dev.badgeworks.earn.store.EarnStore;
import dev.badgeworks.earn.store.EnrolmentStore;
import dev.badgeworks.events.control.BadgeEvent;
import dev.badgeworks.events.store.EventOutbox;
import dev.badgeworks.platform.Hashes;
import dev.badgeworks.platform.Ids;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonValue;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

/** Enrolments ("issues") of customers in ISSUE_EARN badges, and their revocation. */
@ApplicationScoped
@Transactional
public class EnrolmentService {

    public static final String OPERATION = "ISSUE";

    /** {@code requestIdAsNumber}: the client sent requestId as a JSON number (it is echoed the same way). */
    public record EnrolCommand(String badgeMetaId, List<String> customers, String requestId, boolean requestIdAsNumber,
                               Instant eventDate, Trigger triggeredBy) {

        String fingerprint() {
            String canonical = badgeMetaId + "|" + String.join(",", customers) + "|"
                    + (eventDate == null ? "" : eventDate.toEpochMilli()) + "|" + triggeredBy;
            return Hashes.sha256Hex(canonical);
        }
    }

    public record IssuedBadge(JsonValue customerId, String issuedId, ApiError error, String status) {
    }

    public record EnrolResult(String badgeMetaId, Trigger triggeredBy, BigDecimal expiresOn, String expiresOnISO,
                              BigDecimal issueEventDate, String issueEventDateISO, List<IssuedBadge> issuedBadges,
                              JsonValue requestId) {
    }

    public record RevokedIssue(JsonValue customerId, String issuedId, ApiError error) {
    }

    public record RevokeResult(String badgeMetaId, List<RevokedIssue> revokedIssuedBadges, JsonValue requestId) {
    }

    public record Issual(String customerId, String issueId) {
    }

    @Inject
    EnrolmentStore enrolments;

    @Inject
    BadgeService badges;

    @Inject
    BadgeCounters counters;

    @Inject
    EarnStore store;

    @Inject
    EventOutbox outbox;

    Clock clock = Clock.systemUTC();

    /**
     * Enrols each customer unless an unrevoked enrolment of theirs overlaps the new one (1040, per customer).
     * Enrolments of one badge are serialised by a row lock on the badge, so concurrent requests cannot create
     * overlapping enrolments. With a requestId, a repeat is 809 with the original result.
     */
    public EnrolResult enrol(long orgId, EnrolCommand command) {
        if (command.requestId() != null) {
            RequestReplay.ifKnown(store.loggedRequest(orgId, OPERATION, command.requestId()), command.fingerprint());
        }
        Instant now = clock.instant();
        BadgeMeta badge = badges.find(orgId, command.badgeMetaId(), "badgeMetaId");
        enrolments.lockBadge(badge);
        Instant event = command.eventDate() == null ? now : command.eventDate();
        ApiError error = EarnRules.enrolmentError(badge,
                badges.hasActiveClaim(badge.id(), command.triggeredBy().ownerType(), command.triggeredBy().referenceId()),
                event, now);
        if (error != null) {
            throw new ApiException(error);
        }
        long expiresOnMs = EarnRules.enrolmentExpiresOnMs(badge, now);
        List<String> customers = new ArrayList<>(new LinkedHashSet<>(command.customers()));
        Map<String, List<Enrolment>> existing = enrolments.ofCustomers(badge.id(), customers);
        List<IssuedBadge> items = new ArrayList<>();
        List<BadgeCounters.Change> enrolled = new ArrayList<>();
        List<BadgeEvent> events = new ArrayList<>();
        for (String customer : customers) {
            var overlap = EarnRules.overlapping(existing.getOrDefault(customer, List.of()), event.toEpochMilli(),
                    expiresOnMs);
            if (overlap.isPresent()) {
                items.add(new IssuedBadge(Jsons.customerId(customer), overlap.get().id(),
                        ErrorCode.OVERLAPPING_ISSUE.at("customers"),
                        "ACTIVE"));
                continue;
            }
            Enrolment enrolment = new Enrolment(Ids.newId(), orgId, badge.id(), customer, event.toEpochMilli(),
                    now.toEpochMilli(), expiresOnMs, command.triggeredBy().ownerType(),
                    command.triggeredBy().referenceId(), command.requestId());
            enrolments.insert(enrolment);
            enrolled.add(new BadgeCounters.Change(badge.id(), 0, 1));
            events.add(BadgeEvent.issued(orgId, enrolment.id(), badge.id(), customer, command.requestId(),
                    enrolment.issuedOnMs(), enrolment.issueEventMs(), enrolment.expiresOnMs()));
            items.add(new IssuedBadge(Jsons.customerId(customer), enrolment.id(), null, "ACTIVE"));
        }
        EnrolResult result = new EnrolResult(badge.id(), command.triggeredBy(), ApiTime.legacy(expiresOnMs),
                ApiTime.iso(expiresOnMs), ApiTime.legacy(event), ApiTime.iso(event), items,
                Jsons.echo(command.requestId(), command.requestIdAsNumber()));
        if (command.requestId() != null) {
            store.logRequest(RequestReplay.entry(orgId, OPERATION, command.requestId(), command.fingerprint(), result,
                    now.toEpochMilli()));
        } else {
            enrolments.flush(new RequestIdConflict(null));
        }
        counters.add(enrolled);
        outbox.record(orgId, events, now.toEpochMilli());
        return result;
    }


    /** Revokes the listed enrolments, or every enrolment of the listed customers; problems are reported per item. */
    public RevokeResult revoke(long orgId, String badgeMetaId, List<String> customers, List<Issual> issuals) {
        BadgeMeta badge = badges.find(orgId, badgeMetaId, "badgeMetaId");
        long now = clock.millis();
        List<RevokedIssue> items = new ArrayList<>();
        List<BadgeCounters.Change> revoked = new ArrayList<>();
        List<BadgeEvent> events = new ArrayList<>();
        if (!issuals.isEmpty()) {
            for (Issual issual : issuals) {
                Enrolment enrolment = enrolments.find(issual.issueId()).orElse(null);
                if (enrolment == null || !enrolment.badgeId().equals(badge.id()) || enrolment.revoked()) {
                    items.add(new RevokedIssue(Jsons.customerId(issual.customerId()), issual.issueId(),
                            ErrorCode.NO_ISSUE.at("issueId")));
                } else if (!enrolment.customerId().equals(issual.customerId())) {
                    items.add(new RevokedIssue(Jsons.customerId(issual.customerId()), issual.issueId(),
                            ErrorCode.ISSUE_OF_OTHER_CUSTOMER.at("customerId")));
                } else if (enrolments.revokeIfActive(enrolment.id(), now)) {
                    revoked.add(new BadgeCounters.Change(badge.id(), 0, -1));
                    events.add(BadgeEvent.issueRevoked(orgId, enrolment.id(), badge.id(), enrolment.customerId(), now));
                    items.add(new RevokedIssue(Jsons.customerId(issual.customerId()), enrolment.id(), null));
                } else {
                    items.add(new RevokedIssue(Jsons.customerId(issual.customerId()), issual.issueId(),
                            ErrorCode.NO_ISSUE.at("issueId")));
                }
            }
        } else {
            for (String customer : new LinkedHashSet<>(customers)) {
                List<Enrolment> active = enrolments.active(badge.id(), customer);
                int before = items.size();
                for (Enrolment enrolment : active) {
                    if (enrolments.revokeIfActive(enrolment.id(), now)) {
                        revoked.add(new BadgeCounters.Change(badge.id(), 0, -1));
                        events.add(BadgeEvent.issueRevoked(orgId, enrolment.id(), badge.id(), customer, now));
                        items.add(new RevokedIssue(Jsons.customerId(customer), enrolment.id(), null));
                    }
                }
                // none active, or concurrent revokes won every one: the customer is answered as a later call would be
                if (items.size() == before) {
                    items.add(new RevokedIssue(Jsons.customerId(customer), null, ErrorCode.NO_ISSUE.at("customers")));
                }
            }
        }
        counters.add(revoked);
        outbox.record(orgId, events, now);
        return new RevokeResult(badge.id(), items, JsonValue.NULL);
    }
}
