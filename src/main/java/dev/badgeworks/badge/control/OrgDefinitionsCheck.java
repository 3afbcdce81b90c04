package dev.badgeworks.badge.control;

import dev.badgeworks.api.ApiError;
import dev.badgeworks.api.ErrorCode;
import dev.badgeworks.api.Jsons;
import dev.badgeworks.badge.entity.BadgeDefinition;
import dev.badgeworks.badge.entity.CustomField;
import dev.badgeworks.badge.entity.OrgMeta;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * A badge definition held to its org's definitions (§2.9, §2.10): each custom field must be an active field of the
 * org and parse as its type, a mandatory field left out gets its default; with org meta, each tag must be a defined
 * key with a value of its type, and every mandatory key must be there. Without org meta tags are free.
 */
public final class OrgDefinitionsCheck {

    /** The definition with defaults filled in, and what is wrong with it (nothing is stored when anything is). */
    public record Checked(BadgeDefinition definition, List<ApiError> errors) {
    }

    private OrgDefinitionsCheck() {
    }

    public static Checked check(BadgeDefinition d, List<CustomField> activeFields, List<OrgMeta.TagDefinition> tags) {
        List<ApiError> errors = new ArrayList<>();
        String customFields = customFields(d.customFields(), activeFields, errors);
        if (tags != null) {
            tags(d.tags(), tags, errors);
        }
        return new Checked(d.withCustomFields(customFields), errors);
    }

    private static String customFields(String json, List<CustomField> activeFields, List<ApiError> errors) {
        JsonObject given = json == null ? JsonValue.EMPTY_JSON_OBJECT
                : Jsons.JSON.createReader(new StringReader(json)).readObject();
        Map<String, CustomField> byName = activeFields.stream()
                .collect(Collectors.toMap(CustomField::name, Function.identity()));
        JsonObjectBuilder out = Jsons.JSON.createObjectBuilder(given);
        given.forEach((name, value) -> {
            String reference = "customFields." + name;
            CustomField field = byName.get(name);
            if (field == null) {
                errors.add(ErrorCode.INVALID_VALUE.at(reference,
                        "The org has no active custom field '" + name + "' (see GET /customField)."));
            } else {
                TypedValues.problem(field.dataType(), ((JsonString) value).getString())
                        .ifPresent(p -> errors.add(ErrorCode.WRONG_TYPE.at(reference, p + ".")));
            }
        });
        boolean filled = false;
        for (CustomField field : activeFields) {
            if (field.mandatory() && !given.containsKey(field.name())) {
                out.add(field.name(), field.defaultValue());
                filled = true;
            }
        }
        return filled ? out.build().toString() : json;
    }

    private static void tags(String json, List<OrgMeta.TagDefinition> definitions, List<ApiError> errors) {
        JsonArray given = json == null ? JsonValue.EMPTY_JSON_ARRAY
                : Jsons.JSON.createReader(new StringReader(json)).readArray();
        Map<String, OrgMeta.TagDefinition> byKey = definitions.stream()
                .collect(Collectors.toMap(OrgMeta.TagDefinition::key, Function.identity()));
        Set<String> present = new HashSet<>();
        for (int i = 0; i < given.size(); i++) {
            JsonObject tag = given.getJsonObject(i);
            String name = tag.getString("name");
            OrgMeta.TagDefinition definition = byKey.get(name);
            if (definition == null) {
                errors.add(ErrorCode.INVALID_VALUE.at("tags[" + i + "].name",
                        "The org meta defines no tag '" + name + "' (see GET /orgMeta)."));
                continue;
            }
            if (tag.isNull("value")) {
                continue;
            }
            present.add(name);
            String reference = "tags[" + i + "].value";
            TypedValues.problem(definition.dataType(), tag.getString("value"))
                    .ifPresent(p -> errors.add(ErrorCode.WRONG_TYPE.at(reference, p + ".")));
        }
        for (OrgMeta.TagDefinition definition : definitions) {
            if (definition.mandatory() && !present.contains(definition.key())) {
                errors.add(ErrorCode.FIELD_REQUIRED.at("tags",
                        "The org meta makes the tag '" + definition.key() + "' mandatory: send it with a value."));
            }
        }
    }
}
