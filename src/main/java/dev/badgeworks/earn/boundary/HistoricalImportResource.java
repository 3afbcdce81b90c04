package dev.badgeworks.earn.boundary;

import dev.badgeworks.api.ApiError;
import dev.badgeworks.api.BulkBody;
import dev.badgeworks.api.Envelope;
import dev.badgeworks.api.ErrorCode;
import dev.badgeworks.api.JsonInput;
import dev.badgeworks.badge.entity.OwnerType;
import dev.badgeworks.earn.control.EarnAttempt;
import dev.badgeworks.earn.control.EarnCommand;
import dev.badgeworks.earn.control.EarnOutcome;
import dev.badgeworks.earn.control.EarnRequestReader;
import dev.badgeworks.earn.control.RequestIdConflict;
import dev.badgeworks.platform.Hashes;
import dev.badgeworks.platform.Metrics;
import dev.badgeworks.security.boundary.CurrentCaller;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The reference's historical import ({@code /import/customerBadges}): a JSON array of earns that happened
 * elsewhere, each with its own expiry. It goes through the same earn service as every other earn; the only
 * differences are the reference's: no claim is needed and the expiry is taken as given. The answer is an array
 * of envelopes, one per element, in order. requestIds are {@code <batchId>_<n>} with the batch id derived from the
 * body, so sending the same body again earns nothing twice.
 */
@ApplicationScoped
@Path("api_gateway/v1/badges/import/customerBadges")
@Produces(MediaType.APPLICATION_JSON)
public class HistoricalImportResource {

    static final int MAX_ELEMENTS = 1000;
    static final String REFERENCE_ID = "historical-import";

    @Inject
    CurrentCaller caller;

    @Inject
    EarnService earns;

    @Inject
    Metrics metrics;

    @POST
    @BulkBody
    public List<Envelope<EarnView>> importEarns(String body) {
        JsonValue value = JsonInput.parseValue(body);
        if (!(value instanceof JsonArray array)) {
            throw ErrorCode.INVALID_REQUEST.exception(null, "The body must be a JSON array of earned badges.");
        }
        if (array.size() > MAX_ELEMENTS) {
            throw ErrorCode.TOO_MANY_ITEMS.exception(null, "At most " + MAX_ELEMENTS + " elements per request.");
        }
        String batchId = batchId(body);
        List<Element> elements = new ArrayList<>();
        for (int i = 0; i < array.size(); i++) {
            elements.add(element(array.get(i), i, batchId));
        }
        long orgId = caller.orgId();
        List<EarnOutcome> outcomes = RequestIdConflict.retrying(() -> earns.earnAll(orgId, elements),
                () -> metrics.raceLost("historical"));
        return outcomes.stream().map(outcome -> switch (outcome.kind()) {
            case EARNED -> new Envelope<>(EarnView.of(outcome.earn(), false), null, null);
            case DUPLICATE -> new Envelope<>(EarnView.of(outcome.earn(), false), List.of(outcome.error()), null);
            case CONFLICT, REJECTED -> new Envelope<EarnView>(null, List.of(outcome.error()), null);
        }).toList();
    }

    /** One element of the array: the earn it records, or why it cannot be read. */
    private record Element(EarnCommand command, ApiError error) implements EarnAttempt {
    }

    private static Element element(JsonValue value, int i, String batchId) {
        if (!(value instanceof JsonObject object)) {
            return new Element(null, ErrorCode.WRONG_TYPE.at("[" + i + "]", "Each element must be an object."));
        }
        JsonInput in = JsonInput.of(object);
        String badgeMetaId = in.identifier("badgeMetaId", 64, ErrorCode.FIELD_REQUIRED);
        String customerId = in.identifier("customerId", EarnRequestReader.MAX_CUSTOMER_ID, ErrorCode.CUSTOMER_ID_MISSING);
        Instant event = in.date("earnEventDate", "earnEventDateISO", null);
        Instant expires = in.date("earnExpiresOn", "earnExpiresOnISO", ErrorCode.FIELD_REQUIRED);
        if (!in.valid()) {
            return new Element(null, in.errors().get(0));
        }
        return new Element(EarnCommand.migration(badgeMetaId, customerId, batchId + "_" + (i + 1), event,
                OwnerType.Historical_Import, REFERENCE_ID, expires), null);
    }

    /** The reference's prose documents PUT for this endpoint, its OpenAPI POST: both work. */
    @PUT
    @BulkBody
    public List<Envelope<EarnView>> importEarnsWithPut(String body) {
        return importEarns(body);
    }

    private static String batchId(String body) {
        return Hashes.sha256Hex(body).substring(0, 32);
    }
}
