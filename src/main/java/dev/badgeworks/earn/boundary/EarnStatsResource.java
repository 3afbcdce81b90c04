package dev.badgeworks.earn.boundary;

import static dev.badgeworks.api.QueryParams.integer;

import dev.badgeworks.api.ApiError;
import dev.badgeworks.api.ApiException;
import dev.badgeworks.api.Envelope;
import dev.badgeworks.badge.boundary.BadgeService;
import dev.badgeworks.earn.store.EarnStore;
import dev.badgeworks.security.boundary.CurrentCaller;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Earns per day over the last weeks (the console's overview chart; any client may ask): every day of the span is
 * answered, days without earns as zero, so a chart needs no gap filling.
 */
@ApplicationScoped
@Path("api_gateway/v1/badges/stats")
@Produces(MediaType.APPLICATION_JSON)
public class EarnStatsResource {

    static final int DEFAULT_DAYS = 30;
    static final int MAX_DAYS = 366;
    private static final long DAY_MS = 86_400_000L;

    /** One UTC day: the earns processed on it and how many of those are revoked by now. */
    public record Day(String date, long earned, long revoked) {
    }

    public record EarnsPerDay(String firstDate, String lastDate, String timeZone, String badgeId, long earned,
                              long revoked, List<Day> days) {
    }

    @Inject
    CurrentCaller caller;

    @Inject
    BadgeService badges;

    @Inject
    EarnStore store;

    @GET
    @Path("earnsPerDay")
    public Envelope<EarnsPerDay> earnsPerDay(@QueryParam("days") String daysText,
                                             @QueryParam("badgeId") String badgeIdText) {
        List<ApiError> errors = new ArrayList<>();
        int days = integer(daysText, "days", DEFAULT_DAYS, 1, MAX_DAYS, errors);
        if (!errors.isEmpty()) {
            throw new ApiException(errors);
        }
        String badgeId = badgeIdText == null || badgeIdText.isBlank() ? null
                : badges.find(caller.orgId(), badgeIdText.strip(), "badgeId").id(); // another org's id is unknown
        LocalDate last = LocalDate.now(ZoneOffset.UTC);
        LocalDate first = last.minusDays(days - 1L);
        Map<Long, EarnStore.DayCount> counted = store.earnsPerDay(caller.orgId(), badgeId,
                        first.toEpochDay() * DAY_MS, (last.toEpochDay() + 1) * DAY_MS).stream()
                .collect(Collectors.toMap(EarnStore.DayCount::epochDay, Function.identity()));
        List<Day> answer = new ArrayList<>(days);
        long earned = 0;
        long revoked = 0;
        for (LocalDate d = first; !d.isAfter(last); d = d.plusDays(1)) {
            EarnStore.DayCount c = counted.get(d.toEpochDay());
            answer.add(c == null ? new Day(d.toString(), 0, 0) : new Day(d.toString(), c.earned(), c.revoked()));
            earned += c == null ? 0 : c.earned();
            revoked += c == null ? 0 : c.revoked();
        }
        return Envelope.of(new EarnsPerDay(first.toString(), last.toString(), "UTC", badgeId, earned, revoked, answer));
    }
}
