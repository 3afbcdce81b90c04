package dev.badgeworks.customer.boundary;

import dev.badgeworks.api.ErrorCode;
import dev.badgeworks.earn.control.EarnRequestReader;

/** The {@code {customerId}} path segment, held to the rules a customerId in a body follows. */
final class CustomerPaths {

    private CustomerPaths() {
    }

    static String customerId(String segment) {
        String id = segment == null ? "" : segment.trim();
        if (id.isEmpty()) {
            throw ErrorCode.CUSTOMER_ID_MISSING.exception("customerId");
        }
        if (id.length() > EarnRequestReader.MAX_CUSTOMER_ID) {
            throw ErrorCode.TOO_LONG.exception("customerId", "'customerId' may have at most "
                    + EarnRequestReader.MAX_CUSTOMER_ID + " characters.");
        }
        return id;
    }
}
