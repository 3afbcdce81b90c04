package dev.badgeworks.badge.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.badgeworks.api.ApiError;
import dev.badgeworks.api.JsonInput;
import dev.badgeworks.badge.entity.BadgeMeta;
import dev.badgeworks.badge.entity.CustomField;
import dev.badgeworks.badge.entity.DataType;
import java.util.List;
import org.junit.jupiter.api.Test;

class CustomFieldRequestTest {

    private static List<String> errors(JsonInput in) {
        return in.errors().stream().map(e -> e.code() + " " + e.reference()).toList();
    }

    private static JsonInput input(String json) {
        return JsonInput.parse(json.replace('\'', '"'));
    }

    @Test
    void aFullRequestIsReadLoosely() {
        CustomFieldRequest r = CustomFieldRequest.read(input(
                "{'name': 'Tier', 'dataType': 'integer', 'isMandatory': 'true', 'defaultValue': 2, 'isActive': true}"));
        assertEquals(new CustomFieldRequest("Tier", DataType.INTEGER, true, "2", true), r);
        assertEquals("true", CustomFieldRequest.read(input("{'name': 'F', 'dataType': 'BOOLEAN', 'defaultValue': true}"))
                .defaultValue());
    }

    @Test
    void aMandatoryFieldNeedsADefaultOfItsType() {
        JsonInput noDefault = input("{'name': 'Tier', 'dataType': 'INTEGER', 'isMandatory': true}");
        assertNull(CustomFieldRequest.read(noDefault));
        assertEquals(List.of("1166 defaultValue"), errors(noDefault));
        JsonInput wrongType = input("{'name': 'Tier', 'dataType': 'INTEGER', 'defaultValue': 'x'}");
        assertNull(CustomFieldRequest.read(wrongType));
        assertEquals(List.of("1102 defaultValue"), errors(wrongType));
        JsonInput missing = input("{'isMandatory': 'maybe'}");
        CustomFieldRequest.read(missing);
        assertEquals(List.of("1101 name", "1101 dataType", "1102 isMandatory"), errors(missing));
    }

    @Test
    void anUpdateKeepsTheTypeAndDisablingIsFinal() {
        CustomField disabled = new CustomField("f1", 1, "Tier", DataType.INTEGER, false, null,
                new BadgeMeta.Author(1, "u"), 0);
        disabled.change("Tier", false, null, false, new BadgeMeta.Author(1, "u"), 1);
        List<ApiError> errors = new CustomFieldRequest("Tier", DataType.STRING, false, null, true).asUpdateOf(disabled);
        assertEquals(List.of(1164, 1165), errors.stream().map(ApiError::code).toList());
        assertEquals(List.of(), new CustomFieldRequest("Level", DataType.INTEGER, true, "1", null).asUpdateOf(disabled));
    }
}
