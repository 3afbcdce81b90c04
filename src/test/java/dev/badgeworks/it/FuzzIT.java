package dev.badgeworks.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonStructure;
import jakarta.json.JsonValue;
import jakarta.json.stream.JsonParsingException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Issue 9: a bounded fuzz run over every write endpoint. Valid bodies are mutated (values swapped for hostile
 * ones, fields dropped or added, text cut off, nesting deepened) from a fixed seed, so a failure replays. Every
 * answer must be below 500, in the envelope with a code on each error, and free of stack traces, class names
 * and server paths; the server must be healthy afterwards.
 */
class FuzzIT {

    private static final long SEED = 20261126L;
    private static final int BODIES = 2400;
    private static final Pattern LEAK = Pattern.compile(
            "Exception|\\tat |dev\\.badgeworks|org\\.(eclipse|glassfish|h2|postgresql)|java\\.(lang|io|sql)|/tmp/|/work/"
                    + "|/home/|SQLState|ERROR:");

    private final BadgeworksServer server = BadgeworksServer.shared();

    private record Endpoint(String method, String path, JsonStructure valid) {
    }

    @Test
    void mutatedBodiesOnEveryWriteEndpointGetCleanAnswers() throws Exception {
        Api operator = server.admin();
        Api api = operator.newOrg("fuzz");
        String badge = Badges.createClaimed(api, Badges.earnBadge(Badges.uniqueName("Fuzz")), "Loyalty", "p1");
        String issueBadge = Badges.createClaimed(api, Badges.issueEarnBadge(Badges.uniqueName("FuzzIssue")), "Loyalty",
                "p1");
        long userId = operator.post("admin/orgs/" + api.orgId() + "/users", "{\"username\": \"fuzz-member-"
                + UUID.randomUUID() + "\", \"password\": \"fuzz-member-password\"}").expect(201).data()
                .getJsonNumber("id").longValue();
        // webhooks belong to the org's admin; a receiver nobody listens on, for the earns the fuzzing makes
        Api orgAdmin = operator.orgAdminOf(api);
        String webhook = orgAdmin.post("webhooks", "{\"url\": \"http://127.0.0.1:9/fuzz\", \"eventTypes\":"
                + " [\"badgeIssueRevoked\"]}").expect(201).data().getString("id");
        // issue 28: a group and a custom field to change, and org meta to replace
        String group = GroupsIT.group(api, "Fuzz group", 1);
        String field = CustomFieldsIT.field(api, "{\"name\": \"Tier\", \"dataType\": \"INTEGER\"}");
        api.post("orgMeta", "{\"tags\": [{\"key\": \"region\", \"dataType\": \"STRING\"}]}").expect(201);
        List<Endpoint> endpoints = new ArrayList<>(endpoints(api.orgId(), userId, badge, issueBadge, webhook));
        endpoints.addAll(definitionEndpoints(badge, group, field));
        long started = System.nanoTime();

        Random random = new Random(SEED);
        List<String[]> requests = new ArrayList<>();
        for (int i = 0; i < BODIES; i++) {
            Endpoint e = endpoints.get(random.nextInt(endpoints.size()));
            requests.add(new String[] {e.method(), e.path(), mutate(e.valid(), random)});
        }
        ExecutorService pool = Executors.newFixedThreadPool(4);
        List<Future<String>> problems = new ArrayList<>();
        Map<String, Integer> statuses = new java.util.concurrent.ConcurrentSkipListMap<>();
        try {
            for (String[] r : requests) {
                // the operator manages the fuzz org's users; badge and earn calls go as the org's own user
                Api caller = r[1].startsWith("admin/") ? operator : r[1].startsWith("webhooks") ? orgAdmin : api;
                problems.add(pool.submit(() -> {
                    Api.Reply reply = caller.send(r[0], r[1], r[2], Map.of());
                    statuses.merge(reply.status() + "", 1, Integer::sum);
                    return check(r, reply);
                }));
            }
            List<String> found = new ArrayList<>();
            for (Future<String> f : problems) {
                if (f.get() != null && found.size() < 10) {
                    found.add(f.get());
                }
            }
            long seconds = (System.nanoTime() - started) / 1_000_000_000L;
            System.out.println("FuzzIT: " + BODIES + " bodies in " + seconds + " s, answers by status " + statuses);
            assertEquals(List.of(), found);
            assertTrue(seconds < 60, "a bounded run for CI: " + seconds + " s");
        } finally {
            pool.shutdownNow();
        }
        assertTrue(server.log().lines().noneMatch(l -> l.contains("OutOfMemoryError")));
        api.get("badgeMeta").expect(200);
        assertEquals(200, Api.HTTP.send(java.net.http.HttpRequest.newBuilder(
                server.baseUri().resolve("health")).build(), java.net.http.HttpResponse.BodyHandlers.ofString())
                .statusCode());
    }

    /** Null when the answer is clean, else what is wrong with it (with the request, to replay it). */
    private static String check(String[] request, Api.Reply reply) {
        String what = request[0] + " " + request[1] + " " + abbreviate(request[2]) + " -> " + reply.status() + " "
                + abbreviate(reply.body());
        if (reply.status() >= 500) {
            return "5xx: " + what;
        }
        if (LEAK.matcher(reply.body()).find()) {
            return "leak: " + what;
        }
        try {
            JsonStructure json = Json.createReader(new StringReader(reply.body())).read();
            List<JsonObject> envelopes = json instanceof JsonArray array
                    ? array.getValuesAs(JsonObject.class) : List.of(json.asJsonObject());
            for (JsonObject envelope : envelopes) {
                if (!envelope.containsKey("data") || !envelope.containsKey("errors") || !envelope.containsKey("warnings")) {
                    return "not an envelope: " + what;
                }
                if (reply.status() >= 400 && envelope.getJsonArray("errors").isEmpty()) {
                    return "refusal without an error: " + what;
                }
                for (JsonValue error : envelope.getJsonArray("errors")) {
                    if (error.asJsonObject().get("code").getValueType() != JsonValue.ValueType.NUMBER) {
                        return "error without a code: " + what;
                    }
                }
            }
        } catch (JsonParsingException | ClassCastException e) {
            return "not JSON: " + what;
        }
        return null;
    }

    private static String abbreviate(String text) {
        return text == null ? "" : text.length() > 300 ? text.substring(0, 300) + "…" : text;
    }

    private static List<Endpoint> endpoints(long orgId, long userId, String badge, String issueBadge,
                                            String webhook) {
        JsonObject trigger = Json.createObjectBuilder().add("ownerType", "Loyalty").add("referenceId", "p1").build();
        JsonObject earn = Json.createObjectBuilder().add("badgeMetaId", badge).add("customerId", 42)
                .add("requestId", "fuzz-1").add("earnEventDate", System.currentTimeMillis() / 1000)
                .add("triggeredBy", trigger).build();
        JsonObject claim = Json.createObjectBuilder().add("ownerType", "Loyalty").add("referenceId", "p2").build();
        return List.of(
                new Endpoint("POST", "badgeMeta", Badges.earnBadge("Fuzzed")),
                new Endpoint("PUT", "badgeMeta", Badges.with(Badges.earnBadge("Fuzzed update"), "id", badge)),
                new Endpoint("POST", "badgeMeta/" + badge + "/claim", claim),
                new Endpoint("POST", "badgeMeta/" + badge + "/unclaim", claim),
                new Endpoint("POST", "customer/earn", earn),
                new Endpoint("POST", "customer/earnBulk", Json.createObjectBuilder(earn).remove("customerId")
                        .add("customerIds", Json.createArrayBuilder().add(1).add("2")).build()),
                new Endpoint("POST", "customer/revokeEarn", Json.createObjectBuilder().add("badgeMetaId", badge)
                        .add("customerId", "42").add("earnedBadgeIds", Json.createArrayBuilder().add("x")).build()),
                new Endpoint("POST", "badgeMeta/customer/issueBulk", Json.createObjectBuilder()
                        .add("badgeMetaId", issueBadge).add("requestId", "fuzz-issue")
                        .add("customerIds", Json.createArrayBuilder().add("a").add(7)).add("triggeredBy", trigger).build()),
                new Endpoint("POST", "badgeMeta/customer/revokeIssue", Json.createObjectBuilder()
                        .add("badgeMetaId", issueBadge).add("customerId", "a").build()),
                new Endpoint("POST", "import/customerBadges", Json.createArrayBuilder().add(Json.createObjectBuilder()
                        .add("badgeMetaId", badge).add("customerId", 9).add("earnEventDate", 1700000000)).build()),
                new Endpoint("PUT", "import/customerBadges", Json.createArrayBuilder().add(Json.createObjectBuilder()
                        .add("badgeMetaId", badge).add("customerId", 10).add("earnEventDate", 1700000000)).build()),
                new Endpoint("POST", "../../../badges/customer/revokeEarn", Json.createObjectBuilder()
                        .add("badgeMetaId", badge).add("customerId", 42).add("earnedBadgeId", "x").build()),
                new Endpoint("POST", "imports", Json.createObjectBuilder().add("path", "missing.csv").build()),
                new Endpoint("POST", "webhooks", Json.createObjectBuilder().add("url", "http://127.0.0.1:9/other")
                        .add("eventTypes", Json.createArrayBuilder().add("badgeIssued")).add("batchSize", 5).build()),
                new Endpoint("PUT", "webhooks/" + webhook, Json.createObjectBuilder().add("batchSize", 10)
                        .add("active", true).build()),
                new Endpoint("POST", "webhooks/" + webhook + "/deliveries/redeliver", Json.createObjectBuilder()
                        .add("eventIds", Json.createArrayBuilder().add("01a219ce-a26b-73a3-9fc1-10a1ba3f5dbb")).build()),
                new Endpoint("POST", "admin/orgs", Json.createObjectBuilder().add("name", "fuzz-org").build()),
                new Endpoint("POST", "admin/orgs/" + orgId + "/users", Json.createObjectBuilder()
                        .add("username", "fuzz-user").add("password", "fuzz-user-password").build()),
                new Endpoint("PUT", "admin/orgs/" + orgId + "/users/" + userId, Json.createObjectBuilder()
                        .add("password", "another-password").add("disabled", false).build()),
                new Endpoint("PUT", "account/password", Json.createObjectBuilder()
                        .add("currentPassword", "not-the-password").add("newPassword", "a-new-password").build()));
    }

    /** Groups, custom fields, org meta, and a badge that names a group, custom fields and tags. */
    private static List<Endpoint> definitionEndpoints(String badge, String group, String field) {
        JsonObject groupBody = Json.createObjectBuilder().add("name", "Fuzzed group").add("rank", 2)
                .add("isActive", true).build();
        JsonObject fieldBody = Json.createObjectBuilder().add("name", "Tier").add("dataType", "INTEGER")
                .add("isMandatory", false).add("defaultValue", "3").add("isActive", true).build();
        JsonObject metaBody = Json.createObjectBuilder().add("orgID", 1).add("tags", Json.createArrayBuilder()
                .add(Json.createObjectBuilder().add("key", "region").add("dataType", "STRING")
                        .add("description", "Where").add("mandatory", false))).build();
        JsonObject organised = Badges.with(Badges.with(Badges.with(Badges.earnBadge("Fuzzed organised"),
                "badgeGroupId", group), "customFields", Json.createObjectBuilder().add("Tier", "2").build()), "tags",
                Json.createArrayBuilder().add(Json.createObjectBuilder().add("name", "region").add("value", "EU"))
                        .build());
        return List.of(
                new Endpoint("POST", "badgeMeta", organised),
                new Endpoint("PUT", "badgeMeta", Badges.with(organised, "id", badge)),
                new Endpoint("POST", "group", groupBody),
                new Endpoint("PUT", "group/" + group, groupBody),
                new Endpoint("POST", "group/" + group, groupBody),
                new Endpoint("PUT", group, groupBody),
                new Endpoint("POST", "customField", fieldBody),
                new Endpoint("PUT", "customField/" + field, fieldBody),
                new Endpoint("POST", "orgMeta", metaBody),
                new Endpoint("PUT", "orgMeta", metaBody));
    }

    private static final List<String> HOSTILE = List.of("null", "true", "-1", "0", "1e100000000", "-1e-100000000",
            "123456789012345678901234567890123456789012345", "1.5", "NaN", "\"\"", "\" \"", "\"\\u0000\"",
            "\"\\ud800\"", "\"\\u202e\"", "\"%00\"", "\"../../etc/passwd\"", "\"%\"", "\"_\"", "[]", "{}",
            "[[[[[[[[[[]]]]]]]]]]", "\"2026-13-45T99:99:99Z\"", "\"\\n\"", "\"' OR 1=1 --\"", "\"<script>\"",
            "9223372036854775808", "-9223372036854775809", "\"EARN\"", "\"Loyalty\"", "\"LOYALTY\"");

    /** One or two random changes to a valid body, written out as JSON text (which may end up not JSON at all). */
    static String mutate(JsonStructure valid, Random random) {
        String text = valid.toString();
        int changes = 1 + random.nextInt(2);
        for (int i = 0; i < changes; i++) {
            switch (random.nextInt(8)) {
                case 0, 1, 2 -> text = replaceValue(text, random);
                case 3 -> text = text.replaceFirst("\"[A-Za-z]+\":[^,{}\\[\\]]+,?", "");
                case 4 -> text = text.replaceFirst("\\{", "{\"" + pick(random).replace("\"", "") + "\":" + pick(random) + ",");
                case 5 -> text = text.substring(0, random.nextInt(text.length() + 1));
                case 6 -> text = "[".repeat(1 + random.nextInt(5000)) + text;
                default -> text = text.replace(",", random.nextBoolean() ? ",," : ", \"x\":");
            }
        }
        return text;
    }

    private static String replaceValue(String text, Random random) {
        java.util.regex.Matcher values = Pattern.compile(":(\"[^\"]*\"|-?[0-9.eE+]+|true|false|null)").matcher(text);
        List<int[]> spans = new ArrayList<>();
        while (values.find()) {
            spans.add(new int[] {values.start(1), values.end(1)});
        }
        if (spans.isEmpty()) {
            return text;
        }
        int[] span = spans.get(random.nextInt(spans.size()));
        return text.substring(0, span[0]) + pick(random) + text.substring(span[1]);
    }

    private static String pick(Random random) {
        if (random.nextInt(20) == 0) {
            return "\"" + "x".repeat(1 + random.nextInt(20_000)) + "\"";
        }
        return HOSTILE.get(random.nextInt(HOSTILE.size()));
    }
}
