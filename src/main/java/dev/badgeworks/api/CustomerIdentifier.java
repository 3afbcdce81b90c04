package dev.badgeworks.api;

import java.util.Locale;
import java.util.Set;

/**
 * The reference's {@code X-CAP-CUSTOMER-IDENTIFIER} header (email, mobile, externalId, cardNumber) names what the
 * customer value in a path or body is. Badgeworks keeps no customer registry to translate those: a customer is the
 * customerId its clients earn with. Absent (or {@code customerId}) it is that id; any other type is refused with
 * 1028, never silently read as an id (an e-mail address would otherwise look up an empty customer).
 */
public final class CustomerIdentifier {

    public static final String HEADER = "X-CAP-CUSTOMER-IDENTIFIER";

    private static final Set<String> CUSTOMER_ID = Set.of("customerid", "customer_id", "id");

    private CustomerIdentifier() {
    }

    public static void check(String type) {
        if (type == null || type.isBlank() || CUSTOMER_ID.contains(type.trim().toLowerCase(Locale.ROOT))) {
            return;
        }
        String shown = type.trim().length() > 40 ? type.trim().substring(0, 40) + "…" : type.trim();
        throw ErrorCode.INVALID_CUSTOMER_IDENTIFIER.exception(HEADER, "Badgeworks has no customer registry to look up "
                + "'" + shown + "': send the customerId the customer earns with, without this header (or with "
                + "customerId).");
    }
}
