package dev.badgeworks.earn.control;

import dev.badgeworks.api.ApiError;
import dev.badgeworks.api.ApiTime;
import dev.badgeworks.api.ErrorCode;
import dev.badgeworks.api.Jsons;
import dev.badgeworks.earn.entity.Earn;
import dev.badgeworks.platform.Hashes;
import jakarta.json.JsonValue;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * One badge earned by many customers in one request ({@code POST /customer/earnBulk}). Each customer's earn is an
 * ordinary {@link EarnCommand} with its own requestId, {@code <requestId>#<customerId>}, so it meets the same rules,
 * limits and idempotency as a single earn; the request's own requestId makes the whole request idempotent.
 *
 * @param sentAsNumber whether the client sent {@code requestId} as a JSON number (it is echoed the same way)
 */
public record BulkEarn(String badgeMetaId, List<String> customerIds, String requestId, boolean sentAsNumber,
                       Instant eventDate, Trigger triggeredBy) {

    public static final String OPERATION = "EARN_BULK";
    public static final int MAX_CUSTOMERS = 1000;
    /** With the separator and a customer id of at most 100 characters the derived requestId fits the earn's 200. */
    public static final int MAX_REQUEST_ID = EarnRequestReader.MAX_REQUEST_ID - EarnRequestReader.MAX_CUSTOMER_ID - 1;

    /**
     * Errors that do not depend on the customer (badge, claim, dates): when every customer fails with one of them the
     * request as a whole fails with it, as the reference answers 810 for an unclaimed badge.
     */
    private static final Set<Integer> WHOLE_REQUEST = Set.of(ErrorCode.BADGE_NOT_FOUND.code(),
            ErrorCode.NOT_CLAIMED.code(), ErrorCode.BADGE_NOT_LIVE.code(), ErrorCode.BADGE_DEACTIVATED.code(),
            ErrorCode.EARN_DATE_OUTSIDE_BADGE.code(), ErrorCode.EVENT_DATE_IN_FUTURE.code(),
            ErrorCode.BADGE_LIMIT_REACHED.code());

    public record EarnedBadge(JsonValue customerId, String earnedBadgeId, String issuedId, BigDecimal expiresOn,
                              String expiresOnISO) {
    }

    public record FailedEarn(int errorCode, JsonValue customerId, String errorMessage) {
    }

    /** The reference's (S-2026) earnBulk answer: per-customer outcomes inside data, counts beside them. */
    public record Result(String badgeMetaId, BigDecimal expiresOn, String expiresOnISO, Trigger triggeredBy,
                         List<EarnedBadge> earnedBadgesList, int totalCount, int earnedCount, int failedCount,
                         List<FailedEarn> failedEarnBadgeErrorList, JsonValue requestId) {

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

    /** One earn per customer, in the order the customers were given (each customer once). */
    public List<EarnCommand> commands() {
        return customerIds.stream().map(customer -> EarnCommand.live(badgeMetaId, customer, requestId + '#' + customer,
                eventDate, triggeredBy.ownerType(), triggeredBy.referenceId())).toList();
    }

    /** What identifies the request's content: a repeat with the same fingerprint is a retry. */
    public String fingerprint() {
        return Hashes.sha256Hex(String.join("\u001f", badgeMetaId, String.join("\u001e", customerIds),
                eventDate == null ? "" : Long.toString(eventDate.toEpochMilli()), triggeredBy.ownerType().name(),
                triggeredBy.referenceId()));
    }

    /**
     * The answer for these outcomes (one per customer, in order). A customer's earn repeated from an earlier request
     * with the same derived requestId and content is listed as earned, with that earn.
     */
    public Result result(List<EarnOutcome> outcomes) {
        List<EarnedBadge> earned = new ArrayList<>();
        List<FailedEarn> failed = new ArrayList<>();
        Long expiresOnMs = null;
        for (int i = 0; i < outcomes.size(); i++) {
            EarnOutcome outcome = outcomes.get(i);
            JsonValue customer = Jsons.customerId(customerIds.get(i));
            if (outcome.earn() != null) {
                Earn e = outcome.earn();
                expiresOnMs = expiresOnMs == null ? e.expiresOnMs() : Math.max(expiresOnMs, e.expiresOnMs());
                earned.add(new EarnedBadge(customer, e.id(), e.enrolmentId(), ApiTime.legacy(e.expiresOnMs()),
                        ApiTime.iso(e.expiresOnMs())));
            } else {
                failed.add(new FailedEarn(outcome.error().code(), customer, outcome.error().message()));
            }
        }
        return new Result(badgeMetaId, ApiTime.legacy(expiresOnMs), ApiTime.iso(expiresOnMs), triggeredBy, earned,
                outcomes.size(), earned.size(), failed.size(), failed, Jsons.echo(requestId, sentAsNumber));
    }

    /** The error of the whole request when every customer failed for a reason that is not theirs; else null. */
    public static ApiError wholeRequestError(List<EarnOutcome> outcomes) {
        ApiError first = outcomes.isEmpty() ? null : outcomes.get(0).error();
        if (first == null || outcomes.stream().anyMatch(o -> o.kind() != EarnOutcome.Kind.REJECTED
                || o.error().code() != first.code())) {
            return null;
        }
        return WHOLE_REQUEST.contains(first.code()) ? first : null;
    }
}
