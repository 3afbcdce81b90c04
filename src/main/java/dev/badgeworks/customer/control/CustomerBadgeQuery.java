package dev.badgeworks.customer.control;

import static dev.badgeworks.api.QueryParams.bool;
import static dev.badgeworks.api.QueryParams.date;
import static dev.badgeworks.api.QueryParams.integer;
import static dev.badgeworks.api.QueryParams.parse;

import dev.badgeworks.api.ApiError;
import dev.badgeworks.api.ApiException;
import dev.badgeworks.api.ErrorCode;
import dev.badgeworks.api.QueryParams;
import dev.badgeworks.badge.entity.BadgeStatus;
import dev.badgeworks.badge.entity.OwnerType;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;

/**
 * The filters, sort and page of a customer endpoint, read from query parameters with field-referenced errors (every
 * problem in one answer). The member view ({@code GET /customer/{id}}) and the support view
 * ({@code GET /management/{id}}) take the same parameters and differ in their defaults.
 *
 * @param active   the badge's activation ({@code action}), null for both
 * @param statuses the badge's time status ({@code badgeStatus}), empty for all
 */
public record CustomerBadgeQuery(CustomerBadgeType type, boolean includeExpired, CustomerBadgeSort sort,
                                 boolean descending, String name, Boolean active, Set<BadgeStatus> statuses,
                                 OwnerType owner, OwnerType claimedBy, Instant startOn, Operator startOnOperator,
                                 Instant expiresOn, Operator expiresOnOperator, String groupId, int page, int size) {

    public enum Operator { LESS_THAN, GREATER_THAN }

    private enum Action { ACTIVATED, DE_ACTIVATED, DEACTIVATED }

    public static final int DEFAULT_SIZE = 10;
    public static final int MAX_SIZE = 200;

    /** The member view: AVAILABLE badges by RANK unless asked otherwise. */
    public static CustomerBadgeQuery forMember(Function<String, String> param) {
        return read(param, CustomerBadgeType.AVAILABLE, CustomerBadgeSort.RANK);
    }

    /** The support view: AVAILABLE_TO_ISSUE badges by latest expiry unless asked otherwise. */
    public static CustomerBadgeQuery forManagement(Function<String, String> param) {
        return read(param, CustomerBadgeType.AVAILABLE_TO_ISSUE, CustomerBadgeSort.EXPIRES_ON);
    }

    private static CustomerBadgeQuery read(Function<String, String> param, CustomerBadgeType defaultType,
                                           CustomerBadgeSort defaultSort) {
        List<ApiError> errors = new ArrayList<>();
        CustomerBadgeType type = upper(param, "badgeType", CustomerBadgeType.class, errors);
        boolean includeExpired = bool(param.apply("includeExpired"), "includeExpired", errors);
        CustomerBadgeSort sort = upper(param, "sortOn", CustomerBadgeSort.class, errors);
        String orderText = param.apply("order");
        boolean descending = orderText == null || "DESC".equalsIgnoreCase(orderText.trim());
        if (orderText != null && !descending && !"ASC".equalsIgnoreCase(orderText.trim())) {
            errors.add(ErrorCode.INVALID_ENUM.at("order", "Use ASC or DESC."));
        }
        Action action = upper(param, "action", Action.class, errors);
        Set<BadgeStatus> statuses = EnumSet.noneOf(BadgeStatus.class);
        // the reference's OpenAPI spells the parameter badgeStatu
        String statusField = param.apply("badgeStatus") != null ? "badgeStatus" : "badgeStatu";
        String statusText = param.apply(statusField);
        if (statusText != null && !statusText.isBlank()) {
            for (String s : statusText.split(",")) {
                String value = s.trim().toUpperCase(Locale.ROOT);
                parse(BadgeStatus.class, "ENDED".equals(value) ? "EXPIRED" : value, statusField, errors)
                        .ifPresent(statuses::add);
            }
        }
        OwnerType owner = owner(param.apply("owner"), "owner", errors);
        OwnerType claimedBy = owner(param.apply("claimedBy"), "claimedBy", errors);
        QueryParams.DateSpan startOnSpan = date(param.apply("startOn"), "startOn", errors);
        Operator startOnOperator = Objects.requireNonNullElse(
                upper(param, "startOnOperator", Operator.class, errors), Operator.GREATER_THAN);
        QueryParams.DateSpan expiresOnSpan = date(param.apply("expiresOn"), "expiresOn", errors);
        // the reference's OpenAPI spells it endOnOperator
        String expiresOperatorField = param.apply("expiresOnOperator") != null ? "expiresOnOperator" : "endOnOperator";
        Operator expiresOnOperator = Objects.requireNonNullElse(
                upper(param, expiresOperatorField, Operator.class, errors), Operator.LESS_THAN);
        Instant startOn = bound(startOnSpan, startOnOperator);
        Instant expiresOn = bound(expiresOnSpan, expiresOnOperator);
        String name = param.apply("name");
        String groupId = param.apply("groupId");
        int page = integer(param.apply("page"), "page", 0, 0, Integer.MAX_VALUE, errors);
        String sizeField = param.apply("size") != null ? "size" : "limit";
        int size = integer(param.apply(sizeField), sizeField, DEFAULT_SIZE, 1, MAX_SIZE, errors);
        if (!errors.isEmpty()) {
            throw new ApiException(errors);
        }
        return new CustomerBadgeQuery(type == null ? defaultType : type, includeExpired,
                sort == null ? defaultSort : sort, descending, blankToNull(name),
                action == null ? null : action == Action.ACTIVATED, statuses, owner, claimedBy,
                startOn, startOnOperator, expiresOn, expiresOnOperator, blankToNull(groupId),
                page, size);
    }

    /** Where the page starts; a long, as page × size may pass Integer.MAX_VALUE. */
    public long offset() {
        return (long) page * size;
    }

    private static <E extends Enum<E>> E upper(Function<String, String> param, String field, Class<E> type,
                                               List<ApiError> errors) {
        String text = param.apply(field);
        if (text == null || text.isBlank()) {
            return null;
        }
        return parse(type, text.trim().toUpperCase(Locale.ROOT), field, errors).orElse(null);
    }

    /** The operators are strict, so a plain date is excluded whole: after its last moment, before its first. */
    private static Instant bound(QueryParams.DateSpan span, Operator operator) {
        return span == null ? null : operator == Operator.GREATER_THAN ? span.last() : span.first();
    }

    private static OwnerType owner(String text, String field, List<ApiError> errors) {
        return text == null || text.isBlank() ? null : parse(OwnerType.class, text.trim(), field, errors).orElse(null);
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.trim();
    }
}
