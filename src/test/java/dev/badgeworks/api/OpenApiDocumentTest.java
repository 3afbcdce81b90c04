package dev.badgeworks.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.badgeworks.activity.boundary.ActivityViews;
import dev.badgeworks.activity.boundary.SimulateResource;
import dev.badgeworks.badge.boundary.BadgeMetaResource;
import dev.badgeworks.badge.boundary.BadgeView;
import dev.badgeworks.badge.boundary.DefinitionViews;
import dev.badgeworks.badge.entity.OrgMeta;
import dev.badgeworks.customer.boundary.CustomerViews;
import dev.badgeworks.customer.control.ConstraintStatistics;
import dev.badgeworks.earn.boundary.EarnResource;
import dev.badgeworks.earn.boundary.EarnView;
import dev.badgeworks.earn.boundary.EnrolmentService;
import dev.badgeworks.earn.boundary.FixedWindowResource;
import dev.badgeworks.earn.control.BulkEarn;
import dev.badgeworks.earn.control.Trigger;
import dev.badgeworks.events.boundary.WebhookResource;
import dev.badgeworks.imports.boundary.ImportResource;
import dev.badgeworks.imports.boundary.ImportView;
import dev.badgeworks.security.boundary.AdminResource;
import io.swagger.v3.core.util.Yaml;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.parameters.RequestBody;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.CookieParam;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.MatrixParam;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import java.io.IOException;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The OpenAPI document (src/main/resources/META-INF/openapi.yaml) against the code: it parses cleanly, every $ref
 * resolves, it lists exactly the (path, method) pairs the JAX-RS resources in target/classes serve (plus GET /openapi.yaml,
 * which serves the document), the parameters those methods read and the bodies they take, the fields of the records
 * they answer with, and only real error codes, each with a documented response of its HTTP status. Plain JUnit: the
 * resources are read by reflection, not run.
 */
class OpenApiDocumentTest {

    private static final Path DOCUMENT = Path.of("src/main/resources/META-INF/openapi.yaml");
    private static final Path CLASSES = Path.of("target/classes");
    /** Documented, served by the application itself rather than by a resource class in this WAR (yet). */
    private static final String DOCUMENT_ITSELF = "GET /openapi.yaml";
    private static final Set<Class<? extends Annotation>> NOT_ENTITY = Set.of(PathParam.class, QueryParam.class,
            HeaderParam.class, Context.class, FormParam.class, CookieParam.class, MatrixParam.class, BeanParam.class);
    private static final Pattern STATUS_2XX = Pattern.compile("2\\d\\d");

    private static SwaggerParseResult parsed;
    private static OpenAPI api;
    /** "METHOD /path" → the Java method that serves it. */
    private static Map<String, Method> served;

    @BeforeAll
    static void read() throws IOException {
        ParseOptions options = new ParseOptions();
        options.setResolve(true);
        parsed = new OpenAPIV3Parser().readLocation(DOCUMENT.toString(), null, options);
        api = parsed.getOpenAPI();
        assertNotNull(api, () -> "the document does not parse: " + parsed.getMessages());
        served = servedOperations();
    }

    @Test
    void parsesWithoutErrorsOrWarnings() {
        assertEquals(List.of(), parsed.getMessages());
        assertEquals("3.0.3", api.getOpenapi());
    }

    @Test
    void everyReferenceResolves() throws IOException {
        JsonNode tree = Yaml.mapper().readTree(DOCUMENT.toFile());
        List<String> refs = new ArrayList<>();
        collectRefs(tree, refs);
        assertFalse(refs.isEmpty());
        for (String ref : refs) {
            assertTrue(ref.startsWith("#/"), () -> "the document refers outside itself: " + ref);
            assertFalse(tree.at(ref.substring(1)).isMissingNode(), () -> "unresolved $ref " + ref);
        }
    }

    @Test
    void documentsExactlyTheOperationsTheResourcesServe() {
        assertTrue(served.size() > 20, () -> "found only " + served.keySet() + " in " + CLASSES.toAbsolutePath());
        Set<String> documented = new TreeSet<>(operations().keySet());
        assertTrue(documented.remove(DOCUMENT_ITSELF), DOCUMENT_ITSELF + " is not documented");
        Set<String> undocumented = new TreeSet<>(served.keySet());
        undocumented.remove(DOCUMENT_ITSELF); // may become a resource of its own: then it is served and documented
        undocumented.removeAll(documented);
        Set<String> notServed = new TreeSet<>(documented);
        notServed.removeAll(served.keySet());
        assertEquals(Set.of(), undocumented, "served but not in the document");
        assertEquals(Set.of(), notServed, "in the document but not served");
    }

    @Test
    void everyOperationHasAnIdASummaryASuccessAndA401UnlessPublic() {
        assertTrue(api.getSecurity().stream().anyMatch(r -> r.containsKey("basicAuth")), "basicAuth is not global");
        SecurityScheme basic = api.getComponents().getSecuritySchemes().get("basicAuth");
        assertEquals(SecurityScheme.Type.HTTP, basic.getType());
        assertEquals("basic", basic.getScheme());
        Set<String> ids = new TreeSet<>();
        operations().forEach((key, operation) -> {
            assertTrue(operation.getOperationId() != null && ids.add(operation.getOperationId()),
                    () -> key + ": missing or repeated operationId " + operation.getOperationId());
            assertTrue(operation.getSummary() != null && !operation.getSummary().isBlank(), () -> key + ": no summary");
            assertTrue(operation.getTags() != null && !operation.getTags().isEmpty(), () -> key + ": no tag");
            Set<String> statuses = operation.getResponses().keySet();
            assertTrue(statuses.stream().anyMatch(s -> STATUS_2XX.matcher(s).matches()), () -> key + ": no 2xx");
            if (!isPublic(operation)) {
                assertTrue(statuses.contains("401"), () -> key + ": no 401 though it needs credentials");
            }
        });
        Operation document = operations().get(DOCUMENT_ITSELF);
        assertTrue(isPublic(document), "GET /openapi.yaml needs no credentials");
        assertNotNull(document.getResponses().get("200").getContent().get("application/yaml"));
    }

    @Test
    void errorCodesAreRealAndEachHasAResponseOfItsStatus() {
        operations().forEach((key, operation) -> {
            if (key.equals(DOCUMENT_ITSELF)) {
                return;
            }
            List<ErrorCode> codes = codes(key, operation, "x-error-codes");
            assertFalse(codes.isEmpty(), () -> key + ": no x-error-codes");
            codes(key, operation, "x-item-error-codes");
            Set<String> statuses = operation.getResponses().keySet();
            // 999999 is a 500 and, for a second org meta, a 409: a listed code needs a response of one of its statuses
            codes.stream().collect(Collectors.groupingBy(ErrorCode::code)).forEach((code, meanings) -> assertTrue(
                    meanings.stream().anyMatch(e -> statuses.contains(Integer.toString(e.httpStatus()))),
                    () -> key + ": lists " + code + " (" + meanings + ") but has no response of its status"));
            Set<String> answered = codes.stream().map(c -> Integer.toString(c.httpStatus())).collect(Collectors.toSet());
            for (String status : statuses) {
                if (status.compareTo("400") >= 0) {
                    assertTrue(answered.contains(status),
                            () -> key + ": answers " + status + " but lists no code of that status");
                }
            }
        });
    }

    @Test
    void requestBodiesAreTheOnesTheMethodsReadWithSchemaAndExample() {
        Map<String, Operation> operations = operations();
        served.forEach((key, method) -> {
            if (!operations.containsKey(key)) {
                return; // reported by documentsExactlyTheOperationsTheResourcesServe
            }
            RequestBody body = requestBody(operations.get(key));
            // the entity parameter is the one without a JAX-RS annotation (a String or an InputStream here)
            boolean readsBody = Arrays.stream(method.getParameters())
                    .anyMatch(p -> NOT_ENTITY.stream().noneMatch(p::isAnnotationPresent));
            assertEquals(readsBody, body != null, () -> key + (readsBody ? " reads a body the document does not describe"
                    : " documents a body " + method + " does not read"));
            if (body == null) {
                return;
            }
            assertFalse(body.getContent() == null || body.getContent().isEmpty(), () -> key + ": a body without content");
            body.getContent().forEach((type, media) -> {
                assertNotNull(media.getSchema(), () -> key + " " + type + ": no schema");
                assertTrue(hasExample(media), () -> key + " " + type + ": no example");
            });
        });
    }

    @Test
    void parametersTheMethodsReadAreDocumentedAndPathTemplatesDeclared() {
        Map<String, Operation> operations = operations();
        served.forEach((key, method) -> {
            if (!operations.containsKey(key)) {
                return; // reported by documentsExactlyTheOperationsTheResourcesServe
            }
            Set<String> documented = parameters(key, operations.get(key)).stream()
                    .map(p -> p.getIn() + " " + p.getName().toLowerCase(Locale.ROOT)).collect(Collectors.toSet());
            for (java.lang.reflect.Parameter p : method.getParameters()) {
                String read = p.isAnnotationPresent(PathParam.class) ? "path " + p.getAnnotation(PathParam.class).value()
                        : p.isAnnotationPresent(QueryParam.class) ? "query " + p.getAnnotation(QueryParam.class).value()
                        : p.isAnnotationPresent(HeaderParam.class) ? "header " + p.getAnnotation(HeaderParam.class).value()
                        : null;
                // Content-Type is the request body's media types, not a header parameter (OpenAPI ignores it there)
                if (read != null && !read.equalsIgnoreCase("header " + HttpHeaders.CONTENT_TYPE)) {
                    assertTrue(documented.contains(read.toLowerCase(Locale.ROOT)),
                            () -> key + " reads the " + read + " parameter, which is not documented");
                }
            }
        });
        operations.forEach((key, operation) -> {
            Set<String> template = new TreeSet<>();
            Matcher m = Pattern.compile("\\{([^}]+)}").matcher(key);
            while (m.find()) {
                template.add(m.group(1));
            }
            List<Parameter> inPath = parameters(key, operation).stream().filter(p -> "path".equals(p.getIn())).toList();
            assertEquals(template, inPath.stream().map(Parameter::getName).collect(Collectors.toCollection(TreeSet::new)),
                    () -> key + ": path parameters");
            inPath.forEach(p -> assertTrue(Boolean.TRUE.equals(p.getRequired()), () -> key + ": " + p.getName() + " not required"));
        });
    }

    /**
     * Answers are JSON-B views of records with null values kept: each answer schema has exactly the record's
     * components as its properties, all required (a field is never left out, only null).
     */
    @Test
    void answerSchemasHaveExactlyTheFieldsOfTheRecordsTheCodeAnswers() {
        Map<String, Class<? extends Record>> answers = new TreeMap<>(Map.ofEntries(
                Map.entry("ApiError", ApiError.class),
                Map.entry("Pagination", Pagination.class),
                Map.entry("Badge", BadgeView.class),
                Map.entry("Expiry", BadgeView.ExpiryView.class),
                Map.entry("Ownership", BadgeView.Ownership.class),
                Map.entry("Ownership.claims[]", BadgeView.ClaimView.class),
                Map.entry("BadgeList", BadgeMetaResource.BadgeList.class),
                Map.entry("Activation", BadgeMetaResource.ActivationView.class),
                Map.entry("ClaimResult", BadgeMetaResource.ClaimResult.class),
                Map.entry("FixedWindowDetails", FixedWindowResource.FixedWindowDetails.class),
                Map.entry("FixedWindowDetails.fixedWindowCycles[]", FixedWindowResource.CycleView.class),
                Map.entry("Trigger", Trigger.class),
                Map.entry("Earn", EarnView.class),
                Map.entry("EarnBulkResult", BulkEarn.Result.class),
                Map.entry("EarnBulkResult.earnedBadgesList[]", BulkEarn.EarnedBadge.class),
                Map.entry("EarnBulkResult.failedEarnBadgeErrorList[]", BulkEarn.FailedEarn.class),
                Map.entry("RevokedEarn", EarnResource.RevokedEarn.class),
                Map.entry("EnrolResult", EnrolmentService.EnrolResult.class),
                Map.entry("EnrolResult.issuedBadges[]", EnrolmentService.IssuedBadge.class),
                Map.entry("RevokeIssueResult", EnrolmentService.RevokeResult.class),
                Map.entry("RevokeIssueResult.revokedIssuedBadges[]", EnrolmentService.RevokedIssue.class),
                Map.entry("MemberBadges", CustomerViews.MemberBadges.class),
                Map.entry("MemberBadge", CustomerViews.MemberBadge.class),
                Map.entry("ManagementBadges", CustomerViews.ManagementBadges.class),
                Map.entry("ManagementBadge", CustomerViews.ManagementBadge.class),
                Map.entry("BadgeOfCustomer", CustomerViews.BadgeOfCustomer.class),
                Map.entry("IssualDetails", CustomerViews.IssualDetails.class),
                Map.entry("IssualDetails.issuals[]", CustomerViews.Issual.class),
                Map.entry("EarnDetails", CustomerViews.EarnDetails.class),
                Map.entry("EarnDetails.earns[]", CustomerViews.EarnDetail.class),
                Map.entry("ConstraintStatistics", ConstraintStatistics.class),
                Map.entry("ConstraintStatistics.earnConstraintBlockStatistics", ConstraintStatistics.EarnCounts.class),
                Map.entry("CycleSpan", ConstraintStatistics.CycleView.class),
                Map.entry("Import", ImportView.class),
                Map.entry("Import.progress", ImportView.Progress.class),
                Map.entry("ImportList", ImportResource.ImportList.class),
                Map.entry("Org", AdminResource.OrgView.class),
                Map.entry("User", AdminResource.UserView.class),
                Map.entry("Webhook", WebhookResource.WebhookView.class),
                Map.entry("Webhook.status", WebhookResource.Status.class),
                Map.entry("Delivery", WebhookResource.DeliveryView.class),
                Map.entry("Redelivered", WebhookResource.Redelivered.class),
                Map.entry("Group", DefinitionViews.GroupView.class),
                Map.entry("GroupList", DefinitionViews.GroupList.class),
                Map.entry("CustomField", DefinitionViews.CustomFieldView.class),
                Map.entry("CustomFieldList", DefinitionViews.CustomFieldList.class),
                Map.entry("OrgMeta", DefinitionViews.OrgMetaView.class),
                Map.entry("TagDefinition", OrgMeta.TagDefinition.class),
                Map.entry("ActivityAnswer", ActivityViews.ActivityAnswer.class),
                Map.entry("ActivityAnswer.rules[]", ActivityViews.RuleAnswer.class),
                Map.entry("ActivityAnswer.rules[].earns[]", ActivityViews.RuleEarn.class),
                Map.entry("RuleProgressView", ActivityViews.ProgressView.class),
                Map.entry("ActivityBulkResult", ActivityViews.BulkResult.class),
                Map.entry("ActivityBulkResult.results[]", ActivityViews.BulkItem.class),
                Map.entry("CustomerProgress", ActivityViews.CustomerProgress.class),
                Map.entry("CustomerProgress.rules[]", ActivityViews.RuleProgress.class),
                Map.entry("Simulation", SimulateResource.Simulation.class),
                Map.entry("Simulation.topCustomers[]", SimulateResource.CustomerEarns.class)));
        answers.forEach((where, record) -> {
            Schema<?> schema = schemaAt(where);
            Set<String> fields = Arrays.stream(record.getRecordComponents()).map(c -> c.getName())
                    .collect(Collectors.toCollection(TreeSet::new));
            assertEquals(fields, new TreeSet<>(schema.getProperties().keySet()), () -> where + " against " + record);
            assertEquals(fields, new TreeSet<>(schema.getRequired()), () -> where + ": required");
        });
    }

    /** "Name", "Name.property" or "Name.property[]" (the items of an array property). */
    private static Schema<?> schemaAt(String where) {
        String[] steps = where.split("\\.");
        Schema<?> schema = api.getComponents().getSchemas().get(steps[0]);
        assertNotNull(schema, where);
        for (int i = 1; i < steps.length; i++) {
            boolean items = steps[i].endsWith("[]");
            schema = schema.getProperties().get(items ? steps[i].substring(0, steps[i].length() - 2) : steps[i]);
            assertNotNull(schema, where);
            if (items) {
                schema = schema.getItems();
            }
        }
        return schema;
    }

    @Test
    void versionIsThePoms() throws IOException {
        Matcher m = Pattern.compile("<artifactId>badgeworks</artifactId>\\s*<version>([^<]+)</version>")
                .matcher(Files.readString(Path.of("pom.xml")));
        assertTrue(m.find());
        assertEquals(m.group(1), api.getInfo().getVersion());
    }

    // ------------------------------------------------------------------------------------------------ the document

    /** "METHOD /path" → operation, for every operation in the document. */
    private static Map<String, Operation> operations() {
        Map<String, Operation> operations = new TreeMap<>();
        api.getPaths().forEach((path, item) -> item.readOperationsMap()
                .forEach((method, operation) -> operations.put(method.name() + " " + path, operation)));
        return operations;
    }

    private static boolean isPublic(Operation operation) {
        List<SecurityRequirement> security = operation.getSecurity();
        return security != null && security.isEmpty();
    }

    private static List<ErrorCode> codes(String key, Operation operation, String extension) {
        Object listed = operation.getExtensions() == null ? null : operation.getExtensions().get(extension);
        if (listed == null) {
            return List.of();
        }
        assertTrue(listed instanceof List<?>, () -> key + ": " + extension + " is not a list");
        List<ErrorCode> codes = new ArrayList<>();
        for (Object value : (List<?>) listed) {
            assertTrue(value instanceof Integer, () -> key + ": " + extension + " holds " + value + ", not a whole number");
            int code = (Integer) value;
            List<ErrorCode> known = Arrays.stream(ErrorCode.values()).filter(e -> e.code() == code).toList();
            assertFalse(known.isEmpty(), () -> key + ": " + extension + " lists " + code + ", which is no ErrorCode");
            codes.addAll(known);
        }
        return codes;
    }

    private static RequestBody requestBody(Operation operation) {
        RequestBody body = operation.getRequestBody();
        if (body != null && body.get$ref() != null) {
            body = api.getComponents().getRequestBodies().get(last(body.get$ref()));
        }
        return body;
    }

    private static boolean hasExample(MediaType media) {
        return media.getExample() != null || (media.getExamples() != null && !media.getExamples().isEmpty());
    }

    /** The operation's and its path's parameters, references resolved. */
    private static List<Parameter> parameters(String key, Operation operation) {
        PathItem item = api.getPaths().get(key.substring(key.indexOf(' ') + 1));
        List<Parameter> all = new ArrayList<>();
        Stream.of(item.getParameters(), operation.getParameters()).filter(l -> l != null).forEach(all::addAll);
        return all.stream().map(p -> p.get$ref() == null ? p : api.getComponents().getParameters().get(last(p.get$ref())))
                .toList();
    }

    private static String last(String ref) {
        return ref.substring(ref.lastIndexOf('/') + 1);
    }

    private static void collectRefs(JsonNode node, List<String> refs) {
        if (node.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> field = it.next();
                if (field.getKey().equals("$ref") && field.getValue().isTextual()) {
                    refs.add(field.getValue().asText());
                } else {
                    collectRefs(field.getValue(), refs);
                }
            }
        } else if (node.isArray()) {
            node.forEach(child -> collectRefs(child, refs));
        }
    }

    // ------------------------------------------------------------------------------------------------ the code

    /**
     * "METHOD /path" of every resource method in target/classes: the application path, the class's and the method's
     * {@code @Path}, with regular-expression templates ({@code {id: [0-9]+}}) written as {@code {id}}.
     */
    private static Map<String, Method> servedOperations() throws IOException {
        assertTrue(Files.isDirectory(CLASSES), () -> CLASSES.toAbsolutePath() + " is missing: compile first");
        List<Class<?>> candidates = new ArrayList<>();
        try (Stream<Path> files = Files.walk(CLASSES)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".class")).toList()) {
                // the annotations' descriptors in the constant pool: only such classes are loaded
                String bytes = new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1);
                if (bytes.contains("Ljakarta/ws/rs/Path;") || bytes.contains("Ljakarta/ws/rs/ApplicationPath;")) {
                    String name = CLASSES.relativize(file).toString().replace(file.getFileSystem().getSeparator(), ".");
                    try {
                        candidates.add(Class.forName(name.substring(0, name.length() - ".class".length()), false,
                                OpenApiDocumentTest.class.getClassLoader()));
                    } catch (ClassNotFoundException e) {
                        throw new AssertionError("cannot load " + name, e);
                    }
                }
            }
        }
        List<String> applicationPaths = candidates.stream().filter(c -> c.isAnnotationPresent(ApplicationPath.class))
                .map(c -> c.getAnnotation(ApplicationPath.class).value()).toList();
        assertEquals(1, applicationPaths.size(), () -> "application paths: " + applicationPaths);
        Map<String, Method> served = new TreeMap<>();
        for (Class<?> resource : candidates) {
            jakarta.ws.rs.Path root = resource.getAnnotation(jakarta.ws.rs.Path.class);
            if (root == null) {
                continue;
            }
            for (Method method : resource.getMethods()) {
                String httpMethod = httpMethod(method);
                jakarta.ws.rs.Path sub = method.getAnnotation(jakarta.ws.rs.Path.class);
                if (httpMethod == null) {
                    // a sub-resource locator would serve paths this test cannot see: describe them, then teach it
                    assertTrue(sub == null, () -> method + " is a sub-resource locator");
                    continue;
                }
                String path = join(applicationPaths.get(0), root.value(), sub == null ? "" : sub.value());
                Method previous = served.put(httpMethod + " " + path, method);
                assertTrue(previous == null, () -> httpMethod + " " + path + " is served twice");
            }
        }
        return served;
    }

    private static String httpMethod(Method method) {
        for (Annotation a : method.getAnnotations()) {
            HttpMethod http = a.annotationType().getAnnotation(HttpMethod.class);
            if (http != null) {
                return http.value();
            }
        }
        return null;
    }

    static String join(String... segments) {
        String joined = ("/" + String.join("/", segments)).replaceAll("/+", "/");
        if (joined.length() > 1 && joined.endsWith("/")) {
            joined = joined.substring(0, joined.length() - 1);
        }
        return withoutRegexes(joined);
    }

    /** {@code {id: [0-9]{1,3}}} → {@code {id}}: braces are counted, as a template's regex may hold its own. */
    static String withoutRegexes(String path) {
        StringBuilder out = new StringBuilder();
        int i = 0;
        while (i < path.length()) {
            char c = path.charAt(i);
            if (c != '{') {
                out.append(c);
                i++;
                continue;
            }
            int depth = 0;
            int end = i;
            for (; end < path.length(); end++) {
                depth += path.charAt(end) == '{' ? 1 : path.charAt(end) == '}' ? -1 : 0;
                if (depth == 0) {
                    break;
                }
            }
            String template = path.substring(i + 1, end);
            int colon = template.indexOf(':');
            out.append('{').append((colon < 0 ? template : template.substring(0, colon)).trim()).append('}');
            i = end + 1;
        }
        return out.toString();
    }

    @Test
    void pathsAreJoinedAndTemplatesNormalisedAsJaxRsMatchesThem() {
        assertEquals("/api_gateway/v1/badges/x/{id}", join("/", "api_gateway/v1/badges/x/", "{id}"));
        assertEquals("/a/{id}/b", join("/", "a", "{ id : [0-9]{1,3} }/b"));
        assertEquals("/a", join("/", "/a/", ""));
    }
}
