package dev.badgeworks.badge.control;

import dev.badgeworks.api.ApiError;
import dev.badgeworks.api.ErrorCode;
import dev.badgeworks.api.JsonInput;
import dev.badgeworks.api.Texts;
import dev.badgeworks.badge.entity.CustomField;
import dev.badgeworks.badge.entity.DataType;
import jakarta.json.JsonValue;
import java.util.ArrayList;
import java.util.List;

/**
 * A custom field create or update body and its rules (§2.9): a mandatory field needs a default, the default must
 * be of the field's type, the type never changes and a disabled field stays disabled. {@code isMandatory} absent
 * means false; {@code isActive} absent means the field stays as it is (active when new).
 */
public record CustomFieldRequest(String name, DataType dataType, boolean mandatory, String defaultValue,
                                 Boolean active) {

    /** The request, or null when the input has errors (they are in {@code in}). */
    public static CustomFieldRequest read(JsonInput in) {
        String name = in.text("name", 255, ErrorCode.FIELD_REQUIRED, Texts.Kind.IDENTIFIER);
        DataType dataType = in.enumValue("dataType", DataType.class, ErrorCode.FIELD_REQUIRED);
        Boolean mandatory = in.bool("isMandatory", null);
        // a default is text like the badges' values; a JSON true/false is taken as its text, as numbers are
        JsonValue raw = in.raw().get("defaultValue");
        String defaultValue = raw == JsonValue.TRUE || raw == JsonValue.FALSE ? raw.toString()
                : in.identifier("defaultValue", 2000, null);
        Boolean active = in.bool("isActive", null);
        if (Boolean.TRUE.equals(mandatory) && !in.has("defaultValue")) {
            in.fail(ErrorCode.DEFAULT_VALUE_REQUIRED, "defaultValue", null);
        }
        if (defaultValue != null && dataType != null) {
            TypedValues.problem(dataType, defaultValue).ifPresent(p -> in.fail(ErrorCode.WRONG_TYPE, "defaultValue",
                    p + "."));
        }
        return in.valid() ? new CustomFieldRequest(name, dataType, Boolean.TRUE.equals(mandatory), defaultValue, active)
                : null;
    }

    /** What is wrong with this request as an update of {@code field}. */
    public List<ApiError> asUpdateOf(CustomField field) {
        List<ApiError> errors = new ArrayList<>();
        if (dataType != field.dataType()) {
            errors.add(ErrorCode.DATA_TYPE_FIXED.at("dataType", "It is " + field.dataType() + "."));
        }
        if (Boolean.TRUE.equals(active) && !field.active()) {
            errors.add(ErrorCode.CUSTOM_FIELD_DISABLED.at("isActive"));
        }
        return errors;
    }
}
