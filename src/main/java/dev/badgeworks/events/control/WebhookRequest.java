package dev.badgeworks.events.control;

import dev.badgeworks.api.ErrorCode;
import dev.badgeworks.api.JsonInput;
import dev.badgeworks.events.entity.EventType;
import dev.badgeworks.events.entity.Webhook;
import jakarta.json.JsonArray;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/** A webhook endpoint as a create or update body gives it, read and checked field by field. */
public record WebhookRequest(String url, Set<EventType> types, int batchSize, boolean active) {

    public static final int MAX_BATCH = 1000;
    public static final int MIN_SECRET = 16;

    /**
     * The endpoint's fields; on update ({@code current} given) an absent field keeps its value. Problems are recorded
     * on {@code in}; {@code allowPrivate} lets addresses inside private networks pass (tests, closed networks).
     */
    public static WebhookRequest read(JsonInput in, Webhook current, boolean allowPrivate) {
        String url = in.text("url", 2000, current == null ? ErrorCode.FIELD_REQUIRED : null);
        if (url == null && current != null) {
            url = current.url();
        } else if (url != null) {
            WebhookAddress.refusal(url, allowPrivate).ifPresent(why ->
                    in.fail(ErrorCode.INVALID_VALUE, "url", "'url' " + why + "."));
        }
        Set<EventType> types = current == null ? byDefault() : current.types();
        if (in.has("eventTypes")) {
            JsonArray array = in.array("eventTypes", null);
            if (array != null) {
                types = eventTypes(in, array);
            }
        }
        Integer batchSize = in.integer("batchSize", 1, MAX_BATCH, null);
        Boolean active = in.bool("active", null);
        return new WebhookRequest(url, types,
                batchSize != null ? batchSize : current == null ? 1 : current.batchSize(),
                active != null ? active : current == null || current.active());
    }

    /** The signing secret a create body gives, if any: at least {@value #MIN_SECRET} characters. */
    public static String secret(JsonInput in) {
        String secret = in.text("secret", 200, null);
        if (secret != null && secret.length() < MIN_SECRET) {
            in.fail(ErrorCode.INVALID_VALUE, "secret", "'secret' needs at least " + MIN_SECRET + " characters.");
        }
        return secret;
    }

    /** The event ids a redelivery names (UUIDs); none given means every dead delivery. */
    public static List<String> eventIds(JsonInput in) {
        List<String> given = in.identifiers("eventIds", 36, null);
        if (given != null && !given.stream().allMatch(WebhookRequest::isUuid)) {
            in.fail(ErrorCode.INVALID_VALUE, "eventIds", "'eventIds' holds event ids (UUIDs).");
        }
        return given == null ? List.of() : given;
    }

    /** Every event type but those an endpoint must ask for by name. */
    private static Set<EventType> byDefault() {
        Set<EventType> types = EnumSet.allOf(EventType.class);
        types.removeIf(EventType::optIn);
        return types;
    }

    private static Set<EventType> eventTypes(JsonInput in, JsonArray array) {
        Set<EventType> types = EnumSet.noneOf(EventType.class);
        List<String> unknown = new ArrayList<>();
        for (JsonValue v : array) {
            Optional<EventType> type = v instanceof JsonString s ? EventType.of(s.getString()) : Optional.empty();
            type.ifPresentOrElse(types::add, () -> unknown.add(v.toString()));
        }
        if (!unknown.isEmpty() || types.isEmpty()) {
            in.fail(ErrorCode.INVALID_VALUE, "eventTypes", "'eventTypes' must list one or more of "
                    + String.join(", ", Arrays.stream(EventType.values()).map(EventType::wireName).toList())
                    + (unknown.isEmpty() ? "." : "; unknown: " + String.join(", ", unknown) + "."));
        }
        return types;
    }

    private static boolean isUuid(String text) {
        try {
            return UUID.fromString(text).toString().equalsIgnoreCase(text);
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
