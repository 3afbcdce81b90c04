package dev.badgeworks.api;

import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.json.stream.JsonParser;
import jakarta.json.stream.JsonParsingException;
import java.io.StringReader;
import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * Reads a request body field by field the way real clients send it (ids as numbers or strings, dates as
 * numbers or ISO strings) and collects every problem with its field path, so one response lists them all.
 * JSON null counts as absent. Nothing is thrown until {@link #throwIfInvalid()}.
 */
public final class JsonInput {

    private final JsonObject object;
    private final String path;
    private final List<ApiError> errors;

    private JsonInput(JsonObject object, String path, List<ApiError> errors) {
        this.object = object;
        this.path = path;
        this.errors = errors;
    }

    public static JsonInput parse(String body) {
        return of(parseObject(body));
    }

    public static JsonInput of(JsonObject object) {
        return new JsonInput(object, "", new ArrayList<>());
    }

    public static JsonObject parseObject(String body) {
        JsonValue value = parseValue(body);
        if (!(value instanceof JsonObject obj)) {
            throw ErrorCode.INVALID_REQUEST.exception(null, "The request body must be a JSON object.");
        }
        return obj;
    }

    public static JsonValue parseValue(String body) {
        if (body == null || body.isBlank()) {
            throw ErrorCode.INVALID_REQUEST.exception(null, "The request body is missing.");
        }
        try (JsonParser parser = Jsons.JSON.createParser(new StringReader(body))) {
            parser.next();
            JsonValue value = parser.getValue();
            // a reader stops after the first document: "{...}GARBAGE" must not pass as "{...}"
            if (parser.hasNext()) {
                throw ErrorCode.INVALID_REQUEST.exception(null, "JSON parse error: something follows the document.");
            }
            return value;
        } catch (JsonParsingException e) {
            String where = e.getLocation() == null ? "" : " at line " + e.getLocation().getLineNumber()
                    + ", column " + e.getLocation().getColumnNumber();
            throw ErrorCode.INVALID_REQUEST.exception(null, "JSON parse error" + where + ".");
        } catch (ApiException e) {
            throw e;
        } catch (RuntimeException e) {
            throw ErrorCode.INVALID_REQUEST.exception(null, "JSON parse error.");
        }
    }

    public JsonObject raw() {
        return object;
    }

    public String path(String name) {
        return path.isEmpty() ? name : path + "." + name;
    }

    public boolean has(String name) {
        JsonValue v = object.get(name);
        return v != null && v.getValueType() != JsonValue.ValueType.NULL;
    }

    private JsonValue value(String name) {
        return has(name) ? object.get(name) : null;
    }

    public void fail(ErrorCode code, String field, String detail) {
        errors.add(code.at(field == null ? null : path(field), detail));
    }

    public boolean valid() {
        return errors.isEmpty();
    }

    public List<ApiError> errors() {
        return errors;
    }

    public void throwIfInvalid() {
        if (!errors.isEmpty()) {
            throw new ApiException(errors);
        }
    }

    private void missing(String name, ErrorCode ifMissing) {
        if (ifMissing != null) {
            fail(ifMissing, name, ifMissing == ErrorCode.FIELD_REQUIRED ? "'" + path(name) + "' is required." : null);
        }
    }

    private void wrongType(String name, String expected) {
        fail(ErrorCode.WRONG_TYPE, name, "'" + path(name) + "' must be " + expected + ".");
    }

    /** A one-line text field (a name) that must be a JSON string. ifMissing null makes it optional. */
    public String text(String name, int maxLength, ErrorCode ifMissing) {
        return text(name, maxLength, ifMissing, Texts.Kind.LINE);
    }

    /** A text field of the given kind that must be a JSON string. ifMissing null makes it optional. */
    public String text(String name, int maxLength, ErrorCode ifMissing, Texts.Kind kind) {
        JsonValue v = value(name);
        if (v == null) {
            missing(name, ifMissing);
            return null;
        }
        if (!(v instanceof JsonString s)) {
            wrongType(name, "a string");
            return null;
        }
        return checkText(path(name), s.getString(), maxLength, ifMissing, kind);
    }

    /** Whether the client sent this field as a JSON number (ids are echoed in the type they came in). */
    public boolean isNumber(String name) {
        return value(name) instanceof JsonNumber;
    }

    /** An identifier clients send as a string or as a whole number; read as a string. */
    public String identifier(String name, int maxLength, ErrorCode ifMissing) {
        JsonValue v = value(name);
        if (v == null) {
            missing(name, ifMissing);
            return null;
        }
        return identifierValue(v, path(name), maxLength, ifMissing);
    }

    private String identifierValue(JsonValue v, String reference, int maxLength, ErrorCode ifMissing) {
        if (v instanceof JsonNumber n && n.bigDecimalValue().scale() == 0) {
            // digits as written: as long as the text was, and held to the field's length below
            return checkText(reference, n.bigDecimalValue().unscaledValue().toString(), maxLength, ifMissing, Texts.Kind.IDENTIFIER);
        }
        if (v instanceof JsonNumber n && Numbers.reasonable(n.bigDecimalValue()) && n.isIntegral()) {
            return checkText(reference, n.bigIntegerValue().toString(), maxLength, ifMissing, Texts.Kind.IDENTIFIER);
        }
        if (!(v instanceof JsonString s)) {
            errors.add(ErrorCode.WRONG_TYPE.at(reference, "'" + reference + "' must be a string or a whole number."));
            return null;
        }
        // strip, not trim: trim would also cut control characters off the ends instead of refusing them
        return checkText(reference, s.getString().strip(), maxLength, ifMissing, Texts.Kind.IDENTIFIER);
    }

    /** A stored text that did not come as a field of its own (a custom field's key or value): checked the same way. */
    public String storable(String reference, String text, Texts.Kind kind) {
        return checkText(reference, text, Integer.MAX_VALUE, null, kind);
    }

    private String checkText(String reference, String text, int maxLength, ErrorCode ifMissing, Texts.Kind kind) {
        if (text.isBlank()) {
            if (ifMissing != null) {
                errors.add(ifMissing.at(reference,
                        ifMissing == ErrorCode.FIELD_REQUIRED ? "'" + reference + "' is required." : null));
            }
            return null;
        }
        Optional<String> problem = Texts.problem(text, kind);
        if (problem.isPresent()) {
            errors.add(ErrorCode.INVALID_VALUE.at(reference, "'" + reference + "' cannot be stored: " + problem.get()
                    + "."));
            return null;
        }
        String normalized = Texts.normalize(text);
        if (normalized.length() > maxLength) {
            errors.add(ErrorCode.TOO_LONG.at(reference, "'" + reference + "' may have at most " + maxLength
                    + " characters."));
            return null;
        }
        return normalized;
    }

    public Boolean bool(String name, ErrorCode ifMissing) {
        JsonValue v = value(name);
        if (v == null) {
            missing(name, ifMissing);
            return null;
        }
        if (v == JsonValue.TRUE) {
            return Boolean.TRUE;
        }
        if (v == JsonValue.FALSE) {
            return Boolean.FALSE;
        }
        if (v instanceof JsonString s && ("true".equals(s.getString()) || "false".equals(s.getString()))) {
            return Boolean.valueOf(s.getString());
        }
        wrongType(name, "true or false");
        return null;
    }

    /** A whole number in [min, max]; a numeric string is accepted too. */
    public Integer integer(String name, int min, int max, ErrorCode ifMissing) {
        JsonValue v = value(name);
        if (v == null) {
            missing(name, ifMissing);
            return null;
        }
        BigDecimal number;
        try {
            number = v instanceof JsonNumber n ? n.bigDecimalValue()
                    : v instanceof JsonString s ? Numbers.parse(s.getString().trim()) : null;
        } catch (NumberFormatException e) {
            number = null;
        }
        if (number != null && !Numbers.reasonable(number)) {
            number = null;
        }
        if (number == null || number.stripTrailingZeros().scale() > 0) {
            wrongType(name, "a whole number");
            return null;
        }
        if (number.compareTo(BigDecimal.valueOf(min)) < 0 || number.compareTo(BigDecimal.valueOf(max)) > 0) {
            fail(ErrorCode.INVALID_VALUE, name, "'" + path(name) + "' must be between " + min + " and " + max + ".");
            return null;
        }
        return number.intValueExact();
    }

    /** An enum value in any spelling {@link EnumSpellings#parse} reads. */
    public <E extends Enum<E>> E enumValue(String name, Class<E> type, ErrorCode ifMissing) {
        JsonValue v = value(name);
        if (v == null) {
            missing(name, ifMissing);
            return null;
        }
        if (!(v instanceof JsonString s)) {
            wrongType(name, "one of " + Arrays.toString(type.getEnumConstants()));
            return null;
        }
        return enumText(name, type, s.getString());
    }

    /** Parses {@code text} as an enum value of {@code field}, recording 400 with the allowed values if it is not. */
    public <E extends Enum<E>> E enumText(String field, Class<E> type, String text) {
        return EnumSpellings.parse(type, text).orElseGet(() -> {
            errors.add(EnumSpellings.invalid(path(field), text, type));
            return null;
        });
    }

    /** A date given as the legacy field or its ISO companion; the ISO field wins when both are present. */
    public Instant date(String legacyName, String isoName, ErrorCode ifMissing) {
        if (isoName != null && has(isoName)) {
            JsonValue v = value(isoName);
            if (!(v instanceof JsonString)) {
                wrongType(isoName, "an ISO-8601 string");
                return null;
            }
            return date(isoName, v);
        }
        JsonValue v = value(legacyName);
        if (v == null) {
            missing(legacyName, ifMissing);
            return null;
        }
        return date(legacyName, v);
    }

    private Instant date(String name, JsonValue v) {
        try {
            return ApiTime.parse(v);
        } catch (DateTimeException e) {
            fail(ErrorCode.INVALID_DATE, name, null);
            return null;
        }
    }

    /** A nested object; absent or wrong-typed gives null (and an error if required). */
    public JsonInput object(String name, ErrorCode ifMissing) {
        JsonValue v = value(name);
        if (v == null) {
            missing(name, ifMissing);
            return null;
        }
        if (!(v instanceof JsonObject o)) {
            wrongType(name, "an object");
            return null;
        }
        return new JsonInput(o, path(name), errors);
    }

    /** A JSON array; absent gives null (and an error if required). */
    public JsonArray array(String name, ErrorCode ifMissing) {
        JsonValue v = value(name);
        if (v == null) {
            missing(name, ifMissing);
            return null;
        }
        if (!(v instanceof JsonArray a)) {
            wrongType(name, "an array");
            return null;
        }
        return a;
    }

    /** Each element of an array of objects, read with its own path ({@code name[i]}). */
    public <T> List<T> objects(String name, ErrorCode ifMissing, Function<JsonInput, T> reader) {
        JsonArray array = array(name, ifMissing);
        List<T> result = new ArrayList<>();
        if (array == null) {
            return result;
        }
        for (int i = 0; i < array.size(); i++) {
            if (array.get(i) instanceof JsonObject o) {
                result.add(reader.apply(new JsonInput(o, path(name) + "[" + i + "]", errors)));
            } else {
                errors.add(ErrorCode.WRONG_TYPE.at(path(name) + "[" + i + "]", "Each element must be an object."));
            }
        }
        return result;
    }

    /** Each element of an array of identifiers (strings or whole numbers). */
    public List<String> identifiers(String name, int maxLength, ErrorCode ifMissing) {
        JsonArray array = array(name, ifMissing);
        List<String> result = new ArrayList<>();
        if (array == null) {
            return result;
        }
        for (int i = 0; i < array.size(); i++) {
            String id = identifierValue(array.get(i), path(name) + "[" + i + "]", maxLength, ErrorCode.FIELD_REQUIRED);
            if (id != null) {
                result.add(id);
            }
        }
        return result;
    }
}
