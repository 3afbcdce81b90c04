package dev.badgeworks.activity.boundary;

import dev.badgeworks.activity.control.ActivityCheck;
import dev.badgeworks.activity.control.ActivityRule;
import dev.badgeworks.activity.control.RuleJson;
import dev.badgeworks.api.ApiTime;
import dev.badgeworks.api.BulkBody;
import dev.badgeworks.api.Envelope;
import dev.badgeworks.api.ErrorCode;
import dev.badgeworks.api.JsonInput;
import dev.badgeworks.api.Jsons;
import dev.badgeworks.platform.Settings;
import dev.badgeworks.security.boundary.CurrentCaller;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonValue;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;

/**
 * A dry run of a proposed rule over the stored activities: what it would have earned in a period, for every customer
 * of the org with activities of its name or for the customers named. Changes nothing; reads at most
 * {@code badgeworks.simulate.max.activities} activities (5,000,000 by default) and says when it stopped there.
 */
@ApplicationScoped
@Path("api_gateway/v1/badges/activities/simulate")
@Produces(MediaType.APPLICATION_JSON)
public class SimulateResource {

    static final int PAGE = 500;
    static final int TOP = 100;
    private static final long MAX_ACTIVITIES = Settings.intBetween("badgeworks.simulate.max.activities", 1,
            Integer.MAX_VALUE, 5_000_000);

    public record Simulation(String activity, BigDecimal from, String fromISO, BigDecimal to, String toISO,
                             long customers, long customersEarning, long earns, long activitiesRead,
                             boolean truncated, List<CustomerEarns> topCustomers) {
    }

    public record CustomerEarns(JsonValue customerId, int earns, int activities) {
    }

    @Inject
    CurrentCaller caller;

    @Inject
    ActivityService activities;

    /**
     * {@code {earnRule: {…a rule, triggeredBy not needed…}, from, to (default now), customerIds: [… at most 1000]}}.
     */
    @POST
    @BulkBody
    public Envelope<Simulation> simulate(String body) {
        JsonInput in = JsonInput.parse(body);
        JsonInput r = in.object("earnRule", ErrorCode.FIELD_REQUIRED);
        ActivityRule rule = r == null ? null : RuleJson.read(r, "earnRule", "simulate");
        Instant from = in.date("from", "fromISO", ErrorCode.FIELD_REQUIRED);
        Instant to = in.date("to", "toISO", null);
        List<String> named = in.has("customerIds")
                ? in.identifiers("customerIds", ActivityCheck.MAX_CUSTOMER_ID, ErrorCode.CUSTOMER_ID_MISSING) : null;
        if (named != null && named.size() > ActivityResource.MAX_BULK) {
            in.fail(ErrorCode.TOO_MANY_ITEMS, "customerIds", "At most " + ActivityResource.MAX_BULK + " customers.");
        }
        Instant end = to == null ? Instant.now() : to;
        if (from != null && !from.isBefore(end)) {
            in.fail(ErrorCode.INVALID_VALUE, "from", "'from' must lie before 'to' (default: now).");
        }
        in.throwIfInvalid();
        long orgId = caller.orgId();
        List<ActivityService.Simulated> all = new ArrayList<>();
        long read = 0;
        boolean truncated = false;
        if (named != null) {
            all.addAll(activities.simulate(orgId, rule, from, end, null, 0, List.copyOf(new LinkedHashSet<>(named))));
            read = all.stream().mapToLong(ActivityService.Simulated::activities).sum();
        } else {
            String after = "";
            for (List<ActivityService.Simulated> page = activities.simulate(orgId, rule, from, end, after, PAGE, null);
                 !page.isEmpty(); page = activities.simulate(orgId, rule, from, end, after, PAGE, null)) {
                all.addAll(page);
                read += page.stream().mapToLong(ActivityService.Simulated::activities).sum();
                after = page.get(page.size() - 1).customerId();
                if (read >= MAX_ACTIVITIES) {
                    truncated = true;
                    break;
                }
            }
        }
        long earning = all.stream().filter(s -> s.earns() > 0).count();
        long earns = all.stream().mapToLong(ActivityService.Simulated::earns).sum();
        List<CustomerEarns> top = all.stream().filter(s -> s.earns() > 0)
                .sorted(Comparator.comparingInt(ActivityService.Simulated::earns).reversed()
                        .thenComparing(ActivityService.Simulated::customerId))
                .limit(TOP).map(s -> new CustomerEarns(Jsons.customerId(s.customerId()), s.earns(), s.activities()))
                .toList();
        return Envelope.of(new Simulation(rule.activity(), ApiTime.legacy(from), ApiTime.iso(from),
                ApiTime.legacy(end), ApiTime.iso(end), all.size(), earning, earns, read, truncated, top));
    }
}
