package dev.badgeworks.api;

/**
 * The one catalogue of error codes: code, HTTP status and the message a client sees.
 * Codes below 1100 and 999999 are Capillary's (clients branch on them); 11xx are Badgeworks' own,
 * for cases the reference leaves without a code. docs/error-codes.md lists this enum.
 */
public enum ErrorCode {
    INVALID_REQUEST(400, 400, "Invalid request."),
    INVALID_ENUM(400, 400, "Invalid enum value."),
    UNAUTHENTICATED(401, 401, "Authentication required: send valid HTTP Basic credentials."),
    FORBIDDEN(403, 403, "This operation needs an admin API user."),
    BADGE_NOT_FOUND(404, 404, "Passed badge is not found"),
    RESOURCE_NOT_FOUND(404, 404, "No such resource."),
    NO_ISSUE(404, 404, "Customer doesn't have issue instance"),
    METHOD_NOT_ALLOWED(405, 405, "HTTP method not allowed on this resource."),
    NOT_ACCEPTABLE(406, 406, "Not acceptable: this API answers application/json (send Accept: application/json or */*)."),
    REQUEST_TIMEOUT(408, 408, "Request timeout."),
    PAYLOAD_TOO_LARGE(413, 413, "Request body too large."),
    UNSUPPORTED_MEDIA_TYPE(415, 415, "Unsupported media type: send application/json."),
    TOO_MANY_ATTEMPTS(429, 429, "Too many failed logins: wait before trying again."),
    OWNER_TYPE_NOT_ALLOWED(714, 400, "Owner type is not allowed."),
    OWNER_TYPE_MISSING(716, 400, "Owner type information is missing."),
    OWNER_ID_MISSING(717, 400, "OwnerId is mandatory."),
    START_AFTER_END(720, 400, "Start Date should be before End Date"),
    START_IN_PAST(722, 400, "Start Date cannot be past date"),
    START_FROZEN(723, 400, "Start Date cannot change once the badge is live"),
    EXPIRY_IN_PAST(724, 400, "Expiry Date cannot be past date"),
    DUPLICATE_NAME(725, 400, "Badge name cannot be duplicate"),
    OWNER_REQUIRED(728, 400, "Atleast one owner is required"),
    GROUP_RANK_REQUIRED(732, 400, "Group Rank is Mandatory."),
    GROUP_NAME_TAKEN(733, 400, "Group Name should be Unique."),
    CLAIM_NOT_FOUND(737, 404, "Claim not found in existing claims"),
    EVENT_DATE_IN_FUTURE(750, 400, "Earn event date should not be in future."),
    REQUEST_ID_MISSING(804, 400, "RequestId information is missing."),
    DUPLICATE_REQUEST(809, 400, "Request with the same requestId is not allowed."),
    NOT_CLAIMED(810, 409, "Badge needs to be claimed first."),
    ISSUE_REQUIRED(811, 409, "Badge issue is mandatory before earn."),
    CUSTOMER_ID_MISSING(812, 400, "CustomerId information is missing."),
    NO_ACTIVE_EARN(814, 409, "Active earn instance is not present."),
    BADGE_NOT_LIVE(815, 409, "Badge is not live."),
    ISSUE_DATE_OUTSIDE_BADGE(816, 400, "Event date is not in duration of badge meta. Pass the issue event date."),
    CONSTRAINT_TYPE_CHANGE(826, 400,
            "Change from rolling window or fixed constraint to fixed window or vice versa is not allowed."),
    INVALID_CUSTOMER_IDENTIFIER(1028, 400, "Invalid Customer Identifier type"),
    OVERLAPPING_ISSUE(1040, 409, "An active issue for the badge already exists."),
    REVOKE_TARGET_MISSING(1051, 400, "RevokeIssuals or CustomerId is mandatory"),
    IMPORT_BADGE_NOT_FOUND(1054, 404, "GLOBAL.BADGE_NOT_FOUND"),
    FIELD_REQUIRED(1101, 400, "Field is mandatory."),
    WRONG_TYPE(1102, 400, "Field has the wrong type."),
    TOO_LONG(1103, 400, "Field is too long."),
    INVALID_DATE(1104, 400, "Invalid date: send epoch seconds, epoch milliseconds or ISO-8601 with an offset."),
    INVALID_VALUE(1105, 400, "Invalid value."),
    ORG_NAME_TAKEN(1110, 409, "An org with this name already exists."),
    USERNAME_TAKEN(1111, 409, "An API user with this username already exists."),
    ORG_NOT_FOUND(1112, 404, "Org not found."),
    USER_NOT_FOUND(1113, 404, "API user not found."),
    OWN_ACCESS(1114, 409, "You cannot disable, delete or change the role of your own user."),
    LAST_OPERATOR(1115, 409, "The platform needs at least one active operator."),
    TOO_MANY_TAKEN_USERNAMES(1116, 429, "Too many usernames tried that were taken: wait before trying again."),
    BADGE_DEACTIVATED(1120, 409, "Badge is deactivated."),
    OWNER_HAS_ACTIVE_CLAIM(1121, 409, "An owner with an active claim cannot be removed."),
    EARN_DATE_OUTSIDE_BADGE(1122, 409, "Earn event date is outside the badge's start and expiry."),
    EARN_DATE_OUTSIDE_ISSUE(1123, 409, "Earn event date is outside the customer's enrolment."),
    WRONG_EARN_TYPE(1124, 409, "Operation not allowed for this badge's earn type."),
    ISSUE_OF_OTHER_CUSTOMER(1126, 409, "issue doesn't belong to customer"),
    TOO_MANY_ITEMS(1127, 400, "Too many items in one request."),
    IMPORT_NOT_FOUND(1130, 404, "Import not found."),
    IMPORT_FILE_INVALID(1131, 400, "The import file cannot be used."),
    IMPORT_STATE(1132, 409, "The import is not in a state that allows this."),
    CUSTOMER_LIMIT_REACHED(1140, 409, "Customer earn limit reached."),
    BADGE_LIMIT_REACHED(1141, 409, "Badge earn limit reached."),
    WEBHOOK_NOT_FOUND(1150, 404, "Webhook not found."),
    GROUP_NOT_FOUND(1160, 404, "Badge group not found."),
    NO_ACTIVE_GROUP(1161, 400, "badgeGroupId names no active badge group of the org."),
    CUSTOM_FIELD_NOT_FOUND(1162, 404, "Custom field not found."),
    CUSTOM_FIELD_NAME_TAKEN(1163, 409, "An active custom field with this name already exists."),
    DATA_TYPE_FIXED(1164, 400, "A custom field's dataType cannot change."),
    CUSTOM_FIELD_DISABLED(1165, 409, "A disabled custom field cannot be enabled again."),
    DEFAULT_VALUE_REQUIRED(1166, 400, "A mandatory custom field needs a defaultValue."),
    ORG_META_NOT_FOUND(1167, 404, "The org has no org meta yet: create it with POST /orgMeta."),
    CONCURRENT_CHANGE(1125, 409, "A concurrent request changed the same data; read it again and retry."),
    STALE_VERSION(1128, 412, "The badge changed since the version If-Match names; read it again and retry."),
    DATABASE_UNAVAILABLE(1190, 503, "The database cannot be reached for now (a failover or a restart): retry after"
            + " the seconds in Retry-After. A write may or may not have been stored: send it again with the same"
            + " requestId, which never stores it twice."),
    INTERNAL_ERROR(999999, 500, "Internal error."),
    /** After INTERNAL_ERROR: {@link #of(int)} finds that one for a bare 999999. */
    ORG_META_EXISTS(999999, 409, "ORG_CONFIG_ALREADY_EXIST_PLEASE_USE_UPDATE_ORG_CONFIG_API");

    private final int code;
    private final int httpStatus;
    private final String message;

    ErrorCode(int code, int httpStatus, String message) {
        this.code = code;
        this.httpStatus = httpStatus;
        this.message = message;
    }

    public int code() {
        return code;
    }

    public int httpStatus() {
        return httpStatus;
    }

    public String message() {
        return message;
    }

    public ApiError at(String reference) {
        return new ApiError(code, message, reference);
    }

    public ApiError at(String reference, String detail) {
        return new ApiError(code, detail == null ? message : message + " " + detail, reference);
    }

    public ApiException exception() {
        return new ApiException(at(null));
    }

    public ApiException exception(String reference) {
        return new ApiException(at(reference));
    }

    public ApiException exception(String reference, String detail) {
        return new ApiException(at(reference, detail));
    }

    public static ErrorCode of(int code) {
        for (ErrorCode e : values()) {
            if (e.code == code) {
                return e;
            }
        }
        throw new IllegalArgumentException("unknown error code " + code);
    }

    /**
     * The code an error was made from: by number, and by message where the reference gives one number two meanings
     * (999999 is both an internal error, 500, and "org meta exists", 409).
     */
    public static ErrorCode of(int code, String message) {
        for (ErrorCode e : values()) {
            if (e.code == code && message != null && message.startsWith(e.message)) {
                return e;
            }
        }
        return of(code);
    }
}
