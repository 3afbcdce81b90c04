package dev.badgeworks.badge.control;

import static dev.badgeworks.api.QueryParams.bool;
import static dev.badgeworks.api.QueryParams.date;
import static dev.badgeworks.api.QueryParams.integer;
import static dev.badgeworks.api.QueryParams.parse;

import dev.badgeworks.api.ApiError;
import dev.badgeworks.api.ErrorCode;
import dev.badgeworks.api.QueryParams;
import dev.badgeworks.badge.entity.BadgeStatus;
import dev.badgeworks.badge.entity.EarnType;
import dev.badgeworks.badge.entity.OwnerType;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Function;

/** The filters, sort and page of GET /badgeMeta, read from query parameters with field-referenced errors. */
public record BadgeQuery(Set<BadgeStatus> statuses, EarnType earnType, Boolean active, OwnerType owner,
                         OwnerType claimedBy, boolean unclaimed, String name, SortOn sortOn, boolean descending,
                         Instant startOnFrom, Instant expiresOnUntil, int page, int size) {

    public enum SortOn { ID, NAME, START_DATE }

    public enum Action { ACTIVATED, DE_ACTIVATED, DEACTIVATED }

    public static final int DEFAULT_SIZE = 10;
    public static final int MAX_SIZE = 200;

    /** Reads parameters through {@code param} (null when absent); throws with every problem found. */
    public static BadgeQuery read(Function<String, String> param) {
        List<ApiError> errors = new ArrayList<>();
        Set<BadgeStatus> statuses = EnumSet.noneOf(BadgeStatus.class);
        String statusText = param.apply("status");
        if (statusText != null && !statusText.isBlank()) {
            for (String s : statusText.split(",")) {
                String value = s.trim().toUpperCase(Locale.ROOT);
                // older docs call EXPIRED "ENDED"
                parse(BadgeStatus.class, "ENDED".equals(value) ? "EXPIRED" : value, "status", errors).ifPresent(statuses::add);
            }
        }
        String typeText = param.apply("earnType") != null ? param.apply("earnType") : param.apply("badgeType");
        EarnType earnType = typeText == null ? null
                : parse(EarnType.class, typeText.trim().toUpperCase(Locale.ROOT),
                        param.apply("earnType") != null ? "earnType" : "badgeType", errors).orElse(null);
        String actionText = param.apply("action");
        Boolean active = actionText == null ? null
                : parse(Action.class, actionText.trim().toUpperCase(Locale.ROOT), "action", errors)
                        .map(a -> a == Action.ACTIVATED).orElse(null);
        OwnerType owner = ownerParam(param.apply("owner"), "owner", errors);
        OwnerType claimedBy = ownerParam(param.apply("claimedBy"), "claimedBy", errors);
        boolean unclaimed = bool(param.apply("unclaimed"), "unclaimed", errors);
        String name = param.apply("name");
        String sortText = param.apply("sortOn");
        SortOn sortOn = sortText == null ? SortOn.ID
                : parse(SortOn.class, sortText.trim().toUpperCase(Locale.ROOT), "sortOn", errors).orElse(SortOn.ID);
        String orderText = param.apply("order");
        boolean descending = orderText != null && "DESC".equalsIgnoreCase(orderText.trim());
        if (orderText != null && !descending && !"ASC".equalsIgnoreCase(orderText.trim())) {
            errors.add(ErrorCode.INVALID_ENUM.at("order", "Use ASC or DESC."));
        }
        // both bounds include their date: a plain date includes its whole day
        QueryParams.DateSpan startOn = date(param.apply("startOn"), "startOn", errors);
        QueryParams.DateSpan expiresOn = date(param.apply("expiresOn"), "expiresOn", errors);
        int page = integer(param.apply("page"), "page", 0, 0, Integer.MAX_VALUE, errors);
        String sizeParam = param.apply("size") != null ? "size" : "limit";
        int size = integer(param.apply(sizeParam), sizeParam, DEFAULT_SIZE, 1, MAX_SIZE, errors);
        if (!errors.isEmpty()) {
            throw new dev.badgeworks.api.ApiException(errors);
        }
        return new BadgeQuery(statuses, earnType, active, owner, claimedBy, unclaimed,
                name == null || name.isBlank() ? null : name.trim(), sortOn, descending,
                startOn == null ? null : startOn.first(), expiresOn == null ? null : expiresOn.last(),
                page, size);
    }

    private static OwnerType ownerParam(String text, String field, List<ApiError> errors) {
        return text == null ? null : parse(OwnerType.class, text.trim(), field, errors).orElse(null);
    }
}
