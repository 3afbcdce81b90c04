package dev.badgeworks.api;

import jakarta.json.JsonValue;
import jakarta.json.spi.JsonProvider;
import java.util.regex.Pattern;

/**
 * The one JSON-P provider. The static {@code Jsons.JSON.createXxx} methods look the provider up through the service
 * loader on every call (a class-path scan); on the earn and import hot paths that cost more than the work itself.
 */
public final class Jsons {

    public static final JsonProvider JSON = JsonProvider.provider();

    /** Digits without a leading zero that fit a Java long (Capillary types customer ids as int64). */
    private static final Pattern WHOLE_NUMBER = Pattern.compile("0|[1-9][0-9]{0,17}");

    private Jsons() {
    }

    /**
     * A customer id as Capillary's answers type it: a JSON number when the id is a whole number ({@code 90001}),
     * otherwise the string it was given ({@code "alice"}, {@code "007"} — a leading zero would be lost as a number).
     */
    public static JsonValue customerId(String id) {
        if (id == null) {
            return JsonValue.NULL;
        }
        return WHOLE_NUMBER.matcher(id).matches() ? JSON.createValue(Long.parseLong(id)) : JSON.createValue(id);
    }

    /** An id echoed in the JSON type the client sent it in: a number stays a number, anything else is a string. */
    public static JsonValue echo(String id, boolean sentAsNumber) {
        if (id == null) {
            return JsonValue.NULL;
        }
        return sentAsNumber && WHOLE_NUMBER.matcher(id).matches() ? JSON.createValue(Long.parseLong(id))
                : JSON.createValue(id);
    }
}
