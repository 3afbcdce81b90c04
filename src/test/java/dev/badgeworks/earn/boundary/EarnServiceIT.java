package dev.badgeworks.earn.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.badgeworks.api.ApiException;
import dev.badgeworks.badge.entity.OwnerType;
import dev.badgeworks.earn.control.EarnCommand;
import dev.badgeworks.earn.control.EarnOutcome.Kind;
import dev.badgeworks.earn.control.EarnOutcome;
import dev.badgeworks.earn.control.RequestIdConflict;
import dev.badgeworks.earn.control.Trigger;
import dev.badgeworks.incontainer.InContainer;
import dev.badgeworks.incontainer.Racing;
import dev.badgeworks.incontainer.TestData;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The earn and enrolment services where they run: in the server, in its transactions, on its database, called as
 * their callers (the REST resources, the import's chunk) call them. Races are run on the server's own threads and
 * must be seen to happen: the tests count the requestId conflicts the database decided and the retries that followed.
 */
@ExtendWith(ArquillianExtension.class)
class EarnServiceIT {

    private static final int THREADS = 8;
    private static final int MAX_ROUNDS = 40;

    @Deployment
    static WebArchive deployment() {
        return InContainer.war(EarnServiceIT.class);
    }

    @Inject
    EarnService earns;

    @Inject
    EnrolmentService enrolments;

    @Inject
    TestData data;

    @Resource
    ManagedThreadFactory threads;

    @Test
    void repeatsInsideOneListAnswerAsTheyWouldOneByOne() {
        long org = data.newOrg("list");
        String badge = data.earnBadge(org);
        String rid = rid();
        EarnCommand first = earn(badge, "c1", rid);
        List<EarnOutcome> outcomes = earns.earnAll(org, List.of(first, earn(badge, "c2", rid()), first,
                earn(badge, "c3", rid)));

        assertEquals(List.of(Kind.EARNED, Kind.EARNED, Kind.DUPLICATE, Kind.CONFLICT),
                outcomes.stream().map(EarnOutcome::kind).toList());
        assertEquals(outcomes.get(0).earn().id(), outcomes.get(2).earn().id(), "the repeat answers the first earn");
        assertEquals(2, data.count("SELECT COUNT(*) FROM badge_earn WHERE org_id = ?1", org));
    }

    @Test
    void earnsRacingOnOneRequestIdLeaveOneEarnAndTheLosersRetryIntoARepeat() {
        long org = data.newOrg("race");
        String badge = data.earnBadge(org);
        AtomicInteger conflicts = new AtomicInteger();
        int rounds = 0;
        while (rounds < MAX_ROUNDS && (rounds < 5 || conflicts.get() == 0)) {
            rounds++;
            EarnCommand command = earn(badge, "racer-" + rounds, rid());
            List<EarnOutcome> outcomes = Racing.run(threads, THREADS, i -> {
                try {
                    return earns.earnAll(org, List.of(command)).get(0);
                } catch (RequestIdConflict lost) {
                    // the unique constraint refused this thread's insert: what the REST resource then does
                    conflicts.incrementAndGet();
                    return RequestIdConflict.retrying(() -> earns.earnAll(org, List.of(command)).get(0));
                }
            });
            assertEquals(1, outcomes.stream().filter(o -> o.kind() == Kind.EARNED).count(), outcomes.toString());
            assertEquals(THREADS - 1, outcomes.stream().filter(o -> o.kind() == Kind.DUPLICATE).count());
            assertEquals(1, outcomes.stream().map(o -> o.earn().id()).distinct().count(), "one earn answered to all");
            assertEquals(1, data.count("SELECT COUNT(*) FROM badge_earn WHERE org_id = ?1 AND request_id = ?2",
                    org, command.requestId()), "one row for the requestId");
        }
        assertTrue(conflicts.get() > 0, "no round lost a race at the unique constraint in " + rounds
                + " rounds: the retry path never ran");
    }

    @Test
    void aLimitMetInsideOneListOrByRacingEarnsStopsAtTheLimit() {
        long org = data.newOrg("limits");
        String badge = data.earnBadgeWithCustomerLimit(org, 2);
        List<EarnOutcome> outcomes = earns.earnAll(org, List.of(earn(badge, "c1", rid()), earn(badge, "c1", rid()),
                earn(badge, "c1", rid()), earn(badge, "c2", rid())));
        assertEquals(List.of(Kind.EARNED, Kind.EARNED, Kind.REJECTED, Kind.EARNED),
                outcomes.stream().map(EarnOutcome::kind).toList());
        assertEquals(1140, outcomes.get(2).error().code());

        List<EarnOutcome> raced = Racing.run(threads, THREADS, i -> RequestIdConflict.retrying(
                () -> earns.earnAll(org, List.of(earn(badge, "c3", rid()))).get(0)));
        assertEquals(2, raced.stream().filter(o -> o.kind() == Kind.EARNED).count(), raced.toString());
        assertEquals(THREADS - 2, raced.stream().filter(o -> o.kind() == Kind.REJECTED
                && o.error().code() == 1140).count(), raced.toString());
        assertEquals(2, data.count("SELECT COUNT(*) FROM badge_earn WHERE org_id = ?1 AND customer_id = 'c3'", org));
    }

    @Test
    void aReadAheadReadsWhatTheEarnsWillTouchAndChangesNothing() {
        long org = data.newOrg("ahead");
        String badge = data.earnBadge(org);
        EarnCommand stored = earn(badge, "c1", rid());
        earns.earnAll(org, List.of(stored));
        String rows = "SELECT (SELECT COUNT(*) FROM badge_earn WHERE org_id = ?1) * 1000"
                + " + (SELECT COUNT(*) FROM customer_badge WHERE badge_id = ?2)";
        long before = data.count(rows, org, badge);

        long found = earns.readAhead(org, List.of(stored, earn(badge, "c2", rid())));

        // on PostgreSQL the stored earn's standing, its (badge, event date) entry and its requestId; nothing of the
        // new one's; on H2 it reads nothing (the database is in the server's memory)
        assertEquals(InContainer.onPostgresHere() ? 3 : 0, found);
        assertEquals(before, data.count(rows, org, badge), "a read-ahead changes nothing");
        assertEquals(List.of(Kind.DUPLICATE, Kind.EARNED), earns.earnAll(org, List.of(stored,
                earn(badge, "c2", rid()))).stream().map(EarnOutcome::kind).toList());
    }

    @Test
    void ofRevokesRacingForOneEarnExactlyOneRevokes() {
        long org = data.newOrg("revoke");
        String badge = data.earnBadge(org);
        String earnId = earns.earnAll(org, List.of(earn(badge, "c1", rid()))).get(0).earn().id();

        List<Integer> answers = Racing.run(threads, THREADS, i -> {
            try {
                assertNotNull(earns.revoke(org, badge, "c1", earnId).revokedOnMs());
                return 0;
            } catch (ApiException e) {
                return e.errors().get(0).code();
            }
        });
        assertEquals(1, answers.stream().filter(a -> a == 0).count(), answers.toString());
        assertEquals(THREADS - 1, answers.stream().filter(a -> a == 814).count(), answers.toString());
        assertEquals(1, data.count("SELECT COUNT(*) FROM badge_earn WHERE id = ?1 AND revoked_on_ms IS NOT NULL",
                earnId));
    }

    @Test
    void enrolmentsRacingOnOneRequestIdMakeOneEnrolmentAndAllAnswerIt() {
        long org = data.newOrg("enrol-race");
        String badge = data.issueEarnBadge(org);
        AtomicInteger conflicts = new AtomicInteger();
        int rounds = 0;
        while (rounds < MAX_ROUNDS && (rounds < 3 || conflicts.get() == 0)) {
            rounds++;
            EnrolmentService.EnrolCommand command = enrol(badge, "racer-" + rounds, rid());
            // the winner answers the enrolment; a repeat answers 809 with the winner's answer in data
            List<String> issued = Racing.run(threads, THREADS, i -> {
                try {
                    return issuedId(() -> enrolments.enrol(org, command));
                } catch (RequestIdConflict lost) {
                    conflicts.incrementAndGet();
                    return RequestIdConflict.retrying(() -> issuedId(() -> enrolments.enrol(org, command)));
                }
            });
            assertEquals(1, Set.copyOf(issued).size(), "every caller answered the one enrolment: " + issued);
            assertTrue(issued.stream().noneMatch(id -> id.startsWith("error")), issued.toString());
            assertEquals(1, data.count("SELECT COUNT(*) FROM badge_enrolment WHERE badge_id = ?1 AND customer_id = ?2",
                    badge, "racer-" + rounds));
        }
        assertTrue(conflicts.get() > 0, "no enrolment lost the requestId race in " + rounds + " rounds");
    }

    @Test
    void anOverlappingEnrolmentAnswersTheActiveOne() {
        long org = data.newOrg("overlap");
        String badge = data.issueEarnBadge(org);
        String first = enrolments.enrol(org, enrol(badge, "c1", rid())).issuedBadges().get(0).issuedId();
        EnrolmentService.IssuedBadge second = enrolments.enrol(org, enrol(badge, "c1", rid())).issuedBadges().get(0);
        assertEquals(1040, second.error().code());
        assertEquals(first, second.issuedId(), "the overlap names the enrolment that is active");
        assertEquals(1, data.count("SELECT COUNT(*) FROM badge_enrolment WHERE badge_id = ?1", badge));
        ApiException unknown = assertThrows(ApiException.class,
                () -> enrolments.enrol(org, enrol("000000000000000000000000", "c1", rid())));
        assertEquals("badgeMetaId", unknown.errors().get(0).reference());
    }

    /** The enrolment a call answers: its own, or the original a repeat (809) carries; "error …" otherwise. */
    private static String issuedId(java.util.function.Supplier<EnrolmentService.EnrolResult> call) {
        try {
            EnrolmentService.IssuedBadge item = call.get().issuedBadges().get(0);
            return item.error() == null ? item.issuedId() : "error " + item.error().code();
        } catch (ApiException repeat) {
            if (repeat.errors().get(0).code() != 809 || !(repeat.data() instanceof jakarta.json.JsonObject original)) {
                return "error " + repeat.errors();
            }
            jakarta.json.JsonObject item = original.getJsonArray("issuedBadges").getJsonObject(0);
            return item.containsKey("error") && !item.isNull("error") ? "error in original " + item
                    : item.getString("issuedId");
        }
    }

    static EarnCommand earn(String badge, String customer, String requestId) {
        return EarnCommand.live(badge, customer, requestId, Instant.now().minus(Duration.ofHours(1)),
                OwnerType.Loyalty, TestData.PROGRAM);
    }

    private static EnrolmentService.EnrolCommand enrol(String badge, String customer, String requestId) {
        return new EnrolmentService.EnrolCommand(badge, List.of(customer), requestId, false, null,
                new Trigger(OwnerType.Loyalty, TestData.PROGRAM));
    }

    static String rid() {
        return UUID.randomUUID().toString();
    }
}
