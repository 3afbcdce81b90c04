package dev.badgeworks.activity.control;

import dev.badgeworks.api.ApiError;
import dev.badgeworks.api.ErrorCode;
import dev.badgeworks.api.Numbers;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The bounds of one activity, so a customer's stored activities stay small enough to replay on every arrival:
 * at most {@value #MAX_ATTRIBUTES} attributes, names of at most {@value #MAX_ATTRIBUTE_NAME} characters, text
 * values of at most {@value #MAX_TEXT} and numbers of at most 40 digits either side of the point.
 */
public final class ActivityCheck {

    /** As an earn's requestId and customerId (EarnRequestReader). */
    public static final int MAX_REQUEST_ID = 200;
    public static final int MAX_CUSTOMER_ID = 100;
    public static final int MAX_ACTIVITY_NAME = 100;
    public static final int MAX_ATTRIBUTES = 50;
    public static final int MAX_ATTRIBUTE_NAME = 64;
    public static final int MAX_TEXT = 256;

    private ActivityCheck() {
    }

    /** What is wrong with the activity, each error naming its field; empty when it may be stored. */
    public static List<ApiError> errors(Activity a) {
        List<ApiError> errors = new ArrayList<>();
        text(a.requestId(), "requestId", MAX_REQUEST_ID, ErrorCode.REQUEST_ID_MISSING, errors);
        text(a.customerId(), "customerId", MAX_CUSTOMER_ID, ErrorCode.CUSTOMER_ID_MISSING, errors);
        text(a.activity(), "activity", MAX_ACTIVITY_NAME, ErrorCode.FIELD_REQUIRED, errors);
        if (a.attributes().size() > MAX_ATTRIBUTES) {
            errors.add(ErrorCode.TOO_MANY_ITEMS.at("attributes", "At most " + MAX_ATTRIBUTES + " attributes."));
            return errors;
        }
        for (Map.Entry<String, Object> attribute : a.attributes().entrySet()) {
            String path = "attributes." + attribute.getKey();
            if (attribute.getKey().isBlank()) {
                errors.add(ErrorCode.INVALID_VALUE.at("attributes", "An attribute name must not be blank."));
            } else if (attribute.getKey().length() > MAX_ATTRIBUTE_NAME) {
                errors.add(ErrorCode.TOO_LONG.at("attributes", "Attribute names have at most " + MAX_ATTRIBUTE_NAME
                        + " characters."));
            } else if (attribute.getValue() instanceof String text && text.length() > MAX_TEXT) {
                errors.add(ErrorCode.TOO_LONG.at(path, "At most " + MAX_TEXT + " characters."));
            } else if (attribute.getValue() instanceof BigDecimal n && !Numbers.reasonable(n)) {
                errors.add(ErrorCode.INVALID_VALUE.at(path, "At most 40 digits before and after the point."));
            } else if (!(attribute.getValue() instanceof String || attribute.getValue() instanceof BigDecimal
                    || attribute.getValue() instanceof Boolean)) {
                errors.add(ErrorCode.WRONG_TYPE.at(path, "An attribute is a string, a number or a boolean."));
            }
        }
        return errors;
    }

    private static void text(String value, String field, int max, ErrorCode missing, List<ApiError> errors) {
        if (value.isBlank()) {
            errors.add(missing.at(field));
        } else if (value.length() > max) {
            errors.add(ErrorCode.TOO_LONG.at(field, "At most " + max + " characters."));
        }
    }
}
