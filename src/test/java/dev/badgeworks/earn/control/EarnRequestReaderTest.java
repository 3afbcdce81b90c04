package dev.badgeworks.earn.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.badgeworks.api.JsonInput;
import dev.badgeworks.badge.entity.OwnerType;
import jakarta.json.Json;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class EarnRequestReaderTest {

    private static final String FULL = """
            {'badgeMetaId': 'b-1', 'customerId': 'c-1', 'requestId': 'r-1', 'earnEventDate': 1748779200,
             'triggeredBy': {'ownerType': 'Loyalty', 'referenceId': '7'}}
            """;

    private static JsonInput json(String singleQuoted) {
        return JsonInput.parse(singleQuoted.replace('\'', '"'));
    }

    private static JsonInput fullWith(String field, String value) {
        var builder = Json.createObjectBuilder(json(FULL).raw());
        if (value == null) {
            builder.remove(field);
        } else {
            builder.add(field, json("{'v': " + value + "}").raw().get("v"));
        }
        return JsonInput.of(builder.build());
    }

    private static List<String> errors(JsonInput in) {
        return in.errors().stream().map(e -> e.code() + " " + e.reference()).toList();
    }

    private static EarnCommand readValid(JsonInput in) {
        EarnCommand c = EarnRequestReader.read(in);
        assertEquals(List.of(), errors(in));
        assertNotNull(c);
        return c;
    }

    private static List<String> readInvalid(JsonInput in) {
        assertNull(EarnRequestReader.read(in));
        return errors(in);
    }

    @Test
    void readsAFullBody() {
        assertEquals(EarnCommand.live("b-1", "c-1", "r-1", Instant.parse("2025-06-01T12:00:00Z"), OwnerType.Loyalty,
                "7"), readValid(json(FULL)));
    }

    @Test
    void numericIdentifiersBecomeStrings() {
        EarnCommand c = readValid(json("""
                {'badgeMetaId': 'b-1', 'customerId': 12345, 'requestId': 987654321012345678,
                 'triggeredBy': {'ownerType': 'Journeys', 'referenceId': 42}}
                """));
        assertEquals("12345", c.customerId());
        assertEquals("987654321012345678", c.requestId());
        assertEquals("42", c.referenceId());
        assertEquals(OwnerType.Journeys, c.ownerType());
    }

    @Test
    void anAbsentEventDateStaysAbsent() {
        assertNull(readValid(fullWith("earnEventDate", null)).eventDate());
    }

    @Test
    void theIsoEventDateWinsOverTheLegacyOne() {
        EarnCommand c = readValid(fullWith("earnEventDateISO", "'2025-05-30T10:00:00.250+05:30'"));
        assertEquals(Instant.parse("2025-05-30T04:30:00.250Z"), c.eventDate());
    }

    @Test
    void aMissingCustomerIdIs812() {
        assertEquals(List.of("812 customerId"), readInvalid(fullWith("customerId", null)));
        assertEquals(List.of("812 customerId"), readInvalid(fullWith("customerId", "'  '")));
    }

    @Test
    void aMissingRequestIdIs804() {
        assertEquals(List.of("804 requestId"), readInvalid(fullWith("requestId", null)));
    }

    @Test
    void aMissingBadgeIdIsRequired() {
        assertEquals(List.of("1101 badgeMetaId"), readInvalid(fullWith("badgeMetaId", null)));
    }

    @Test
    void aMissingTriggeredByIs716OnItsOwnerType() {
        assertEquals(List.of("716 triggeredBy.ownerType"), readInvalid(fullWith("triggeredBy", null)));
        assertEquals(List.of("716 triggeredBy.ownerType"), readInvalid(fullWith("triggeredBy", "null")));
    }

    @Test
    void anEmptyTriggeredByLacksBothParts() {
        assertEquals(List.of("716 triggeredBy.ownerType", "717 triggeredBy.referenceId"),
                readInvalid(fullWith("triggeredBy", "{}")));
    }

    @Test
    void aMissingReferenceIdIs717() {
        assertEquals(List.of("717 triggeredBy.referenceId"),
                readInvalid(fullWith("triggeredBy", "{'ownerType': 'Loyalty'}")));
    }

    @Test
    void anOwnerTypeIsReadInAnySpellingButMustBeOne() {
        assertEquals(OwnerType.Loyalty,
                readValid(fullWith("triggeredBy", "{'ownerType': 'LOYALTY', 'referenceId': '7'}")).ownerType());
        assertEquals(List.of("400 triggeredBy.ownerType"),
                readInvalid(fullWith("triggeredBy", "{'ownerType': 'LOYALTY_PROGRAM', 'referenceId': '7'}")));
    }

    @Test
    void topLevelOwnerTypeAndReferenceIdAreAcceptedWithoutTriggeredBy() {
        EarnCommand c = readValid(json("""
                {'badgeMetaId': 'b-1', 'customerId': 'c-1', 'requestId': 'r-1',
                 'ownerType': 'Milestones', 'referenceId': 'm-9'}
                """));
        assertEquals(OwnerType.Milestones, c.ownerType());
        assertEquals("m-9", c.referenceId());
    }

    @Test
    void aTopLevelOwnerTypeWithoutReferenceIdIs717OnTheTopLevelField() {
        assertEquals(List.of("717 referenceId"), readInvalid(json("""
                {'badgeMetaId': 'b-1', 'customerId': 'c-1', 'requestId': 'r-1', 'ownerType': 'Loyalty'}
                """)));
    }

    @Test
    void triggeredByWinsOverTopLevelFields() {
        EarnCommand c = readValid(fullWith("ownerType", "'Milestones'"));
        assertEquals(OwnerType.Loyalty, c.ownerType());
        assertEquals("7", c.referenceId());
    }

    @Test
    void allErrorsAreCollectedTogether() {
        assertEquals(List.of("812 customerId", "804 requestId", "1104 earnEventDate", "716 triggeredBy.ownerType"),
                readInvalid(json("{'badgeMetaId': 'b-1', 'earnEventDate': 'yesterday'}")));
        assertEquals(List.of("1101 badgeMetaId", "812 customerId", "804 requestId", "400 triggeredBy.ownerType",
                        "717 triggeredBy.referenceId"),
                readInvalid(json("{'triggeredBy': {'ownerType': 'loyalty program'}}")));
    }
}
