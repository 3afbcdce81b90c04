package dev.badgeworks.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import jakarta.json.Json;
import jakarta.json.JsonValue;
import org.junit.jupiter.api.Test;

class JsonsTest {

    @Test
    void aCustomerIdIsANumberWhenItIsOneAndAStringOtherwise() {
        assertEquals(Json.createValue(90001L), Jsons.customerId("90001"));
        assertEquals(Json.createValue(0L), Jsons.customerId("0"));
        assertEquals(Json.createValue(999999999999999999L), Jsons.customerId("999999999999999999"));
        assertEquals(Json.createValue("007"), Jsons.customerId("007"), "a leading zero would be lost");
        assertEquals(Json.createValue("9999999999999999999"), Jsons.customerId("9999999999999999999"), "past a long");
        assertEquals(Json.createValue("alice"), Jsons.customerId("alice"));
        assertEquals(Json.createValue("-5"), Jsons.customerId("-5"));
        assertEquals(JsonValue.NULL, Jsons.customerId(null));
    }

    @Test
    void anIdIsEchoedInTheTypeItWasSentIn() {
        assertEquals(Json.createValue(12345L), Jsons.echo("12345", true));
        assertEquals(Json.createValue("12345"), Jsons.echo("12345", false));
        assertEquals(Json.createValue("r-1"), Jsons.echo("r-1", true));
    }

    @Test
    void onlyTheCustomerIdTypeIsAcceptedAsCustomerIdentifier() {
        CustomerIdentifier.check(null);
        CustomerIdentifier.check(" ");
        CustomerIdentifier.check("customerId");
        for (String type : new String[] {"email", "mobile", "externalId", "cardNumber", "x".repeat(500)}) {
            ApiException e = assertThrows(ApiException.class, () -> CustomerIdentifier.check(type));
            assertEquals(1028, e.errors().get(0).code());
            assertEquals(CustomerIdentifier.HEADER, e.errors().get(0).reference());
            assertEquals(true, e.errors().get(0).message().length() < 300, "the value is not echoed at length");
        }
    }
}
