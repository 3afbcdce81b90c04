package dev.badgeworks.activity.control;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/**
 * Something a customer did, as stored: {@code attributes} hold String, BigDecimal or Boolean values (a file's
 * columns arrive as text; rules read them by the type they ask for, see {@link AttributeType#read}).
 */
public record Activity(String requestId, String customerId, String activity, Instant eventDate,
                       Map<String, Object> attributes) {

    public Activity {
        Objects.requireNonNull(requestId, "requestId");
        Objects.requireNonNull(customerId, "customerId");
        Objects.requireNonNull(activity, "activity");
        Objects.requireNonNull(eventDate, "eventDate");
        attributes = Map.copyOf(attributes);
    }
}
