package dev.badgeworks.it;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.type.LogicalType;
import dev.badgeworks.client.ApiClient;
import dev.badgeworks.client.ApiException;
import dev.badgeworks.client.api.AccountApi;
import dev.badgeworks.client.api.ActivitiesApi;
import dev.badgeworks.client.api.AdministrationApi;
import dev.badgeworks.client.api.BadgesApi;
import dev.badgeworks.client.api.ClaimsApi;
import dev.badgeworks.client.api.CustomFieldsApi;
import dev.badgeworks.client.api.CustomerViewsApi;
import dev.badgeworks.client.api.DocumentationApi;
import dev.badgeworks.client.api.EarnLimitsApi;
import dev.badgeworks.client.api.EarnsApi;
import dev.badgeworks.client.api.EnrolmentsApi;
import dev.badgeworks.client.api.GroupsApi;
import dev.badgeworks.client.api.HistoricalImportApi;
import dev.badgeworks.client.api.ImportsApi;
import dev.badgeworks.client.api.OrgMetaApi;
import dev.badgeworks.client.api.WebhooksApi;
import dev.badgeworks.client.model.ActivityAnswer;
import dev.badgeworks.client.model.BadgeInputCustomFieldsValue;
import dev.badgeworks.client.model.ActivityAnswerRulesInner;
import dev.badgeworks.client.model.ActivityAnswerRulesInnerEarnsInner;
import dev.badgeworks.client.model.ActivityInput;
import dev.badgeworks.client.model.ActivityInputAttributesValue;
import dev.badgeworks.client.model.CustomerProgressRulesInner;
import dev.badgeworks.client.model.EarnRuleInput;
import dev.badgeworks.client.model.EarnRuleInputMeasure;
import dev.badgeworks.client.model.EarnRuleInputTarget;
import dev.badgeworks.client.model.RuleCondition;
import dev.badgeworks.client.model.SimulateEarnRuleRequest;
import dev.badgeworks.client.model.Simulation;
import dev.badgeworks.client.model.Badge;
import dev.badgeworks.client.model.BadgeEvent;
import dev.badgeworks.client.model.BadgeEventData;
import dev.badgeworks.client.model.BadgeInput;
import dev.badgeworks.client.model.BadgeInputOwnership;
import dev.badgeworks.client.model.BadgeOfCustomer;
import dev.badgeworks.client.model.BadgeUpdateInput;
import dev.badgeworks.client.model.BooleanInput;
import dev.badgeworks.client.model.ClaimInput;
import dev.badgeworks.client.model.ClaimResult;
import dev.badgeworks.client.model.CustomField;
import dev.badgeworks.client.model.CustomFieldInput;
import dev.badgeworks.client.model.CustomFieldInputDefaultValue;
import dev.badgeworks.client.model.CustomerBadgeSortExpiry;
import dev.badgeworks.client.model.CustomerBadgeSortRank;
import dev.badgeworks.client.model.DataType;
import dev.badgeworks.client.model.DateInput;
import dev.badgeworks.client.model.Delivery;
import dev.badgeworks.client.model.DeliveryStatus;
import dev.badgeworks.client.model.Earn;
import dev.badgeworks.client.model.EarnBulkInput;
import dev.badgeworks.client.model.EarnBulkResult;
import dev.badgeworks.client.model.EarnEnvelope;
import dev.badgeworks.client.model.EarnInput;
import dev.badgeworks.client.model.EarnType;
import dev.badgeworks.client.model.EnrolResult;
import dev.badgeworks.client.model.ErrorEnvelope;
import dev.badgeworks.client.model.EventType;
import dev.badgeworks.client.model.ExpiryInput;
import dev.badgeworks.client.model.Group;
import dev.badgeworks.client.model.GroupInput;
import dev.badgeworks.client.model.HistoricalEarnEnvelope;
import dev.badgeworks.client.model.HistoricalEarnInput;
import dev.badgeworks.client.model.IdInput;
import dev.badgeworks.client.model.InboxImportInput;
import dev.badgeworks.client.model.IntegerInput;
import dev.badgeworks.client.model.IssueBulkInput;
import dev.badgeworks.client.model.ManagementBadge;
import dev.badgeworks.client.model.MemberBadge;
import dev.badgeworks.client.model.ModelImport;
import dev.badgeworks.client.model.Org;
import dev.badgeworks.client.model.OrgInput;
import dev.badgeworks.client.model.OrgMeta;
import dev.badgeworks.client.model.OrgMetaInput;
import dev.badgeworks.client.model.OwnerType;
import dev.badgeworks.client.model.PasswordChangeInput;
import dev.badgeworks.client.model.RedeliverInput;
import dev.badgeworks.client.model.RevokeEarnInput;
import dev.badgeworks.client.model.RevokeIssueInput;
import dev.badgeworks.client.model.RevokeIssueResult;
import dev.badgeworks.client.model.RevokedEarn;
import dev.badgeworks.client.model.Role;
import dev.badgeworks.client.model.TagDefinitionInput;
import dev.badgeworks.client.model.Trigger;
import dev.badgeworks.client.model.TriggerInput;
import dev.badgeworks.client.model.User;
import dev.badgeworks.client.model.UserChangeInput;
import dev.badgeworks.client.model.UserInput;
import dev.badgeworks.client.model.Webhook;
import dev.badgeworks.client.model.WebhookChangeInput;
import dev.badgeworks.client.model.WebhookInput;
import java.io.File;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The test of the OpenAPI document: a Java client generated from it at build time (openapi-generator, java/native,
 * target/generated-test-sources) runs the README's walk-through against a real server through its typed methods and
 * models only. Its JSON mapper is made strict — an unknown field, an enum value the document does not list, a fraction
 * in an integer or a string where a number is declared fails the call — so an operation, model or error shape that
 * differs from what the server answers fails here.
 */
class GeneratedClientIT {

    private static final TriggerInput PROGRAM_42 = new TriggerInput().ownerType(OwnerType.LOYALTY)
            .referenceId(new IdInput("program-42"));

    private Api api;
    private ApiClient client;
    private BadgesApi badges;
    private EarnsApi earns;

    @BeforeEach
    void clientOfAFreshOrg() {
        BadgeworksServer server = BadgeworksServer.shared();
        api = server.admin().newOrg("client");
        client = new ApiClient(ApiClient.createDefaultHttpClientBuilder(), strict(ApiClient.createDefaultObjectMapper()),
                server.baseUri().toString().replaceAll("/$", ""));
        client.setRequestInterceptor(request -> request.header("Authorization", api.authorization()));
        badges = new BadgesApi(client);
        earns = new EarnsApi(client);
    }

    /** Everything the generator leaves lenient, made strict: the document must say exactly what is answered. */
    @SuppressWarnings("deprecation")
    private static ObjectMapper strict(ObjectMapper mapper) {
        // a number where the document declares a string (a name answered as an id, say) is a mismatch too
        mapper.coercionConfigFor(LogicalType.Textual).setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail);
        return mapper.configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, true)
                .configure(DeserializationFeature.FAIL_ON_INVALID_SUBTYPE, true)
                .configure(DeserializationFeature.ACCEPT_FLOAT_AS_INT, false)
                .configure(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES, true)
                .configure(MapperFeature.ALLOW_COERCION_OF_SCALARS, false);
    }

    @Test
    void theServedDocumentIsTheOneThisClientWasGeneratedFrom() throws Exception {
        File served = new DocumentationApi(client).getOpenApiDocument();
        Path source = Path.of(System.getProperty("it.projectDir", "."), "src/main/resources/META-INF/openapi.yaml");
        assertArrayEquals(Files.readAllBytes(source), Files.readAllBytes(served.toPath()));
    }

    @Test
    void theReadmeWalkThroughRunsThroughTheGeneratedClient() throws Exception {
        Instant now = Instant.now();
        // a badge live since 30 days ago (the migration header allows the past start) for a year; active left out
        BadgeInput furryFriend = new BadgeInput().name(Badges.uniqueName("Furry Friend"))
                .description("First pet-food purchase")
                .startOn(new DateInput(BigDecimal.valueOf(now.minus(Duration.ofDays(30)).getEpochSecond())))
                .expiresOnISO(now.plus(Duration.ofDays(365)).toString())
                .earnType(EarnType.EARN)
                .earnedBadgeExpiry(new ExpiryInput().expiryType(ExpiryInput.ExpiryTypeEnum.RELATIVE)
                        .relativeExpirytype(ExpiryInput.RelativeExpirytypeEnum.DAYS).value(new IntegerInput(30)))
                .ownership(new BadgeInputOwnership().restrictedToOwners(List.of(OwnerType.LOYALTY)));
        Badge created = badges.createBadge(furryFriend, "migration").getData();
        String id = created.getId();
        assertEquals(Badge.class, created.getClass());
        assertTrue(created.getActive(), "active defaults to true");
        assertNotNull(created.getCreatedBy(), "createdBy is the user's id");
        assertEquals(api.username(), created.getCreatedByName());
        assertEquals(0, created.getStartOn().scale(), "a whole second is answered as an integer");

        ClaimResult claim = new ClaimsApi(client).claimBadge(id, new ClaimInput().ownerType(OwnerType.LOYALTY)
                .referenceId(new IdInput("program-42"))).getData();
        assertEquals(OwnerType.LOYALTY, claim.getOwnerType());
        assertTrue(claim.getIsActive());

        // live badges claimed by Loyalty that started on or after a plain date, 20 a page
        String monthsAgo = LocalDate.now(ZoneOffset.UTC).minusDays(40).toString();
        var page = badges.listBadges("LIVE", null, null, null, null, OwnerType.LOYALTY, null, null, monthsAgo, null,
                null, null, 0, 20, null).getData();
        assertEquals(List.of(id), page.getMetaBasicDetails().stream().map(Badge::getId).toList());
        assertEquals(1L, page.getPagination().getTotal());

        // a mistake is answered with a code and the field, as the document's error envelope says
        ApiException refused = assertThrows(ApiException.class, () -> new ClaimsApi(client).claimBadge("0".repeat(24),
                new ClaimInput().ownerType(OwnerType.LOYALTY).referenceId(new IdInput("x"))));
        assertEquals(404, refused.getCode());
        ErrorEnvelope notFound = decode(refused, ErrorEnvelope.class);
        assertNull(notFound.getData());
        assertEquals(404, notFound.getErrors().get(0).getCode());
        assertEquals("badgeId", notFound.getErrors().get(0).getReference());

        // the customer earns it; the same request again is 809 with the first earn in data
        EarnInput earn = new EarnInput().badgeMetaId(new IdInput(id)).customerId(new IdInput(90001L))
                .requestId(new IdInput(1001L)).triggeredBy(PROGRAM_42);
        Earn first = earns.earnBadge(earn).getData();
        assertEquals(90001L, first.getCustomerId().getActualInstance());
        assertEquals(1001L, first.getRequestId().getActualInstance());
        assertNull(first.getIssuedId());
        ApiException replay = assertThrows(ApiException.class, () -> earns.earnBadge(earn));
        assertEquals(400, replay.getCode());
        EarnEnvelope repeated = decode(replay, EarnEnvelope.class);
        assertEquals(809, repeated.getErrors().get(0).getCode());
        assertEquals("requestId", repeated.getErrors().get(0).getReference());
        assertEquals(first.getEarnedBadgeId(), repeated.getData().getEarnedBadgeId());

        // back-dated, with a string customer id and request id
        Instant lastWeek = now.minus(Duration.ofDays(7));
        Earn backDated = earns.earnBadge(new EarnInput().badgeMetaId(new IdInput(id)).customerId(new IdInput("90002"))
                .requestId(new IdInput("r-2-" + UUID.randomUUID())).earnEventDateISO(lastWeek.toString())
                .triggeredBy(PROGRAM_42)).getData();
        assertEquals(90002L, backDated.getCustomerId().getActualInstance(), "a whole-number id is answered as a number");
        assertEquals(lastWeek.toEpochMilli(), backDated.getEarnEventDateISO().toInstant().toEpochMilli());

        // one badge for many customers
        EarnBulkResult bulk = earns.earnBadgeBulk(new EarnBulkInput().badgeMetaId(new IdInput(id))
                .customerIds(List.of(new IdInput(90001L), new IdInput(90003L), new IdInput("alice")))
                .requestId(new IdInput("campaign-7")).triggeredBy(PROGRAM_42)).getData();
        assertEquals(3, bulk.getEarnedCount());
        assertEquals("alice", bulk.getEarnedBadgesList().get(2).getCustomerId().getActualInstance());

        // an earn undone at the reference's path and at the published OpenAPI's
        RevokeEarnInput revokeBackDated = new RevokeEarnInput().badgeMetaId(new IdInput(id))
                .customerId(new IdInput("90002")).earnedBadgeId(new IdInput(backDated.getEarnedBadgeId()));
        RevokedEarn revoked = earns.revokeEarnAtPublishedPath(revokeBackDated, null).getData();
        assertFalse(revoked.getIsActive());
        ApiException again = assertThrows(ApiException.class, () -> earns.revokeEarn(revokeBackDated, null));
        assertEquals(814, decode(again, ErrorEnvelope.class).getErrors().get(0).getCode());

        // what the customer has: the member app, the support desk, one badge with its statistics
        CustomerViewsApi views = new CustomerViewsApi(client);
        List<MemberBadge> held = views.getMemberBadges("90001", null, "EARNED", CustomerBadgeSortRank.LAST_EARNED_ON_DATE,
                null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null)
                .getData().getBadges();
        assertEquals(1, held.size());
        assertEquals(2L, held.get(0).getEarnedCount());
        List<ManagementBadge> support = views.getCustomerBadges("90001", null, "EARNED",
                CustomerBadgeSortExpiry.LAST_EARNED_EVENT_DATE, true, "DESC", null, null, null, null, null, null, null,
                null, null, null, null, null, null, null, null).getData().getCustomerBadges();
        assertEquals(2L, support.get(0).getEarnCount());
        BadgeOfCustomer one = views.getCustomerBadge("90001", id, null, true, null, null, null).getData();
        assertEquals(2L, one.getActiveEarnedCount());
        assertEquals(2, one.getEarnDetails().getEarns().size());
        assertEquals(0, new EarnLimitsApi(client).getFixedWindowDetails(id, null, null, null, null, null, null, null,
                null).getData().getFixedWindowCycles().size());

        // earns made elsewhere (a migration), one envelope per element
        List<HistoricalEarnEnvelope> migrated = new HistoricalImportApi(client).importCustomerBadges(List.of(
                new HistoricalEarnInput().badgeMetaId(new IdInput(id)).customerId(new IdInput(90004L))
                        .earnEventDate(new DateInput(BigDecimal.valueOf(lastWeek.getEpochSecond())))
                        .earnExpiresOnISO(now.plus(Duration.ofDays(30)).toString()),
                new HistoricalEarnInput().badgeMetaId(new IdInput("0".repeat(24))).customerId(new IdInput(90004L))
                        .earnExpiresOnISO(now.plus(Duration.ofDays(30)).toString())));
        assertNotNull(migrated.get(0).getData().getEarnedBadgeId());
        assertEquals(1054, migrated.get(1).getErrors().get(0).getCode());

        // a night's file from the org's inbox, imported now
        ImportsApi imports = new ImportsApi(client);
        Path inbox = BadgeworksServer.shared().inbox().resolve(Long.toString(api.orgId()));
        Files.createDirectories(inbox);
        Files.writeString(inbox.resolve("tuesday.csv"), "requestId,badgeMetaId,customerId,earnEventDate,ownerType,referenceId\n"
                + "pos-1001," + id + ",90005," + now.minus(Duration.ofDays(2)) + ",LOYALTY,program-42\n"
                + "pos-1002," + id + ",90006," + now.minus(Duration.ofDays(1)).getEpochSecond() + ",Loyalty,program-42\n"
                + "pos-1003," + id + ",90007,yesterday,Loyalty,program-42\n");
        ModelImport started = imports.submitImport(new InboxImportInput().path("tuesday.csv"), null).getData();
        ModelImport done = awaitEnd(imports, started.getId());
        assertEquals(ModelImport.StatusEnum.COMPLETED, done.getStatus(), done.toString());
        assertEquals(2L, done.getRowsEarned());
        assertEquals(Map.of("1104", 1L), done.getErrorCounts());
        assertTrue(imports.listImports(0, 10).getData().getImports().stream().anyMatch(i -> i.getId().equals(done.getId())));
        ApiException restart = assertThrows(ApiException.class, () -> imports.restartImport(done.getId()));
        assertEquals(1132, decode(restart, ErrorEnvelope.class).getErrors().get(0).getCode());

        // the badge changed with PUT, deactivated, activated; the claim withdrawn
        Badge updated = badges.updateBadge(new BadgeUpdateInput().id(new IdInput(id)).name(created.getName())
                .description("Now with a longer description").startOn(new DateInput(created.getStartOn()))
                .expiresOn(new DateInput(created.getExpiresOn())).earnType(EarnType.EARN)
                .earnedBadgeExpiry(furryFriend.getEarnedBadgeExpiry()).ownership(furryFriend.getOwnership()), null)
                .getData();
        assertEquals("Now with a longer description", updated.getDescription());
        assertTrue(updated.getActive(), "an update without active keeps the badge's activation");
        assertEquals(created.getCreatedBy(), updated.getLastUpdatedBy());
        assertFalse(badges.setBadgeActivation(id, "deactivate").getData().getIsActive());
        assertTrue(badges.setBadgeActivation(id, "activate").getData().getIsActive());
        assertEquals(id, badges.getBadge(id).getData().getId());
        assertFalse(new ClaimsApi(client).unclaimBadge(id, new ClaimInput().ownerType(OwnerType.LOYALTY)
                .referenceId(new IdInput("program-42"))).getData().getIsActive());
    }

    @Test
    void enrolmentsRunThroughTheGeneratedClient() throws Exception {
        Instant now = Instant.now();
        BadgeInput challenge = new BadgeInput().name(Badges.uniqueName("Spring Challenge"))
                .startOn(new DateInput(BigDecimal.valueOf(now.getEpochSecond())))
                .expiresOn(new DateInput(BigDecimal.valueOf(now.plus(Duration.ofDays(90)).getEpochSecond())))
                .earnType(EarnType.ISSUE_EARN)
                .earnedBadgeExpiry(new ExpiryInput().expiryType(ExpiryInput.ExpiryTypeEnum.ABSOLUTE)
                        .type(ExpiryInput.TypeEnum.WITH_BADGE_META))
                .issuedBadgeExpiry(new ExpiryInput().expiryType(ExpiryInput.ExpiryTypeEnum.RELATIVE)
                        .relativeExpirytype(ExpiryInput.RelativeExpirytypeEnum.MONTHS).value(new IntegerInput(1)))
                .ownership(new BadgeInputOwnership().restrictedToOwners(List.of(OwnerType.LOYALTY, OwnerType.JOURNEYS)));
        String id = badges.createBadge(challenge, null).getData().getId();
        new ClaimsApi(client).claimBadge(id, new ClaimInput().ownerType(OwnerType.LOYALTY)
                .referenceId(new IdInput("program-42")));

        EnrolmentsApi enrolments = new EnrolmentsApi(client);
        EnrolResult enrolled = enrolments.issueBulk(new IssueBulkInput().badgeMetaId(new IdInput(id))
                .customers(List.of(new IdInput(91001L), new IdInput(91002L), new IdInput(91001L)))
                .requestId(new IdInput("enrol-" + UUID.randomUUID())).triggeredBy(PROGRAM_42)).getData();
        assertEquals(2, enrolled.getIssuedBadges().size(), "a customer named twice is enrolled once");
        String issuedId = enrolled.getIssuedBadges().get(0).getIssuedId();

        EnrolResult withoutRequestId = enrolments.issueBulk(new IssueBulkInput().badgeMetaId(new IdInput(id))
                .customers(List.of(new IdInput("carol"))).triggeredBy(PROGRAM_42)).getData();
        assertNull(withoutRequestId.getRequestId());
        assertEquals("carol", withoutRequestId.getIssuedBadges().get(0).getCustomerId().getActualInstance());

        Earn earned = earns.earnBadge(new EarnInput().badgeMetaId(new IdInput(id)).customerId(new IdInput(91001L))
                .requestId(new IdInput("e-" + UUID.randomUUID())).triggeredBy(PROGRAM_42)).getData();
        assertEquals(issuedId, earned.getIssuedId());

        RevokeIssueResult revoked = enrolments.revokeIssue(new RevokeIssueInput().badgeMetaId(new IdInput(id))
                .customers(List.of(new IdInput(91002L)))).getData();
        assertEquals(91002L, revoked.getRevokedIssuedBadges().get(0).getCustomerId().getActualInstance());
        ApiException notEnrolled = assertThrows(ApiException.class, () -> earns.earnBadge(new EarnInput()
                .badgeMetaId(new IdInput(id)).customerId(new IdInput(91002L))
                .requestId(new IdInput("e-" + UUID.randomUUID())).triggeredBy(PROGRAM_42)));
        assertEquals(409, notEnrolled.getCode());
        assertEquals(811, decode(notEnrolled, ErrorEnvelope.class).getErrors().get(0).getCode());
    }

    @Test
    void administrationRunsThroughTheGeneratedClient() throws Exception {
        ApiClient operator = new ApiClient(ApiClient.createDefaultHttpClientBuilder(),
                strict(ApiClient.createDefaultObjectMapper()), client.getBaseUri());
        String operatorAuth = BadgeworksServer.shared().admin().authorization();
        operator.setRequestInterceptor(request -> request.header("Authorization", operatorAuth));
        AdministrationApi admin = new AdministrationApi(operator);

        String suffix = UUID.randomUUID().toString().substring(0, 8);
        Org org = admin.createOrg(new OrgInput().name("generated-" + suffix)).getData();
        assertTrue(admin.listOrgs().getData().stream().anyMatch(o -> o.getId().equals(org.getId())));
        User user = admin.createUser(org.getId(), new UserInput().username(new IdInput("generated-user-" + suffix))
                .password("first-password-" + suffix)).getData();
        assertEquals(Role.USER, user.getRole());
        assertEquals(user.getId(), admin.getUser(org.getId(), user.getId()).getData().getId());
        assertEquals(1, admin.listUsers(org.getId()).getData().size());

        // the user changes its own password, then the operator disables and deletes it
        ApiClient own = new ApiClient(ApiClient.createDefaultHttpClientBuilder(),
                strict(ApiClient.createDefaultObjectMapper()), client.getBaseUri());
        String ownAuth = "Basic " + Base64.getEncoder().encodeToString(("generated-user-" + suffix
                + ":first-password-" + suffix).getBytes(StandardCharsets.UTF_8));
        own.setRequestInterceptor(request -> request.header("Authorization", ownAuth));
        new AccountApi(own).changeOwnPassword(new PasswordChangeInput().currentPassword("first-password-" + suffix)
                .newPassword("second-password-" + suffix));
        assertTrue(admin.changeUser(org.getId(), user.getId(), new UserChangeInput().disabled(new BooleanInput(true)))
                .getData().getDisabled());
        admin.deleteUser(org.getId(), user.getId());
        ApiException gone = assertThrows(ApiException.class, () -> admin.getUser(org.getId(), user.getId()));
        assertEquals(1113, decode(gone, ErrorEnvelope.class).getErrors().get(0).getCode());

        assertTrue(admin.getMetrics().contains("badgeworks_"), "Prometheus text");
        assertNotNull(new ImportsApi(client).scanInbox().getData());
        ApiException unknownImport = assertThrows(ApiException.class,
                () -> new ImportsApi(client).stopImport("0".repeat(24)));
        assertEquals(1130, decode(unknownImport, ErrorEnvelope.class).getErrors().get(0).getCode());

        // the historical import with PUT, as the reference's prose names the method
        List<HistoricalEarnEnvelope> refused = new HistoricalImportApi(client).importCustomerBadgesWithPut(List.of(
                new HistoricalEarnInput().badgeMetaId(new IdInput("0".repeat(24))).customerId(new IdInput(1L))
                        .earnExpiresOn(new DateInput("2030-01-01T00:00:00Z"))));
        assertEquals(1054, refused.get(0).getErrors().get(0).getCode());
    }

    @Test
    void webhooksRunThroughTheGeneratedClient() throws Exception {
        // webhooks are an org admin's: one for the client's org, made by the platform operator
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        String operatorAuth = BadgeworksServer.shared().admin().authorization();
        new AdministrationApi(clientWith(operatorAuth)).createUser(api.orgId(), new UserInput()
                .username(new IdInput("webhook-admin-" + suffix)).password("webhook-admin-password-" + suffix)
                .role(Role.ORG_ADMIN));
        WebhooksApi webhooks = new WebhooksApi(clientWith("Basic " + Base64.getEncoder().encodeToString(
                ("webhook-admin-" + suffix + ":webhook-admin-password-" + suffix).getBytes(StandardCharsets.UTF_8))));
        ApiException plainUser = assertThrows(ApiException.class, () -> new WebhooksApi(client).listWebhooks());
        assertEquals(403, decode(plainUser, ErrorEnvelope.class).getErrors().get(0).getCode());

        Instant now = Instant.now();
        String badgeId = badges.createBadge(new BadgeInput().name(Badges.uniqueName("Hooked"))
                .startOn(new DateInput(BigDecimal.valueOf(now.getEpochSecond())))
                .expiresOn(new DateInput(BigDecimal.valueOf(now.plus(Duration.ofDays(90)).getEpochSecond())))
                .earnType(EarnType.ISSUE_EARN)
                .earnedBadgeExpiry(new ExpiryInput().expiryType(ExpiryInput.ExpiryTypeEnum.ABSOLUTE)
                        .type(ExpiryInput.TypeEnum.WITH_BADGE_META))
                .issuedBadgeExpiry(new ExpiryInput().expiryType(ExpiryInput.ExpiryTypeEnum.RELATIVE)
                        .relativeExpirytype(ExpiryInput.RelativeExpirytypeEnum.MONTHS).value(new IntegerInput(1)))
                .ownership(new BadgeInputOwnership().restrictedToOwners(List.of(OwnerType.LOYALTY))), null)
                .getData().getId();
        new ClaimsApi(client).claimBadge(badgeId, new ClaimInput().ownerType(OwnerType.LOYALTY)
                .referenceId(new IdInput("program-42")));

        try (Receiver receiver = new Receiver()) {
            Webhook created = webhooks.createWebhook(new WebhookInput().url(receiver.url())).getData();
            String id = created.getId();
            assertEquals(64, created.getSecret().length(), "a generated secret, in this answer only");
            assertEquals(List.of(EventType.BADGE_EARNED, EventType.BADGE_EARN_REVOKED, EventType.BADGE_ISSUED,
                    EventType.BADGE_ISSUE_REVOKED), created.getEventTypes(), "all but badgeProgressed by default");
            assertEquals(1, created.getBatchSize());
            assertTrue(created.getActive());
            assertNull(webhooks.getWebhook(id).getData().getSecret());
            assertEquals(List.of(id), webhooks.listWebhooks().getData().stream().map(Webhook::getId).toList());
            ApiException badBatch = assertThrows(ApiException.class, () -> webhooks.createWebhook(new WebhookInput()
                    .url(receiver.url()).batchSize(new IntegerInput(0))));
            ErrorEnvelope refused = decode(badBatch, ErrorEnvelope.class);
            assertEquals(1105, refused.getErrors().get(0).getCode());
            assertEquals("batchSize", refused.getErrors().get(0).getReference());

            // each of the four events, delivered and listed as the receiver got it
            String requestId = "enrol-" + UUID.randomUUID();
            String issualId = new EnrolmentsApi(client).issueBulk(new IssueBulkInput().badgeMetaId(new IdInput(badgeId))
                    .customers(List.of(new IdInput(92001L))).requestId(new IdInput(requestId)).triggeredBy(PROGRAM_42))
                    .getData().getIssuedBadges().get(0).getIssuedId();
            String earnId = earns.earnBadge(new EarnInput().badgeMetaId(new IdInput(badgeId))
                    .customerId(new IdInput(92001L)).requestId(new IdInput("e-" + suffix)).triggeredBy(PROGRAM_42))
                    .getData().getEarnedBadgeId();
            earns.revokeEarn(new RevokeEarnInput().badgeMetaId(new IdInput(badgeId)).customerId(new IdInput(92001L))
                    .earnedBadgeId(new IdInput(earnId)), null);
            new EnrolmentsApi(client).revokeIssue(new RevokeIssueInput().badgeMetaId(new IdInput(badgeId))
                    .customers(List.of(new IdInput(92001L))));
            receiver.await(e -> e.size() >= 4, 20_000);
            List<Delivery> delivered = awaitDelivered(webhooks, id, 4);
            assertEquals(4, delivered.size(), delivered.toString());
            Map<EventType, BadgeEvent> events = delivered.stream().map(Delivery::getEvent)
                    .collect(Collectors.toMap(BadgeEvent::getEventName, Function.identity()));
            assertEquals(receiver.events().stream().map(e -> e.getString("eventId")).collect(Collectors.toSet()),
                    delivered.stream().map(Delivery::getEventId).collect(Collectors.toSet()));

            BadgeEvent issued = events.get(EventType.BADGE_ISSUED);
            assertEquals(api.orgId() + "_" + issualId, issued.getRefId());
            assertEquals(requestId, issued.getApiRequestId());
            assertNull(issued.getLoyaltyEventId());
            assertEquals(92001L, issued.getData().getCustomerIdentifiers().getCustomerId().getActualInstance());
            assertNotNull(issued.getData().getIssuedOn());
            BadgeEventData earned = events.get(EventType.BADGE_EARNED).getData();
            assertEquals(earnId, earned.getEarnId());
            assertEquals(issualId, earned.getIssualId());
            assertEquals(BadgeEventData.SourceEnum.LIVE, earned.getSource());
            assertEquals(OwnerType.LOYALTY, earned.getOwnerType());
            assertNull(earned.getImportId());
            assertNull(events.get(EventType.BADGE_EARN_REVOKED).getApiRequestId());
            assertNotNull(events.get(EventType.BADGE_EARN_REVOKED).getData().getRevokedOn());
            assertEquals(issualId, events.get(EventType.BADGE_ISSUE_REVOKED).getData().getIssualId());
            var status = webhooks.getWebhook(id).getData().getStatus();
            assertNotNull(status.getLastSuccessOnISO());
            assertEquals(0L, status.getFailuresInRow());
            assertEquals(0L, status.getBacklog());

            // changed, nothing dead to redeliver, deleted; then it is not found
            Webhook changed = webhooks.updateWebhook(id, new WebhookChangeInput().active(new BooleanInput(false))
                    .batchSize(new IntegerInput(10))).getData();
            assertFalse(changed.getActive());
            assertEquals(10, changed.getBatchSize());
            assertEquals(receiver.url(), changed.getUrl(), "what is not sent stays");
            assertEquals(0, webhooks.redeliverWebhookDeliveries(id, new RedeliverInput()).getData().getRedelivered());
            assertEquals(0, webhooks.redeliverWebhookDeliveries(id, new RedeliverInput()
                    .eventIds(List.of(new IdInput(UUID.randomUUID().toString())))).getData().getRedelivered());
            assertEquals(id, webhooks.deleteWebhook(id).getData().getId());
            ApiException gone = assertThrows(ApiException.class, () -> webhooks.listWebhookDeliveries(id, null, 0, 10));
            ErrorEnvelope notFound = decode(gone, ErrorEnvelope.class);
            assertEquals(1150, notFound.getErrors().get(0).getCode());
            assertEquals("webhookId", notFound.getErrors().get(0).getReference());
        }
    }

    @Test
    void activitiesRunThroughTheGeneratedClient() throws Exception {
        Instant now = Instant.now();
        EarnRuleInput twoPurchases = new EarnRuleInput().activity("TransactionAdd")
                .addConditionsItem(new RuleCondition().attribute("amount").operator(RuleCondition.OperatorEnum.GE)
                        .value(new BadgeInputCustomFieldsValue(BigDecimal.valueOf(50))))
                .measure(new EarnRuleInputMeasure("COUNT")).target(new EarnRuleInputTarget(BigDecimal.valueOf(2)))
                .triggeredBy(new Trigger().ownerType(OwnerType.MILESTONES).referenceId("rule-7"));
        String id = badges.createBadge(new BadgeInput().name(Badges.uniqueName("Two purchases"))
                .startOn(new DateInput(BigDecimal.valueOf(now.minus(Duration.ofDays(1)).getEpochSecond())))
                .expiresOn(new DateInput(BigDecimal.valueOf(now.plus(Duration.ofDays(90)).getEpochSecond())))
                .earnType(EarnType.EARN)
                .earnedBadgeExpiry(new ExpiryInput().expiryType(ExpiryInput.ExpiryTypeEnum.ABSOLUTE)
                        .type(ExpiryInput.TypeEnum.WITH_BADGE_META))
                .ownership(new BadgeInputOwnership().restrictedToOwners(List.of(OwnerType.MILESTONES)))
                .earnRule(twoPurchases), "migration").getData().getId();
        new ClaimsApi(client).claimBadge(id, new ClaimInput().ownerType(OwnerType.MILESTONES)
                .referenceId(new IdInput("rule-7")));

        ActivitiesApi activities = new ActivitiesApi(client);
        String customer = "gen-" + UUID.randomUUID();
        ActivityAnswer last = null;
        for (int i = 0; i < 2; i++) {
            last = activities.recordActivity(new ActivityInput().requestId(new IdInput("g-" + i + customer))
                    .customerId(new IdInput(customer)).activity("TransactionAdd")
                    .eventDateISO(now.minusSeconds(10 - i).toString())
                    .putAttributesItem("amount", new ActivityInputAttributesValue(BigDecimal.valueOf(60)))).getData();
        }
        ActivityAnswerRulesInner rule = last.getRules().stream().filter(r -> r.getBadgeMetaId().equals(id)).findFirst()
                .orElseThrow();
        assertEquals(ActivityAnswerRulesInnerEarnsInner.StatusEnum.EARNED, rule.getEarns().get(0).getStatus());
        CustomerProgressRulesInner progress = activities.getCustomerProgress(customer, null).getData().getRules()
                .stream().filter(r -> r.getBadgeMetaId().equals(id)).findFirst().orElseThrow();
        assertEquals(1, progress.getCompletions());
        assertTrue(progress.getProgress().getFinished());
        Simulation simulated = activities.simulateEarnRule(new SimulateEarnRuleRequest().earnRule(twoPurchases)
                .fromISO(now.minus(Duration.ofDays(1)).toString())
                .customerIds(List.of(new IdInput(customer)))).getData();
        assertEquals(1, simulated.getEarns());
    }

    @Test
    void groupsCustomFieldsAndOrgMetaRunThroughTheGeneratedClient() throws Exception {
        GroupsApi groups = new GroupsApi(client);
        Group gold = groups.createGroup(new GroupInput().name("Gold").rank(new IntegerInput(1))).getData();
        assertTrue(gold.getIsActive());
        assertEquals("Levels", groups.updateGroup(gold.getId(), new GroupInput().name("Levels")
                .rank(new IntegerInput("2"))).getData().getName());
        assertEquals(3, groups.updateGroupByPost(gold.getId(), new GroupInput().name("Levels")
                .rank(new IntegerInput(3))).getData().getRank());
        assertEquals(4, groups.updateGroupAtLegacyPath(gold.getId(), new GroupInput().name("Levels")
                .rank(new IntegerInput(4))).getData().getRank());
        assertEquals("Levels", groups.getGroup(gold.getId()).getData().getName());
        assertEquals(List.of(gold.getId()), groups.listGroups("ASC", 0, 10).getData().getBadgeGroups().stream()
                .map(Group::getId).toList());
        ApiException taken = assertThrows(ApiException.class, () -> groups.createGroup(new GroupInput().name("Levels")
                .rank(new IntegerInput(1))));
        assertEquals(733, decode(taken, ErrorEnvelope.class).getErrors().get(0).getCode());

        CustomFieldsApi fields = new CustomFieldsApi(client);
        CustomField tier = fields.createCustomField(new CustomFieldInput().name("Tier").dataType(DataType.INTEGER)
                .isMandatory(new BooleanInput(true)).defaultValue(new CustomFieldInputDefaultValue("1"))).getData();
        assertEquals("1", tier.getDefaultValue());
        assertEquals(DataType.INTEGER, fields.getCustomField(tier.getId()).getData().getDataType());
        assertEquals("2", fields.updateCustomField(tier.getId(), new CustomFieldInput().name("Tier")
                .dataType(DataType.INTEGER).isMandatory(new BooleanInput("true"))
                .defaultValue(new CustomFieldInputDefaultValue(BigDecimal.valueOf(2)))).getData().getDefaultValue());
        assertEquals(1L, fields.listCustomFields("LAST_UPDATED_DATE", "DESC", 0, 10).getData().getPagination()
                .getTotal());

        OrgMetaApi orgMeta = new OrgMetaApi(client);
        OrgMeta meta = orgMeta.createOrgMeta(new OrgMetaInput().tags(List.of(new TagDefinitionInput().key("region")
                .dataType(DataType.STRING).mandatory(new BooleanInput(true))))).getData();
        assertTrue(meta.getTags().get(0).getMandatory());
        ApiException twice = assertThrows(ApiException.class, () -> orgMeta.createOrgMeta(new OrgMetaInput()
                .tags(List.of())));
        assertEquals(409, twice.getCode());
        assertEquals(999999, decode(twice, ErrorEnvelope.class).getErrors().get(0).getCode());
        assertEquals("level", orgMeta.updateOrgMeta(new OrgMetaInput().tags(List.of(new TagDefinitionInput()
                .key("level").dataType(DataType.INTEGER)))).getData().getTags().get(0).getKey());
        assertEquals(DataType.INTEGER, orgMeta.getOrgMeta().getData().getTags().get(0).getDataType());

        Instant now = Instant.now();
        Badge grouped = badges.createBadge(new BadgeInput().name(Badges.uniqueName("Grouped"))
                .startOn(new DateInput(BigDecimal.valueOf(now.getEpochSecond())))
                .expiresOnISO(now.plus(Duration.ofDays(30)).toString()).earnType(EarnType.EARN)
                .earnedBadgeExpiry(new ExpiryInput().expiryType(ExpiryInput.ExpiryTypeEnum.NEVER))
                .ownership(new BadgeInputOwnership().restrictedToOwners(List.of(OwnerType.LOYALTY)))
                .badgeGroupId(new IdInput(gold.getId())).badgeRank(new IntegerInput(1)), null).getData();
        assertEquals("Levels", grouped.getBadgeGroupName());
        assertEquals("2", grouped.getCustomFields().get("Tier"), "the mandatory field's default");
    }

    private ApiClient clientWith(String authorization) {
        ApiClient other = new ApiClient(ApiClient.createDefaultHttpClientBuilder(),
                strict(ApiClient.createDefaultObjectMapper()), client.getBaseUri());
        other.setRequestInterceptor(request -> request.header("Authorization", authorization));
        return other;
    }

    private static List<Delivery> awaitDelivered(WebhooksApi webhooks, String id, int count) throws Exception {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(20));
        while (true) {
            List<Delivery> delivered = webhooks.listWebhookDeliveries(id, DeliveryStatus.DELIVERED, 0, 500).getData();
            if (delivered.size() >= count || Instant.now().isAfter(deadline)) {
                return delivered;
            }
            Thread.sleep(200);
        }
    }

    private <T> T decode(ApiException e, Class<T> type) throws IOException {
        return client.getObjectMapper().readValue(e.getResponseBody(), type);
    }

    private static ModelImport awaitEnd(ImportsApi imports, String importId) throws Exception {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
        while (true) {
            ModelImport current = imports.getImport(importId).getData();
            boolean running = current.getStatus() == ModelImport.StatusEnum.RUNNING
                    || current.getStatus() == ModelImport.StatusEnum.STOPPING;
            if (!running || Instant.now().isAfter(deadline)) {
                return current;
            }
            Thread.sleep(200);
        }
    }
}
