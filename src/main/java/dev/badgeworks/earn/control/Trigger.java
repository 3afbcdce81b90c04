package dev.badgeworks.earn.control;

import dev.badgeworks.badge.entity.OwnerType;

/** Which module instance asks: must match an active claim on the badge. */
public record Trigger(OwnerType ownerType, String referenceId) {
}
