package dev.badgeworks.badge.control;

import dev.badgeworks.api.ErrorCode;
import dev.badgeworks.api.JsonInput;

/**
 * A group create or update body: {@code name} and {@code rank} are mandatory (rank with the reference's 732),
 * {@code isActive} (or {@code active}) optional; null when absent, so a create is active and an update keeps it.
 */
public record GroupRequest(String name, int rank, Boolean active) {

    /** The request, or null when the input has errors (they are in {@code in}). */
    public static GroupRequest read(JsonInput in) {
        String name = in.text("name", 255, ErrorCode.FIELD_REQUIRED);
        Integer rank = in.integer("rank", 0, Integer.MAX_VALUE, ErrorCode.GROUP_RANK_REQUIRED);
        Boolean active = in.has("isActive") || !in.has("active") ? in.bool("isActive", null) : in.bool("active", null);
        return in.valid() ? new GroupRequest(name, rank, active) : null;
    }
}
