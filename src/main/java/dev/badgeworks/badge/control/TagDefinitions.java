package dev.badgeworks.badge.control;

import dev.badgeworks.api.ErrorCode;
import dev.badgeworks.api.JsonInput;
import dev.badgeworks.api.Jsons;
import dev.badgeworks.api.Texts;
import dev.badgeworks.badge.entity.DataType;
import dev.badgeworks.badge.entity.OrgMeta;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * An org meta body ({@code tags: [{key*, dataType*, description, mandatory}]}, keys unique) read into JSON text as
 * stored, and the stored text read back. {@code orgID} in the body is ignored: the org is the caller's.
 */
public final class TagDefinitions {

    private TagDefinitions() {
    }

    /** The tags as stored JSON text, or null when the input has errors (they are in {@code in}). */
    public static String read(JsonInput in) {
        Set<String> keys = new HashSet<>();
        List<OrgMeta.TagDefinition> tags = in.objects("tags", ErrorCode.FIELD_REQUIRED, t -> {
            String key = t.text("key", 255, ErrorCode.FIELD_REQUIRED, Texts.Kind.IDENTIFIER);
            DataType type = t.enumValue("dataType", DataType.class, ErrorCode.FIELD_REQUIRED);
            String description = t.text("description", 2000, null, Texts.Kind.TEXT);
            Boolean mandatory = t.bool("mandatory", null);
            if (key != null && !keys.add(key)) {
                t.fail(ErrorCode.INVALID_VALUE, "key", "Another tag already has the key '" + key + "'.");
            }
            return new OrgMeta.TagDefinition(key, type, description, Boolean.TRUE.equals(mandatory));
        });
        if (!in.valid()) {
            return null;
        }
        JsonArrayBuilder out = Jsons.JSON.createArrayBuilder();
        for (OrgMeta.TagDefinition t : tags) {
            var tag = Jsons.JSON.createObjectBuilder().add("key", t.key()).add("dataType", t.dataType().name());
            tag.add("description", t.description() == null ? JsonValue.NULL : Jsons.JSON.createValue(t.description()));
            out.add(tag.add("mandatory", t.mandatory()));
        }
        String json = out.build().toString();
        if (json.length() > BadgeReader.MAX_JSON) {
            in.fail(ErrorCode.TOO_LONG, "tags", "'tags' may hold at most " + BadgeReader.MAX_JSON
                    + " characters of JSON.");
            return null;
        }
        return json;
    }

    /** The stored text as definitions. */
    public static List<OrgMeta.TagDefinition> parse(String json) {
        JsonArray array = Jsons.JSON.createReader(new StringReader(json)).readArray();
        return array.stream().map(JsonValue::asJsonObject).map(t -> new OrgMeta.TagDefinition(t.getString("key"),
                DataType.valueOf(t.getString("dataType")), t.isNull("description") ? null : t.getString("description"),
                t.getBoolean("mandatory"))).toList();
    }

    /** The stored text as the answer's array. */
    public static JsonArray asJson(String json) {
        return Jsons.JSON.createReader(new StringReader(json)).readArray();
    }
}
