package dev.badgeworks.earn.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.badgeworks.api.ApiException;
import dev.badgeworks.api.ErrorCode;
import dev.badgeworks.badge.entity.OwnerType;
import dev.badgeworks.earn.control.BadgeFixture;
import dev.badgeworks.earn.control.BulkEarn;
import dev.badgeworks.earn.control.EarnCommand;
import dev.badgeworks.earn.control.EarnOutcome;
import dev.badgeworks.earn.control.RequestIdCheck;
import dev.badgeworks.earn.control.RequestIdConflict;
import dev.badgeworks.earn.control.Trigger;
import dev.badgeworks.earn.entity.CustomerBadge;
import dev.badgeworks.earn.entity.Earn;
import dev.badgeworks.events.control.BadgeEvent;
import dev.badgeworks.events.entity.EventType;
import dev.badgeworks.events.store.EventOutbox;
import dev.badgeworks.platform.Metrics;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The earn service on an in-memory store: how a list of earns is decided as a whole — repeats inside the list,
 * limits met halfway through a chunk, the locks it asks for, an import meeting its own earn after a crash.
 */
class EarnServiceTest {

    private static final Instant NOW = BadgeFixture.NOW;
    private final InMemoryEarnStore store = new InMemoryEarnStore();
    private final EarnService service = new EarnService();
    /** The events the service recorded, as the outbox would write them in the earn's transaction. */
    private final List<BadgeEvent> events = new ArrayList<>();

    @BeforeEach
    void setUp() {
        service.store = store;
        service.metrics = new Metrics();
        service.outbox = new EventOutbox() {
            @Override
            public void record(long orgId, List<BadgeEvent> recorded, long nowMs) {
                events.addAll(recorded);
            }
        };
        service.clock = Clock.fixed(NOW, ZoneOffset.UTC);
    }

    private static EarnCommand earn(String badge, String customer, String requestId, Instant event) {
        return EarnCommand.live(badge, customer, requestId, event, OwnerType.Loyalty, "p1");
    }

    private List<String> kinds(List<EarnOutcome> outcomes) {
        return outcomes.stream().map(o -> o.kind() == EarnOutcome.Kind.REJECTED ? "REJECTED " + o.error().code()
                : o.kind().name()).toList();
    }

    @Test
    void repeatsInsideOneListAreAnsweredAsRepeatsOfTheFirst() {
        store.add(BadgeFixture.liveEarn().stored("b-1"));
        List<EarnOutcome> outcomes = service.earnAll(1, List.of(earn("b-1", "c-1", "r-1", NOW),
                earn("b-1", "c-1", "r-1", NOW), earn("b-1", "c-2", "r-1", NOW)));
        assertEquals(List.of("EARNED", "DUPLICATE", "CONFLICT"), kinds(outcomes));
        assertEquals(outcomes.get(0).earn().id(), outcomes.get(1).earn().id());
        assertEquals(1, store.earns.size());
        assertTrue(store.lockedBadges.isEmpty() && store.lockedCustomers.isEmpty(), "no limits, no locks");
    }

    @Test
    void trustingTheConstraintSkipsTheLookUpYetAReplayStillGetsItsOriginalAnswer() {
        store.add(BadgeFixture.liveEarn().stored("b-1"));
        List<EarnOutcome> first = service.earnAll(1, List.of(earn("b-1", "c-1", "r-1", NOW)), RequestIdCheck.CONSTRAINT);
        assertEquals(List.of("EARNED"), kinds(first));
        assertEquals(0, store.requestIdLookups, "a new requestId: the unique key is the only check");
        // a replay with the same content: the insert is refused by the key, as the database would
        assertThrows(RequestIdConflict.class, () -> service.earnAll(1, List.of(earn("b-1", "c-1", "r-1", NOW)),
                RequestIdCheck.CONSTRAINT));
        assertEquals(List.of("DUPLICATE"), kinds(service.earnAll(1, List.of(earn("b-1", "c-1", "r-1", NOW)))));
        // the badge is deactivated since: the replay's original answer wins over today's rules
        BadgeFixture live = BadgeFixture.liveEarn();
        store.add(new BadgeFixture(live.start(), live.end(), live.earnType(), false, live.earned(), live.issued(),
                null, null).stored("b-1"));
        List<EarnOutcome> replay = service.earnAll(1, List.of(earn("b-1", "c-1", "r-1", NOW)), RequestIdCheck.CONSTRAINT);
        assertEquals(List.of("DUPLICATE"), kinds(replay));
        assertEquals(first.get(0).earn().id(), replay.get(0).earn().id());
        assertEquals(List.of("REJECTED 1120"), kinds(service.earnAll(1, List.of(earn("b-1", "c-1", "r-2", NOW)),
                RequestIdCheck.CONSTRAINT)));
        assertEquals(1, store.earns.size());
    }

    @Test
    void outcomesAreCountedByKindCodeAndModeForTheMetrics() {
        store.add(BadgeFixture.liveEarn().stored("b-1"));
        service.earnAll(1, List.of(earn("b-1", "c-1", "r-1", NOW), earn("b-1", "c-1", "r-1", NOW),
                earn("b-1", "c-2", "r-1", NOW), earn("b-404", "c-1", "r-2", NOW)));
        service.earnAll(1, List.of(earn("b-1", "c-3", "r-3", NOW)));
        String scraped = service.metrics.scrape();
        assertTrue(scraped.contains("badgeworks_earns_total{code=\"none\",mode=\"live\",outcome=\"earned\"} 2.0"),
                scraped);
        assertTrue(scraped.contains("badgeworks_earns_total{code=\"809\",mode=\"live\",outcome=\"duplicate\"} 1.0"),
                scraped);
        assertTrue(scraped.contains("outcome=\"conflict\"} 1.0"), scraped);
        assertTrue(scraped.contains("badgeworks_earns_total{code=\"" + ErrorCode.BADGE_NOT_FOUND.code()
                + "\",mode=\"live\",outcome=\"rejected\"} 1.0"), scraped);
    }

    @Test
    void aCustomerLimitMetHalfwayThroughAChunkRefusesExactlyTheEarnsPastIt() {
        store.add(BadgeFixture.liveEarn().limited("[{'constraintType':'CUSTOMER_BADGE_FIXED_VALUE','maxEarnLimit':2}]",
                null).stored("b-1"));
        List<EarnCommand> chunk = new ArrayList<>();
        IntStream.range(0, 5).forEach(i -> chunk.add(earn("b-1", "c-1", "r-" + i, NOW)));
        chunk.add(earn("b-1", "c-2", "r-other", NOW));
        assertEquals(List.of("EARNED", "EARNED", "REJECTED 1140", "REJECTED 1140", "REJECTED 1140", "EARNED"),
                kinds(service.earnAll(1, chunk)));
        assertEquals(3, store.earns.size());
        assertEquals(List.of(new CustomerBadge("b-1", "c-1"), new CustomerBadge("b-1", "c-2")), store.lockedCustomers);
        // a refused earn consumed no requestId: once a slot is free, the same request goes through
        store.revoked.add(store.earns.get(0).id());
        assertEquals(List.of("EARNED"), kinds(service.earnAll(1, List.of(earn("b-1", "c-1", "r-3", NOW)))));
    }

    @Test
    void aBadgeLimitCountsAllCustomersAndLocksTheBadge() {
        store.add(BadgeFixture.liveEarn().limited(null,
                "[{'constraintType':'BADGE_ROLLING_WINDOW','rollType':'DAYS','rollValue':1,'maxEarnLimit':3}]").stored("b-1"));
        List<EarnCommand> chunk = new ArrayList<>();
        IntStream.range(0, 5).forEach(i -> chunk.add(earn("b-1", "c-" + i, "r-" + i, NOW.minus(Duration.ofDays(3)))));
        List<EarnOutcome> outcomes = service.earnAll(1, chunk);
        assertEquals(List.of("EARNED", "EARNED", "EARNED", "REJECTED 1141", "REJECTED 1141"), kinds(outcomes));
        assertEquals("badgeConstraints", outcomes.get(3).error().reference());
        assertEquals("Badge earn limit reached. BADGE_ROLLING_WINDOW: badge limit 3 per 1 day "
                + "(rolling, by processing time) reached.", outcomes.get(3).error().message());
        assertEquals(List.of("b-1"), store.lockedBadges);
        assertTrue(store.lockedCustomers.isEmpty(), "the badge lock covers its customers");
    }

    @Test
    void fixedWindowsCountByEventDateWhateverTheOrderOfArrival() {
        // weekly cycles from Monday; NOW is Sunday 2025-06-01, the badge started 2025-05-22
        store.add(BadgeFixture.liveEarn().limited("[{'constraintType':'CUSTOMER_BADGE_FIXED_WINDOW',"
                + "'durationType':'WEEKS','refreshRate':1,'startDayOfTheWeek':'MONDAY','maxEarnLimit':1,"
                + "'referenceId':'w'}]", null).stored("b-1"));
        Instant lastWeek = Instant.parse("2025-05-24T10:00:00Z");
        Instant thisWeek = Instant.parse("2025-05-31T10:00:00Z");
        assertEquals(List.of("EARNED", "EARNED", "REJECTED 1140"), kinds(service.earnAll(1, List.of(
                earn("b-1", "c-1", "r-1", thisWeek), earn("b-1", "c-1", "r-2", lastWeek),
                earn("b-1", "c-1", "r-3", Instant.parse("2025-05-26T00:00:00Z"))))));
        assertEquals(List.of("REJECTED 1140"), kinds(service.earnAll(1, List.of(earn("b-1", "c-1", "r-4", NOW)))));
    }

    @Test
    void aMigrationIsNotRefusedByLimitsButCountsTowardThem() {
        store.add(BadgeFixture.liveEarn().limited("[{'constraintType':'CUSTOMER_BADGE_FIXED_VALUE','maxEarnLimit':2}]",
                null).stored("b-1"));
        Instant expires = NOW.plus(Duration.ofDays(10));
        List<EarnCommand> migrated = new ArrayList<>();
        IntStream.range(0, 3).forEach(i -> migrated.add(EarnCommand.migration("b-1", "c-1", "m-" + i,
                NOW.minus(Duration.ofDays(5)), OwnerType.Historical_Import, "historical-import", expires)));
        assertEquals(List.of("EARNED", "EARNED", "EARNED"), kinds(service.earnAll(1, migrated)));
        assertEquals(List.of(), events, "a migration tells nothing (reference 3.21)");
        assertEquals(List.of(new CustomerBadge("b-1", "c-1")), store.lockedCustomers,
                "a migration creates the customer's row too, so later earns know it has history");
        assertEquals(List.of("REJECTED 1140"), kinds(service.earnAll(1, List.of(earn("b-1", "c-1", "r-1", NOW)))));
        assertEquals(List.of(), events, "nor does a refused earn");
    }

    @Test
    void aCustomerWhoseRowIsCreatedNowHasNoEarnsToRead() {
        var badge = BadgeFixture.liveEarn().limited("[{'constraintType':'CUSTOMER_BADGE_FIXED_VALUE','maxEarnLimit':1}]",
                null).stored("b-1");
        store.add(badge);
        assertEquals(List.of("EARNED", "REJECTED 1140"), kinds(service.earnAll(1, List.of(
                earn("b-1", "c-1", "r-1", NOW), earn("b-1", "c-1", "r-2", NOW)))));
        assertEquals(1, events.size(), "the earned one is told, the refused one not");
        assertEquals(EventType.BADGE_EARNED, events.get(0).type());
        assertTrue(events.get(0).payload().contains("\"apiRequestId\":\"r-1\""), events.get(0).payload());
        assertEquals(List.of(), store.datesAskedFor, "the row was created now: the customer had no earns");
        assertEquals(List.of("REJECTED 1140"), kinds(service.earnAll(1, List.of(earn("b-1", "c-1", "r-3", NOW)))));
        assertEquals(List.of(new CustomerBadge("b-1", "c-1")), store.datesAskedFor);
    }

    @Test
    void anImportMeetingItsOwnEarnAfterACrashCountsItAsEarnedWithoutWritingItAgain() {
        store.add(BadgeFixture.liveEarn().limited("[{'constraintType':'CUSTOMER_BADGE_FIXED_VALUE','maxEarnLimit':1}]",
                null).stored("b-1"));
        EarnCommand line5 = earn("b-1", "c-1", "f:5", NOW).from("imp-1", 5);
        service.earnAll(1, List.of(line5));
        Earn written = store.earns.get(0);
        // the chunk is read again after a restart: its own earn is EARNED, not a duplicate nor over the limit
        List<EarnOutcome> again = service.earnAll(1, List.of(line5, earn("b-1", "c-1", "f:6", NOW).from("imp-1", 6)));
        assertEquals(List.of("EARNED", "REJECTED 1140"), kinds(again));
        assertEquals(written.id(), again.get(0).earn().id());
        assertEquals(1, store.earns.size());
        // another import of the same line is a duplicate
        assertEquals(List.of("DUPLICATE"), kinds(service.earnAll(1, List.of(earn("b-1", "c-1", "f:5", NOW)
                .from("imp-2", 5)))));
    }

    private static BulkEarn bulk(String badge, String requestId, String... customers) {
        return new BulkEarn(badge, List.of(customers), requestId, false, NOW, new Trigger(OwnerType.Loyalty, "p1"));
    }

    @Test
    void aBulkEarnIsOneListOfSingleEarnsAndItsRepeatReplaysTheOriginalAnswer() {
        store.add(BadgeFixture.liveEarn().limited("[{'constraintType':'CUSTOMER_BADGE_FIXED_VALUE','maxEarnLimit':1}]",
                null).stored("b-1"));
        service.earnAll(1, List.of(earn("b-1", "c-2", "single", NOW)));
        BulkEarn.Result result = service.earnBulk(1, bulk("b-1", "R", "c-1", "c-2", "c-3"));
        assertEquals(List.of("c-1", "c-3"), result.earnedBadgesList().stream()
                .map(e -> ((jakarta.json.JsonString) e.customerId()).getString()).toList());
        assertEquals(1140, result.failedEarnBadgeErrorList().get(0).errorCode());
        assertEquals(List.of("single", "R#c-1", "R#c-3"), store.earns.stream().map(Earn::requestId).toList());
        assertEquals(2, store.badgeLookups, "one look-up for the single earn, one for the whole bulk");

        ApiException repeat = assertThrows(ApiException.class, () -> service.earnBulk(1, bulk("b-1", "R", "c-1", "c-2", "c-3")));
        assertEquals(809, repeat.errors().get(0).code());
        assertEquals(2, ((jakarta.json.JsonObject) repeat.data()).getInt("earnedCount"), "the original answer");
        ApiException other = assertThrows(ApiException.class, () -> service.earnBulk(1, bulk("b-1", "R", "c-9")));
        assertEquals(809, other.errors().get(0).code());
        assertEquals(null, other.data());
        assertEquals(3, store.earns.size());
    }

    @Test
    void aBulkEarnThatFailsForEveryCustomerBecauseOfTheBadgeFailsAsAWholeAndIsNotLogged() {
        store.add(BadgeFixture.liveEarn().stored("b-1"));
        ApiException missing = assertThrows(ApiException.class, () -> service.earnBulk(1, bulk("nope", "R", "c-1", "c-2")));
        assertEquals(404, missing.errors().get(0).code());
        assertTrue(store.requestLog.isEmpty());
        assertEquals(2, service.earnBulk(1, bulk("b-1", "R", "c-1", "c-2")).earnedCount(), "the requestId is still free");
    }
}
