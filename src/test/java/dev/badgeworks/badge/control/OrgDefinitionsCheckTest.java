package dev.badgeworks.badge.control;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.badgeworks.api.JsonInput;
import dev.badgeworks.badge.entity.BadgeDefinition;
import dev.badgeworks.badge.entity.BadgeMeta;
import dev.badgeworks.badge.entity.CustomField;
import dev.badgeworks.badge.entity.DataType;
import dev.badgeworks.badge.entity.OrgMeta;
import java.util.List;
import org.junit.jupiter.api.Test;

class OrgDefinitionsCheckTest {

    private static final BadgeMeta.Author AUTHOR = new BadgeMeta.Author(1, "u");
    private static final List<CustomField> FIELDS = List.of(
            new CustomField("f1", 1, "Tier", DataType.INTEGER, true, "1", AUTHOR, 0),
            new CustomField("f2", 1, "Shiny", DataType.BOOLEAN, false, null, AUTHOR, 0));
    private static final List<OrgMeta.TagDefinition> TAGS = List.of(
            new OrgMeta.TagDefinition("region", DataType.STRING, null, true),
            new OrgMeta.TagDefinition("level", DataType.INTEGER, null, false));

    private static BadgeDefinition badge(String extras) {
        JsonInput in = JsonInput.parse(("{'name': 'B', 'startOn': 1767225600, 'expiresOn': 1798761600,"
                + " 'earnType': 'EARN', 'earnedBadgeExpiry': {'expiryType': 'NEVER'},"
                + " 'ownership': {'restrictedToOwners': ['Loyalty']}" + extras + "}").replace('\'', '"'));
        BadgeDefinition d = BadgeReader.read(in);
        in.throwIfInvalid();
        return d;
    }

    private static List<String> errors(OrgDefinitionsCheck.Checked checked) {
        return checked.errors().stream().map(e -> e.code() + " " + e.reference()).toList();
    }

    @Test
    void aMandatoryFieldLeftOutGetsItsDefaultAndGivenValuesStay() {
        OrgDefinitionsCheck.Checked none = OrgDefinitionsCheck.check(badge(""), FIELDS, null);
        assertEquals("{\"Tier\":\"1\"}", none.definition().customFields());
        OrgDefinitionsCheck.Checked given = OrgDefinitionsCheck.check(badge(", 'customFields': {'Tier': 3, 'Shiny': 'TRUE'}"),
                FIELDS, null);
        assertEquals(List.of(), errors(given));
        assertEquals("{\"Tier\":\"3\",\"Shiny\":\"TRUE\"}", given.definition().customFields());
    }

    @Test
    void unknownFieldsAndValuesOfTheWrongTypeAreNamed() {
        assertEquals(List.of("1102 customFields.Tier", "1105 customFields.Colour"), errors(OrgDefinitionsCheck.check(
                badge(", 'customFields': {'Tier': 'gold', 'Colour': 'red'}"), FIELDS, null)));
        assertEquals(List.of("1105 customFields.Tier"), errors(OrgDefinitionsCheck.check(
                badge(", 'customFields': {'Tier': '2'}"), List.of(), null)), "no fields defined: none may be set");
    }

    @Test
    void tagsAreFreeWithoutOrgMetaAndHeldToItWithIt() {
        String tags = ", 'tags': [{'name': 'level', 'value': 'high'}, {'name': 'colour', 'value': 'red'}]";
        assertEquals(List.of(), errors(OrgDefinitionsCheck.check(badge(tags), List.of(), null)));
        assertEquals(List.of("1102 tags[0].value", "1105 tags[1].name", "1101 tags"),
                errors(OrgDefinitionsCheck.check(badge(tags), List.of(), TAGS)));
        assertEquals(List.of(), errors(OrgDefinitionsCheck.check(badge(
                ", 'tags': [{'name': 'region', 'value': 'EU'}, {'name': 'level', 'value': 2}]"), List.of(), TAGS)));
        assertEquals(List.of("1101 tags"), errors(OrgDefinitionsCheck.check(badge(
                ", 'tags': [{'name': 'region'}]"), List.of(), TAGS)), "a mandatory tag needs a value");
    }
}
