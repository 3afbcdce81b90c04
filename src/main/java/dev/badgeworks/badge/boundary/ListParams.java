package dev.badgeworks.badge.boundary;

import dev.badgeworks.api.ApiError;
import dev.badgeworks.api.ApiException;
import dev.badgeworks.api.ErrorCode;
import dev.badgeworks.api.QueryParams;
import jakarta.ws.rs.core.MultivaluedMap;
import java.util.ArrayList;
import java.util.List;

/** {@code page}, {@code size} and {@code order} of the definition lists (groups, custom fields), as the badge list. */
record ListParams(boolean descending, int page, int size) {

    static final int DEFAULT_SIZE = 10;
    static final int MAX_SIZE = 200;

    static ListParams read(MultivaluedMap<String, String> query, boolean descendingByDefault) {
        List<ApiError> errors = new ArrayList<>();
        String order = query.getFirst("order");
        boolean descending = order == null || order.isBlank() ? descendingByDefault
                : "DESC".equalsIgnoreCase(order.trim());
        if (order != null && !order.isBlank() && !descending && !"ASC".equalsIgnoreCase(order.trim())) {
            errors.add(ErrorCode.INVALID_ENUM.at("order", "Use ASC or DESC."));
        }
        int page = QueryParams.integer(query.getFirst("page"), "page", 0, 0, Integer.MAX_VALUE, errors);
        int size = QueryParams.integer(query.getFirst("size"), "size", DEFAULT_SIZE, 1, MAX_SIZE, errors);
        if (!errors.isEmpty()) {
            throw new ApiException(errors);
        }
        return new ListParams(descending, page, size);
    }
}
