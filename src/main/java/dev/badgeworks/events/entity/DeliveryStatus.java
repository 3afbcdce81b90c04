package dev.badgeworks.events.entity;

/**
 * A delivery of one event to one endpoint: PENDING until the endpoint answered 2xx (DELIVERED) or its retry period
 * ran out (DEAD). A dead delivery is PENDING again when an admin redelivers it.
 */
public enum DeliveryStatus {
    PENDING, DELIVERED, DEAD
}
