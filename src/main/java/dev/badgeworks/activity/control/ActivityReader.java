package dev.badgeworks.activity.control;

import dev.badgeworks.api.ErrorCode;
import dev.badgeworks.api.JsonInput;
import dev.badgeworks.api.Jsons;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Reads an activity body ({@code {requestId, customerId, activity, eventDate|eventDateISO, attributes {…}}}) into an
 * {@link ActivityCommand}. The REST endpoint and activity files (a JSON line, or a CSV row as the same object) all
 * go through here, so a bad field gets the same code anywhere.
 */
public final class ActivityReader {

    private ActivityReader() {
    }

    /** The command, or null when the input has errors (they are in {@code in}); {@code now} dates an undated one. */
    public static ActivityCommand read(JsonInput in, Instant now) {
        String requestId = in.identifier("requestId", ActivityCheck.MAX_REQUEST_ID, ErrorCode.REQUEST_ID_MISSING);
        String customerId = in.identifier("customerId", ActivityCheck.MAX_CUSTOMER_ID, ErrorCode.CUSTOMER_ID_MISSING);
        String name = in.text("activity", ActivityCheck.MAX_ACTIVITY_NAME, ErrorCode.FIELD_REQUIRED);
        Instant event = in.date("eventDate", "eventDateISO", null);
        Map<String, Object> attributes = attributes(in);
        if (!in.valid()) {
            return null;
        }
        Activity activity = new Activity(requestId, customerId, name, event == null ? now : event, attributes);
        in.errors().addAll(ActivityCheck.errors(activity));
        if (!in.valid()) {
            return null;
        }
        return new ActivityCommand(activity, event != null, in.isNumber("requestId"), null);
    }

    private static Map<String, Object> attributes(JsonInput in) {
        Map<String, Object> attributes = new LinkedHashMap<>();
        if (!in.has("attributes")) {
            return attributes;
        }
        JsonInput object = in.object("attributes", null);
        if (object == null) {
            return attributes;
        }
        if (object.raw().size() > ActivityCheck.MAX_ATTRIBUTES) {
            in.fail(ErrorCode.TOO_MANY_ITEMS, "attributes", "At most " + ActivityCheck.MAX_ATTRIBUTES + " attributes.");
            return attributes;
        }
        for (Map.Entry<String, JsonValue> a : object.raw().entrySet()) {
            Object value = scalar(a.getValue());
            if (value == null) {
                if (a.getValue().getValueType() != JsonValue.ValueType.NULL) {
                    object.fail(ErrorCode.WRONG_TYPE, a.getKey(), "An attribute is a string, a number or a boolean.");
                }
            } else {
                attributes.put(a.getKey(), value);
            }
        }
        return attributes;
    }

    /** A JSON scalar as an attribute value (String, BigDecimal or Boolean); null for anything else. */
    public static Object scalar(JsonValue v) {
        return switch (v.getValueType()) {
            case STRING -> ((JsonString) v).getString();
            case NUMBER -> ((JsonNumber) v).bigDecimalValue();
            case TRUE -> Boolean.TRUE;
            case FALSE -> Boolean.FALSE;
            default -> null;
        };
    }

    /** Attributes as stored: a JSON object that {@link #attributesOf} reads back with the same types. */
    public static String attributesJson(Map<String, Object> attributes) {
        JsonObjectBuilder b = Jsons.JSON.createObjectBuilder();
        attributes.forEach((k, v) -> {
            if (v instanceof BigDecimal n) {
                b.add(k, n);
            } else if (v instanceof Boolean bool) {
                b.add(k, bool);
            } else {
                b.add(k, v.toString());
            }
        });
        return b.build().toString();
    }

    public static Map<String, Object> attributesOf(String json) {
        JsonObject object = JsonInput.parseObject(json);
        Map<String, Object> attributes = new LinkedHashMap<>();
        object.forEach((k, v) -> attributes.put(k, scalar(v)));
        return attributes;
    }
}
