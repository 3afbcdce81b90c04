package dev.badgeworks.earn.boundary;

import static dev.badgeworks.api.QueryParams.bool;
import static dev.badgeworks.api.QueryParams.date;
import static dev.badgeworks.api.QueryParams.integer;
import static dev.badgeworks.api.QueryParams.parse;

import dev.badgeworks.api.ApiError;
import dev.badgeworks.api.ApiException;
import dev.badgeworks.api.ApiTime;
import dev.badgeworks.api.Envelope;
import dev.badgeworks.api.ErrorCode;
import dev.badgeworks.api.Jsons;
import dev.badgeworks.api.Pagination;
import dev.badgeworks.api.QueryParams;
import dev.badgeworks.badge.boundary.BadgeService;
import dev.badgeworks.badge.control.BadgeQuery;
import dev.badgeworks.badge.entity.BadgeMeta;
import dev.badgeworks.badge.entity.CountWindow;
import dev.badgeworks.badge.entity.Cycle;
import dev.badgeworks.badge.entity.EarnLimit;
import dev.badgeworks.badge.entity.LimitLevel;
import dev.badgeworks.earn.control.EarnRequestReader;
import dev.badgeworks.earn.entity.CustomerBadge;
import dev.badgeworks.earn.entity.EarnDates;
import dev.badgeworks.earn.store.EarnStore;
import dev.badgeworks.security.boundary.CurrentCaller;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/**
 * The cycles of a badge's fixed windows, with their earn counts (reference §3.17): what a support agent or a member
 * app asks to explain "why was this earn refused" or "how many are left this week".
 */
@ApplicationScoped
@Path("api_gateway/v1/badges/badgeMeta/getFixedWindowDetails")
@Produces(MediaType.APPLICATION_JSON)
public class FixedWindowResource {

    public enum Scope { BADGE, CUSTOMER, ALL }

    public record CycleView(String fixedWindowCycleReferenceId, BigDecimal startDate, String startDateISO,
                            BigDecimal endDate, String endDateISO, Long earnCount, String constraintType) {
    }

    public record FixedWindowDetails(String badgeMetaId, long orgId, BigDecimal startDate, String startDateISO,
                                     BigDecimal endDate, String endDateISO, JsonValue customerId,
                                     List<CycleView> fixedWindowCycles, Pagination pagination) {
    }

    private record Query(String badgeMetaId, Scope scope, String customerId, String referenceId, boolean withCounts,
                         Instant start, Instant end, int page, int size) {
    }

    @Inject
    CurrentCaller caller;

    @Inject
    BadgeService badges;

    @Inject
    EarnStore store;

    @GET
    public Envelope<FixedWindowDetails> details(@Context UriInfo uri) {
        Query q = read(uri.getQueryParameters()::getFirst);
        BadgeMeta badge = badges.find(caller.orgId(), q.badgeMetaId(), "badgeMetaId");
        long from = q.start() == null ? badge.startOnMs() : q.start().toEpochMilli();
        long to = q.end() == null ? badge.expiresOnMs() : q.end().toEpochMilli();
        record Found(EarnLimit.FixedWindow window, Cycle cycle) {
        }
        List<Found> cycles = new ArrayList<>();
        for (EarnLimit limit : badge.limits().all()) {
            if (limit instanceof EarnLimit.FixedWindow window && wanted(q.scope(), window.level())) {
                window.cycles(from, to, badge).stream()
                        .filter(c -> q.referenceId() == null || q.referenceId().equals(c.referenceId()))
                        .forEach(c -> cycles.add(new Found(window, c)));
            }
        }
        cycles.sort(Comparator.comparingLong((Found f) -> f.cycle().startMs())
                .thenComparing(f -> f.window().level()));
        List<Found> page = cycles.stream().skip((long) q.page() * q.size()).limit(q.size()).toList();
        List<EarnDates> customerEarns = q.withCounts() && q.customerId() != null
                ? store.activeEarnDates(List.of(new CustomerBadge(badge.id(), q.customerId())))
                        .getOrDefault(new CustomerBadge(badge.id(), q.customerId()), List.of())
                : List.of();
        List<CycleView> views = page.stream().map(f -> {
            Cycle c = f.cycle();
            CountWindow window = new CountWindow(CountWindow.Basis.EVENT, c.startMs(), c.endMs());
            Long count = !q.withCounts() ? null : f.window().level() == LimitLevel.BADGE
                    ? store.viewedWindowCount(badge.id(), window)
                    : customerEarns.stream().filter(d -> window.contains(d.eventMs(), d.earnedOnMs())).count();
            return new CycleView(c.referenceId(), ApiTime.legacy(c.startMs()), ApiTime.iso(c.startMs()),
                    ApiTime.legacy(c.endMs()), ApiTime.iso(c.endMs()), count, f.window().constraintType());
        }).toList();
        return Envelope.of(new FixedWindowDetails(badge.id(), badge.orgId(), ApiTime.legacy(from), ApiTime.iso(from),
                ApiTime.legacy(to), ApiTime.iso(to), Jsons.customerId(q.customerId()), views,
                Pagination.of(q.page(), q.size(), cycles.size())));
    }

    private static boolean wanted(Scope scope, LimitLevel level) {
        return scope == Scope.ALL || scope.name().equals(level.name());
    }

    private static Query read(Function<String, String> param) {
        List<ApiError> errors = new ArrayList<>();
        String badgeMetaId = param.apply("badgeMetaId");
        if (badgeMetaId == null || badgeMetaId.isBlank()) {
            errors.add(ErrorCode.FIELD_REQUIRED.at("badgeMetaId", "'badgeMetaId' is required."));
        }
        String scopeText = param.apply("constraintType");
        Scope scope = scopeText == null ? Scope.ALL
                : parse(Scope.class, scopeText.trim().toUpperCase(Locale.ROOT), "constraintType", errors).orElse(Scope.ALL);
        // held to the rules of a customerId anywhere else: blank is 812, too long 1103
        String customerId = param.apply("customerId") == null ? null : param.apply("customerId").strip();
        if (customerId != null && customerId.isEmpty()) {
            errors.add(ErrorCode.CUSTOMER_ID_MISSING.at("customerId"));
        } else if (customerId != null && customerId.length() > EarnRequestReader.MAX_CUSTOMER_ID) {
            errors.add(ErrorCode.TOO_LONG.at("customerId", "'customerId' may have at most "
                    + EarnRequestReader.MAX_CUSTOMER_ID + " characters."));
        }
        boolean withCounts = bool(param.apply("includeEarnCount"), "includeEarnCount", errors);
        if (withCounts && scope != Scope.BADGE && customerId == null) {
            errors.add(ErrorCode.FIELD_REQUIRED.at("customerId",
                    "'customerId' is required to count a customer's earns (constraintType CUSTOMER or ALL)."));
        }
        // an inclusive span: a plain date as startDate starts at its first moment, as endDate ends at its last
        QueryParams.DateSpan startDate = date(param.apply("startDate"), "startDate", errors);
        QueryParams.DateSpan endDate = date(param.apply("endDate"), "endDate", errors);
        Instant start = startDate == null ? null : startDate.first();
        Instant end = endDate == null ? null : endDate.last();
        int page = integer(param.apply("page"), "page", 0, 0, Integer.MAX_VALUE, errors);
        int size = integer(param.apply("size"), "size", BadgeQuery.DEFAULT_SIZE, 1, BadgeQuery.MAX_SIZE, errors);
        if (!errors.isEmpty()) {
            throw new ApiException(errors);
        }
        return new Query(badgeMetaId, scope, customerId, param.apply("fixedWindowCycleReferenceId"), withCounts,
                start, end, page, size);
    }
}
