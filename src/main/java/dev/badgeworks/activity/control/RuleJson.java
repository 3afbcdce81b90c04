package dev.badgeworks.activity.control;

import dev.badgeworks.api.ApiTime;
import dev.badgeworks.api.EnumSpellings;
import dev.badgeworks.api.ErrorCode;
import dev.badgeworks.api.JsonInput;
import dev.badgeworks.api.Jsons;
import dev.badgeworks.api.Numbers;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

/**
 * A rule as JSON, the {@code earnRule} of a badge definition (docs/decisions.md, "Activity rules"):
 * <pre>
 * {"activity": "TransactionAdd",
 *  "conditions": [{"attribute": "amount", "operator": "GE", "type": "NUMBER", "value": 50},
 *                 {"attribute": "storeId", "operator": "IN", "values": ["S1", "S2"]}],
 *  "measure": {"type": "SUM", "attribute": "amount"},      (or "COUNT", {"type": "DISTINCT", "attribute": …})
 *  "target": 500,
 *  "window": {"type": "FIXED", "length": 1, "unit": "MONTHS", "timeZone": "Europe/Berlin"},
 *            (or {"type": "LIFETIME"}, the default, or {"type": "ROLLING", "days": 30})
 *  "streak": 3, "repeat": true}
 * </pre>
 * A condition's type may be left out: it is the type of its first value. {@link #write} gives the canonical form
 * (what a badge stores and answers), which {@link #read} reads back to the same rule.
 */
public final class RuleJson {

    public enum WindowType { LIFETIME, FIXED, ROLLING }

    private RuleJson() {
    }

    /**
     * The rule read from {@code in} (the earnRule object, at {@code path}), checked by {@link ActivityRuleCheck};
     * null when it has errors (they are in {@code in}).
     */
    public static ActivityRule read(JsonInput in, String path, String ruleId) {
        int before = in.errors().size();
        String activity = in.text("activity", ActivityCheck.MAX_ACTIVITY_NAME, ErrorCode.FIELD_REQUIRED);
        List<Condition> conditions = in.objects("conditions", null, RuleJson::condition);
        Measure measure = measure(in);
        BigDecimal target = number(in, "target");
        RuleWindow window = window(in);
        Integer streak = in.integer("streak", 0, ActivityRuleCheck.MAX_STREAK, null);
        Boolean repeat = in.bool("repeat", null);
        if (in.errors().size() > before) {
            return null;
        }
        ActivityRule rule = new ActivityRule(ruleId, activity, conditions, measure, target, window,
                streak == null ? 0 : streak, Boolean.TRUE.equals(repeat));
        List<dev.badgeworks.api.ApiError> errors = ActivityRuleCheck.errors(rule, path);
        if (!errors.isEmpty()) {
            in.errors().addAll(errors);
            return null;
        }
        return rule;
    }

    /** Reads a stored canonical rule (which {@link #read} accepted when it was stored). */
    public static ActivityRule parse(String json, String ruleId) {
        JsonInput in = JsonInput.parse(json);
        ActivityRule rule = read(in, "earnRule", ruleId);
        if (rule == null) {
            throw new IllegalStateException("stored rule of " + ruleId + " unreadable: " + in.errors());
        }
        return rule;
    }

    /** The canonical form: every field, conditions with their type and values. */
    public static JsonObjectBuilder write(ActivityRule rule) {
        JsonArrayBuilder conditions = Jsons.JSON.createArrayBuilder();
        for (Condition c : rule.conditions()) {
            JsonArrayBuilder values = Jsons.JSON.createArrayBuilder();
            c.values().forEach(v -> values.add(value(v)));
            conditions.add(Jsons.JSON.createObjectBuilder().add("attribute", c.attribute())
                    .add("operator", c.operator().name()).add("type", c.type().name()).add("values", values));
        }
        JsonObjectBuilder measure = Jsons.JSON.createObjectBuilder().add("type", rule.measure().kind().name());
        if (rule.measure().attribute() != null) {
            measure.add("attribute", rule.measure().attribute());
        }
        return Jsons.JSON.createObjectBuilder().add("activity", rule.activity()).add("conditions", conditions)
                .add("measure", measure).add("target", plain(rule.target())).add("window", window(rule.window()))
                .add("streak", rule.streak()).add("repeat", rule.repeat());
    }

    /** 500, 500.0 and 5E+2 alike as 500: equal rules have equal canonical JSON. */
    private static BigDecimal plain(BigDecimal n) {
        return new BigDecimal(n.stripTrailingZeros().toPlainString());
    }

    private static JsonObjectBuilder window(RuleWindow window) {
        JsonObjectBuilder w = Jsons.JSON.createObjectBuilder();
        if (window instanceof RuleWindow.Fixed f) {
            return w.add("type", WindowType.FIXED.name()).add("length", f.length()).add("unit", f.unit().name())
                    .add("timeZone", f.zone().getId());
        }
        if (window instanceof RuleWindow.Rolling r) {
            return w.add("type", WindowType.ROLLING.name()).add("days", r.days());
        }
        return w.add("type", WindowType.LIFETIME.name());
    }

    private static JsonValue value(Object v) {
        if (v instanceof BigDecimal n) {
            return Jsons.JSON.createValue(plain(n));
        }
        if (v instanceof Boolean b) {
            return b ? JsonValue.TRUE : JsonValue.FALSE;
        }
        if (v instanceof Instant t) {
            return Jsons.JSON.createValue(ApiTime.iso(t));
        }
        return Jsons.JSON.createValue(v.toString());
    }

    private static Condition condition(JsonInput in) {
        String attribute = in.text("attribute", ActivityCheck.MAX_ATTRIBUTE_NAME, ErrorCode.FIELD_REQUIRED);
        Condition.Operator operator = in.enumValue("operator", Condition.Operator.class, ErrorCode.FIELD_REQUIRED);
        List<JsonValue> raw = new ArrayList<>();
        JsonArray listed = in.has("values") ? in.array("values", null) : null;
        if (listed != null && !listed.isEmpty()) {
            raw.addAll(listed);
        } else if (in.has("value")) {  // clients that send every field send "values": [] beside "value"
            raw.add(in.raw().get("value"));
        } else {
            in.fail(ErrorCode.FIELD_REQUIRED, "value", "A condition compares with 'value' (or 'values' for IN).");
        }
        AttributeType type = in.has("type") ? in.enumValue("type", AttributeType.class, null)
                : raw.isEmpty() ? null : typeOf(raw.get(0));
        List<Object> values = new ArrayList<>();
        // a value that cannot be read as the type stays as sent: ActivityRuleCheck names it (1102)
        raw.forEach(v -> values.add(type == null ? v : typed(type, v)));
        return new Condition(attribute, operator, type, values);
    }

    private static AttributeType typeOf(JsonValue v) {
        return switch (v.getValueType()) {
            case NUMBER -> AttributeType.NUMBER;
            case TRUE, FALSE -> AttributeType.BOOLEAN;
            default -> AttributeType.STRING;
        };
    }

    private static Object typed(AttributeType type, JsonValue v) {
        Object scalar = switch (v.getValueType()) {
            case NUMBER -> ((JsonNumber) v).bigDecimalValue();
            case STRING -> ((JsonString) v).getString();
            case TRUE -> Boolean.TRUE;
            case FALSE -> Boolean.FALSE;
            default -> null;
        };
        if (scalar == null || type == AttributeType.STRING && !(scalar instanceof String)) {
            return v;
        }
        Object read = type.read(scalar);
        return read == null ? v : read;
    }

    private static Measure measure(JsonInput in) {
        if (!in.has("measure")) {
            in.fail(ErrorCode.FIELD_REQUIRED, "measure", "COUNT, or {\"type\": \"SUM\" or \"DISTINCT\", \"attribute\": …}.");
            return null;
        }
        if (in.raw().get("measure") instanceof JsonString text) {
            Measure.Kind kind = in.enumText("measure", Measure.Kind.class, text.getString());
            return kind == null ? null : new Measure(kind, null);
        }
        JsonInput m = in.object("measure", null);
        if (m == null) {
            return null;
        }
        Measure.Kind kind = m.enumValue("type", Measure.Kind.class, ErrorCode.FIELD_REQUIRED);
        String attribute = m.text("attribute", ActivityCheck.MAX_ATTRIBUTE_NAME, null);
        return kind == null ? null : new Measure(kind, attribute);
    }

    private static BigDecimal number(JsonInput in, String name) {
        if (!in.has(name)) {
            in.fail(ErrorCode.FIELD_REQUIRED, name, "'" + in.path(name) + "' is required.");
            return null;
        }
        JsonValue v = in.raw().get(name);
        BigDecimal n = null;
        try {
            n = v instanceof JsonNumber number ? number.bigDecimalValue()
                    : v instanceof JsonString s ? Numbers.parse(s.getString().strip()) : null;
        } catch (NumberFormatException e) {
            n = null;
        }
        if (n == null) {
            in.fail(ErrorCode.WRONG_TYPE, name, "'" + in.path(name) + "' must be a number.");
        }
        return n;
    }

    private static RuleWindow window(JsonInput in) {
        if (!in.has("window")) {
            return RuleWindow.LIFETIME;
        }
        JsonInput w = in.object("window", null);
        if (w == null) {
            return null;
        }
        WindowType type = w.enumValue("type", WindowType.class, ErrorCode.FIELD_REQUIRED);
        if (type == null) {
            return null;
        }
        return switch (type) {
            case LIFETIME -> RuleWindow.LIFETIME;
            case ROLLING -> {
                Integer days = w.integer("days", 1, ActivityRuleCheck.MAX_DAYS, ErrorCode.FIELD_REQUIRED);
                yield days == null ? null : new RuleWindow.Rolling(days);
            }
            case FIXED -> {
                Integer length = w.integer("length", 1, ActivityRuleCheck.MAX_DAYS, null);
                RuleWindow.Fixed.Unit unit = w.enumValue("unit", RuleWindow.Fixed.Unit.class, ErrorCode.FIELD_REQUIRED);
                ZoneId zone = zone(w);
                yield unit == null || zone == null ? null : new RuleWindow.Fixed(length == null ? 1 : length, unit, zone);
            }
        };
    }

    private static ZoneId zone(JsonInput w) {
        String id = w.text("timeZone", 64, null);
        if (id == null) {
            return w.has("timeZone") ? null : ZoneId.of("UTC");
        }
        try {
            return ZoneId.of(id);
        } catch (DateTimeException e) {
            w.fail(ErrorCode.INVALID_VALUE, "timeZone", "A time zone of the IANA database, such as Europe/Berlin.");
            return null;
        }
    }

    /** How a changed rule applies (the {@code change} of an update's earnRule). */
    public enum Change {
        /** From the start of the next cycle (FIXED), else from now; until then the previous version applies. */
        NEXT_CYCLE,
        /** To every stored activity: what the new rule would have earned is earned, with the original dates. */
        RECOMPUTE
    }

    /** The fields of a stored rule beside the rule itself (see {@link #replacing}). */
    private static final List<String> BESIDE_THE_RULE = List.of("triggeredBy", "change", "appliesFrom", "changedOn",
            "history", "previousVersions");

    /**
     * The rule to store when {@code proposed} (a canonical rule with its triggeredBy and perhaps a {@link Change})
     * replaces {@code stored} (null: the badge had none) at {@code now}: <pre>
     * {…the rule…, "triggeredBy": {…}, "appliesFrom": ISO or null, "changedOn": ISO,
     *  "history": [{…an earlier rule…, "from": ISO or null, "until": ISO, "changedOn": ISO}, …]}</pre>
     * The same rule (another triggeredBy perhaps) keeps its versions. A new rule applies as its change says: from
     * the next cycle (the current version moves to the history, until then), or to everything (the history goes).
     */
    public static String replacing(String stored, String proposed, Instant now) {
        JsonObject p = JsonInput.parseObject(proposed);
        JsonObjectBuilder out = Jsons.JSON.createObjectBuilder(rulePart(p));
        out.add("triggeredBy", p.get("triggeredBy"));
        JsonObject s = stored == null ? null : JsonInput.parseObject(stored);
        if (s != null && rulePart(s).equals(rulePart(p))) {
            return out.add("appliesFrom", s.get("appliesFrom")).add("changedOn", s.get("changedOn"))
                    .add("history", s.getJsonArray("history")).build().toString();
        }
        Change change = p.containsKey("change") ? Change.valueOf(p.getString("change")) : Change.NEXT_CYCLE;
        if (s == null || change == Change.RECOMPUTE) {
            return out.add("appliesFrom", JsonValue.NULL).add("changedOn", ApiTime.iso(now))
                    .add("history", JsonValue.EMPTY_JSON_ARRAY).build().toString();
        }
        Instant from = nextVersionStart(p, now);
        JsonArrayBuilder history = Jsons.JSON.createArrayBuilder();
        for (JsonValue v : s.getJsonArray("history")) {
            JsonObject earlier = v.asJsonObject();
            Instant until = ApiTime.parse(earlier.getString("until"));
            kept(history, earlier, earlier.get("from"), until.isBefore(from) ? until : from, earlier.get("changedOn"));
        }
        kept(history, s, s.get("appliesFrom"), from, s.get("changedOn"));
        return out.add("appliesFrom", ApiTime.iso(from)).add("changedOn", ApiTime.iso(now)).add("history", history)
                .build().toString();
    }

    /**
     * Whether {@code replaced} (what {@link #replacing} made of {@code stored}) is a new rule or a new version, so
     * every customer's earns of it must be settled again: a lowered target may grant earns at once, RECOMPUTE earns
     * the past.
     */
    public static boolean recomputes(String replaced, String stored) {
        return stored == null || !JsonInput.parseObject(replaced).get("changedOn")
                .equals(JsonInput.parseObject(stored).get("changedOn"));
    }

    /** A version with a span of no length (changed again before it began) is left out. */
    private static void kept(JsonArrayBuilder history, JsonObject rule, JsonValue from, Instant until,
                             JsonValue changedOn) {
        if (from instanceof JsonString f && !ApiTime.parse(f.getString()).isBefore(until)) {
            return;
        }
        history.add(Jsons.JSON.createObjectBuilder(rulePart(rule)).add("from", from).add("until", ApiTime.iso(until))
                .add("changedOn", changedOn == null ? JsonValue.NULL : changedOn));
    }

    private static Instant nextVersionStart(JsonObject proposed, Instant now) {
        return RuleHistory.nextCycleStart(parse(rulePart(proposed).toString(), "next"), now);
    }

    private static JsonObject rulePart(JsonObject stored) {
        JsonObjectBuilder b = Jsons.JSON.createObjectBuilder(stored);
        BESIDE_THE_RULE.forEach(b::remove);
        b.remove("from");
        b.remove("until");
        return b.build();
    }

    /** A stored rule's versions, oldest first, the current one last (all with {@code ruleId}). */
    public static List<RuleVersion> versions(String stored, String ruleId) {
        JsonObject s = JsonInput.parseObject(stored);
        List<RuleVersion> versions = new ArrayList<>();
        JsonArray history = s.getJsonArray("history");
        if (history != null) {
            for (JsonValue v : history) {
                JsonObject earlier = v.asJsonObject();
                versions.add(new RuleVersion(parse(rulePart(earlier).toString(), ruleId), instant(earlier, "from"),
                        instant(earlier, "until"), instant(earlier, "changedOn")));
            }
        }
        versions.add(new RuleVersion(parse(rulePart(s).toString(), ruleId), instant(s, "appliesFrom"), null,
                instant(s, "changedOn")));
        return versions;
    }

    private static Instant instant(JsonObject o, String name) {
        return o.get(name) instanceof JsonString text ? ApiTime.parse(text.getString()) : null;
    }

    /** The name as activities are matched by it (case-insensitively, spaces and hyphens as underscores). */
    public static String spelling(String activityName) {
        return EnumSpellings.spelling(activityName);
    }
}
