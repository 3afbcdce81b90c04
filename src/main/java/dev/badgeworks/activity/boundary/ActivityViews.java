package dev.badgeworks.activity.boundary;

import dev.badgeworks.activity.control.Activity;
import dev.badgeworks.activity.control.ActivityCommand;
import dev.badgeworks.activity.control.ActivityRule;
import dev.badgeworks.activity.control.Progress;
import dev.badgeworks.activity.control.RuleWindow;
import dev.badgeworks.api.ApiError;
import dev.badgeworks.api.ApiTime;
import dev.badgeworks.api.JsonInput;
import dev.badgeworks.api.JsonbConfiguration;
import dev.badgeworks.api.Jsons;
import dev.badgeworks.earn.control.SettledEarn;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * The answers of the activity endpoints, as records (the OpenAPI document is checked against them). An activity's
 * answer is kept as JSON with the activity, so a repeat answers exactly what the first request was told.
 */
public final class ActivityViews {

    private ActivityViews() {
    }

    /** What an activity was answered: each rule it met, where the customer stands now, the earns it caused. */
    public record ActivityAnswer(JsonValue requestId, JsonValue customerId, String activity, BigDecimal eventDate,
                                 String eventDateISO, List<RuleAnswer> rules) {

        /** Identity, not the record's deep hash: see {@link dev.badgeworks.api.Envelope#hashCode()}. */
        @Override
        public boolean equals(Object o) {
            return this == o;
        }

        @Override
        public int hashCode() {
            return System.identityHashCode(this);
        }


        static ActivityAnswer of(ActivityCommand c, List<RuleAnswer> rules) {
            Activity a = c.activity();
            return new ActivityAnswer(Jsons.echo(a.requestId(), c.requestIdAsNumber()),
                    Jsons.customerId(a.customerId()), a.activity(), ApiTime.legacy(a.eventDate()),
                    ApiTime.iso(a.eventDate()), rules);
        }

        /** As JSON, the form it is kept in and answered in. */
        JsonObject json() {
            return JsonInput.parseObject(JsonbConfiguration.jsonb().toJson(this));
        }
    }

    public record RuleAnswer(String badgeMetaId, String badgeName, ProgressView progress, List<RuleEarn> earns) {

        /** Identity, not the record's deep hash: see {@link dev.badgeworks.api.Envelope#hashCode()}. */
        @Override
        public boolean equals(Object o) {
            return this == o;
        }

        @Override
        public int hashCode() {
            return System.identityHashCode(this);
        }


        static RuleAnswer of(RuleBadge rule, Progress progress, List<SettledEarn> earns) {
            return new RuleAnswer(rule.badgeId(), rule.badgeName(), ProgressView.of(rule.rule(), progress),
                    earns.stream().map(RuleEarn::of).toList());
        }
    }

    /**
     * A rule's progress: the measure in the current cycle (FIXED) or the window before now (ROLLING) or ever
     * (LIFETIME, no cycle) toward the target of the next completion, the cycles met in a row toward a streak.
     */
    public record ProgressView(String measure, BigDecimal value, BigDecimal target, String window,
                               BigDecimal cycleStart, String cycleStartISO, BigDecimal cycleEnd, String cycleEndISO,
                               int streak, int streakTarget, boolean repeat, boolean finished,
                               String lastActivityRequestId, BigDecimal lastActivityDate,
                               String lastActivityDateISO) {

        /** Identity, not the record's deep hash: see {@link dev.badgeworks.api.Envelope#hashCode()}. */
        @Override
        public boolean equals(Object o) {
            return this == o;
        }

        @Override
        public int hashCode() {
            return System.identityHashCode(this);
        }


        static ProgressView of(ActivityRule rule, Progress p) {
            Instant start = p.cycle() == null ? null : p.cycle().start();
            Instant end = p.cycle() == null ? null : p.cycle().end();
            Instant last = p.lastActivity() == null ? null : p.lastActivity().eventDate();
            return new ProgressView(rule.measure().kind().name(), p.value(), p.target(), window(rule.window()),
                    legacy(start), iso(start), legacy(end), iso(end), p.streak(), rule.streak(), rule.repeat(),
                    p.finished(), p.lastActivity() == null ? null : p.lastActivity().requestId(), legacy(last),
                    iso(last));
        }

        private static String window(RuleWindow w) {
            return w instanceof RuleWindow.Fixed ? "FIXED" : w instanceof RuleWindow.Rolling ? "ROLLING" : "LIFETIME";
        }
    }

    /**
     * An earn a completion asked for, as this arrival left it: EARNED, MOVED (made before at another date),
     * REFUSED with the earn service's error (the progress is kept; claiming or activating the badge settles it
     * again).
     */
    public record RuleEarn(String status, String requestId, String earnedBadgeId, BigDecimal earnEventDate,
                           String earnEventDateISO, BigDecimal expiresOn, String expiresOnISO, Integer errorCode,
                           String errorMessage) {

        static RuleEarn of(SettledEarn e) {
            Instant event = e.earn() == null ? e.command().eventDate() : Instant.ofEpochMilli(e.earn().earnEventMs());
            Instant expires = e.earn() == null ? null : Instant.ofEpochMilli(e.earn().expiresOnMs());
            ApiError error = e.error();
            return new RuleEarn(e.status().name(), e.command().requestId(), e.earn() == null ? null : e.earn().id(),
                    legacy(event), iso(event), legacy(expires), iso(expires), error == null ? null : error.code(),
                    error == null ? null : error.message());
        }
    }

    /** {@code GET /customer/{customerId}/progress}: every rule badge of the org, in badge id order. */
    public record CustomerProgress(JsonValue customerId, List<RuleProgress> rules) {

        /** Identity, not the record's deep hash: see {@link dev.badgeworks.api.Envelope#hashCode()}. */
        @Override
        public boolean equals(Object o) {
            return this == o;
        }

        @Override
        public int hashCode() {
            return System.identityHashCode(this);
        }
    }

    /** Where the customer stands on one rule, and how many times its target was reached so far. */
    public record RuleProgress(String badgeMetaId, String badgeName, String activity, int completions,
                               ProgressView progress) {

        /** Identity, not the record's deep hash: see {@link dev.badgeworks.api.Envelope#hashCode()}. */
        @Override
        public boolean equals(Object o) {
            return this == o;
        }

        @Override
        public int hashCode() {
            return System.identityHashCode(this);
        }
    }

    /** {@code POST /activities/bulk}: one result per activity, in order, and the counts. */
    public record BulkResult(int totalCount, int recordedCount, int duplicateCount, int failedCount,
                             List<BulkItem> results) {

        /** Identity, not the record's deep hash: see {@link dev.badgeworks.api.Envelope#hashCode()}. */
        @Override
        public boolean equals(Object o) {
            return this == o;
        }

        @Override
        public int hashCode() {
            return System.identityHashCode(this);
        }
    }

    /** One activity of a bulk request: 200 or its error's status, its answer (also for a repeat), its errors. */
    public record BulkItem(int status, JsonValue data, List<ApiError> errors) {
    }

    private static BigDecimal legacy(Instant t) {
        return t == null ? null : ApiTime.legacy(t);
    }

    private static String iso(Instant t) {
        return t == null ? null : ApiTime.iso(t);
    }
}
