package dev.badgeworks.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.io.File;
import java.io.IOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The console (issue 30) in a real browser: Debian's Chromium, headless, driven through its chromedriver, against the
 * running server — as a support agent and a program manager use it. A screenshot of each page is kept under
 * {@code target/console-screenshots/<database>/}.
 */
class ConsoleIT {

    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    static final String HOSTILE = "<img src=x onerror=\"window.pwned=1\">Hostile";

    static WebDriver browser;
    static WebDriverWait wait;
    static Path shots;
    static Path downloads;

    static BadgeworksServer server;
    static Api api;
    static String username;
    static String password;

    @BeforeAll
    static void start() throws IOException {
        assertTrue(Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER),
                "the browser tests need Debian's chromium and chromium-driver (apt-get install chromium"
                        + " chromium-driver; .ci/run installs them)");
        String db = BadgeworksServer.onPostgres() ? "postgres" : "h2";
        Path target = Path.of(System.getProperty("it.projectDir", "."), "target");
        shots = Files.createDirectories(target.resolve("console-screenshots").resolve(db));
        downloads = Files.createDirectories(target.resolve("console-downloads").resolve(db));
        try (var old = Files.list(downloads)) {
            for (Path f : old.toList()) {
                Files.delete(f);
            }
        }
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--window-size=1280,900");
        options.setExperimentalOption("prefs", Map.of("download.default_directory", downloads.toString(),
                "download.prompt_for_download", false));
        browser = new ChromeDriver(new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
                .build(), options);
        // pages re-render as answers arrive: an element read while it was replaced is read again
        wait = new WebDriverWait(browser, Duration.ofSeconds(30));
        wait.ignoring(StaleElementReferenceException.class);

        server = BadgeworksServer.shared();
        Api operator = server.admin();
        api = operator.newOrg("console");
        username = "console-" + UUID.randomUUID().toString().substring(0, 8);
        password = "console-password-" + UUID.randomUUID();
        operator.post("admin/orgs/" + api.orgId() + "/users", "{\"username\":\"" + username + "\",\"password\":\""
                + password + "\",\"role\":\"ORG_ADMIN\"}").expect(201);
    }

    /** Where each test left the browser (the page a failure was on), with what the page logged. */
    @AfterEach
    void lastPage(TestInfo test) throws IOException {
        String name = test.getTestMethod().map(m -> m.getName()).orElse("test");
        shot("last-" + name);
        Files.writeString(shots.resolve("last-" + name + ".html"), browser.getPageSource());
    }

    @AfterAll
    static void stop() {
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    void aSupportAgentSignsInCreatesABadgeImportsAFileAndRevokesAnEarn() throws Exception {
        String coffee = Badges.createClaimed(api, Badges.earnBadge(Badges.uniqueName("Coffee Lover")), "Loyalty",
                "program-1");
        signIn();
        shot("overview");
        browser.get(server.baseUri() + "console/#/badges");
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#badge-list table")));
        shot("badges");
        JavascriptExecutor js = (JavascriptExecutor) browser;
        assertEquals("{}{}", js.executeScript("return JSON.stringify(localStorage) + JSON.stringify(sessionStorage)"),
                "no credentials in storage");
        assertEquals("", js.executeScript("return document.cookie"), "no cookie to ride on");
        assertFalse(browser.getCurrentUrl().contains(password));

        // a badge whose name is markup shows as text and runs nothing
        WebElement form = browser.findElement(By.id("new-badge"));
        type(form, "name", HOSTILE);
        type(form, "reference", "program-1");
        form.findElement(By.cssSelector("button[type=submit]")).click();
        WebElement hostile = wait.until(d -> d.findElements(By.cssSelector("#badge-list .badge-name")).stream()
                .filter(e -> e.getText().equals(HOSTILE)).findFirst().orElse(null));
        assertEquals(HOSTILE, hostile.getText());
        assertTrue(browser.findElements(By.cssSelector("#badge-list img")).isEmpty(), "no element made from the name");
        assertNull(js.executeScript("return window.pwned"), "the name's script never ran");
        shot("badge-created");
        String created = api.get("badgeMeta?name=Hostile").expect(200).data().getJsonArray("metaBasicDetails")
                .getJsonObject(0).getString("id");
        assertEquals("program-1", api.get("badgeMeta/" + created).expect(200).data().getJsonObject("ownership")
                .getJsonArray("claims").getJsonObject(0).getString("referenceId"), "claimed by the form");

        // a file with a bad row: the bar reaches 100 %, the reject shows its line, the rejects file downloads
        StringBuilder file = new StringBuilder(
                "requestId,badgeMetaId,customerId,earnEventDate,ownerType,referenceId\n");
        Instant now = Instant.now();
        file.append("r-1,").append(coffee).append(",c1,").append(now).append(",Loyalty,program-1\n");
        file.append("r-2,").append(coffee).append(",c2,yesterday,Loyalty,program-1\n");
        for (int i = 3; i <= 3000; i++) {
            file.append("r-").append(i).append(',').append(coffee).append(",c").append(i).append(',').append(now)
                    .append(",Loyalty,program-1\n");
        }
        Path upload = Files.writeString(Files.createTempDirectory("console").resolve("nightly.csv"), file);
        browser.get(server.baseUri() + "console/#/imports");
        WebElement chooser = wait.until(ExpectedConditions.presenceOfElementLocated(
                By.cssSelector("#upload input[type=file]")));
        chooser.sendKeys(upload.toAbsolutePath().toString());
        browser.findElement(By.cssSelector("#upload button[type=submit]")).click();
        WebElement bar = wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("progress.progress")));
        wait.until(d -> "100".equals(bar.getDomProperty("value"))
                && d.findElement(By.id("import-progress-label")).getText().startsWith("COMPLETED"));
        assertEquals("100 %", bar.getDomAttribute("aria-valuetext").replace(".0", ""));
        WebElement rejects = wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#rejects table")));
        List<WebElement> cells = rejects.findElements(By.cssSelector("tbody tr td"));
        assertEquals("3", cells.get(0).getText(), "the reject's line number (the header is line 1)");
        assertEquals("1104", cells.get(1).getText());
        assertEquals("earnEventDate", cells.get(2).getText());
        assertTrue(browser.findElement(By.cssSelector(".figures")).getText().contains("2999"), "rows earned shown");
        shot("import");
        browser.findElement(By.id("download-rejects")).click();
        Path rejectsFile = waitForDownload();
        String csv = Files.readString(rejectsFile, StandardCharsets.UTF_8);
        assertTrue(csv.startsWith("line,code,reference,reason,original"), csv);
        assertTrue(csv.contains("\n3,1104,earnEventDate,"), csv);

        // the customer: look up, revoke the earn the file made
        browser.get(server.baseUri() + "console/#/customers");
        WebElement lookup = wait.until(ExpectedConditions.presenceOfElementLocated(By.name("customerId")));
        lookup.sendKeys("c1", Keys.ENTER);
        WebElement revoke = wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("button.revoke")));
        shot("customer");
        revoke.click();
        browser.switchTo().alert().accept();
        wait.until(d -> d.findElements(By.cssSelector(".customer-badge td")).stream()
                .anyMatch(e -> e.getText().equals("REVOKED")));
        JsonObject earns = api.get("management/c1/badge/" + coffee + "?includeStatistics=true").expect(200).data();
        assertEquals("REVOKED", earns.getJsonObject("earnDetails").getJsonArray("earns").getJsonObject(0)
                .getString("earnStatus"), "revoked through the API the console called");

        // a goodwill earn clicked twice earns once
        browser.get(server.baseUri() + "console/#/customers/goodwill-1");
        WebElement goodwill = wait.until(ExpectedConditions.presenceOfElementLocated(By.id("goodwill")));
        new Select(goodwill.findElement(By.name("badgeMetaId"))).selectByValue(coffee);
        type(goodwill, "referenceId", "program-1");
        WebElement earn = goodwill.findElement(By.cssSelector("button[type=submit]"));
        js.executeScript("arguments[0].click(); arguments[0].click();", earn);
        wait.until(d -> d.findElements(By.cssSelector("button.revoke")).size() >= 1);
        Thread.sleep(500);
        assertEquals(1, api.get("management/goodwill-1/badge/" + coffee + "?includeStatistics=true").expect(200)
                .data().getJsonObject("earnDetails").getInt("earnCount"), "one earn for a double click");
    }

    @Test
    void theConsoleFitsAPhoneAndSignOutForgetsTheCredentials() throws IOException {
        signIn();
        try {
            browser.manage().window().setSize(new Dimension(390, 844));
            browser.get(server.baseUri() + "console/#/imports");
            wait.until(ExpectedConditions.presenceOfElementLocated(By.id("upload")));
            String badge = Badges.createClaimed(api, Badges.earnBadge(Badges.uniqueName("Narrow")), "Loyalty", "p");
            for (String page : List.of("overview", "badges", "badges/" + badge, "imports", "customers", "webhooks")) {
                browser.get(server.baseUri() + "console/#/" + page);
                wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("main h1")));
                long width = (Long) ((JavascriptExecutor) browser).executeScript(
                        "return document.documentElement.scrollWidth");
                assertTrue(width <= 390, page + " is " + width + " px wide at 390");
                shot(page.replace('/', '-') + "-390px");
            }
        } finally {
            browser.manage().window().setSize(new Dimension(1280, 900));
        }
        browser.findElement(By.id("sign-out")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.name("password")));
        browser.get(server.baseUri() + "console/#/badges");
        browser.navigate().refresh();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.name("password")));
        assertTrue(browser.findElements(By.id("badge-list")).isEmpty(), "signed out: no page without signing in");
        shot("signed-out");
    }

    /**
     * What the console stands on, as any client sees it: its files with their headers and nothing else under
     * /console, who is calling, an import's rejects as pages and as the rejects file (another org's import unknown),
     * and a 401 without the Basic challenge for scripts.
     */
    @Test
    void theConsolesFilesAndTheApiItUsesAnswerAsDocumented() throws Exception {
        HttpResponse<String> page = plain(HttpRequest.newBuilder(server.baseUri().resolve("console/")));
        assertEquals(200, page.statusCode());
        assertTrue(page.headers().firstValue("Content-Security-Policy").orElse("").contains("script-src 'self'"));
        assertEquals("DENY", page.headers().firstValue("X-Frame-Options").orElse(""));
        assertFalse(page.body().contains("<script>") || page.body().contains(" style="), "no inline script or style");
        assertEquals(303, plain(HttpRequest.newBuilder(server.baseUri().resolve("console"))).statusCode());
        for (String other : List.of("console/x.txt", "console/js/../../openapi.yaml.js", "console/WEB-INF/web.js",
                "console/js/nope.js")) {
            assertEquals(404, plain(HttpRequest.newBuilder(server.baseUri().resolve(other))).statusCode(), other);
        }
        HttpResponse<String> script = plain(HttpRequest.newBuilder(server.baseUri()
                .resolve("api_gateway/v1/badges/account")).header("X-Requested-With", "badgeworks-console"));
        assertEquals(401, script.statusCode());
        assertTrue(script.headers().firstValue("WWW-Authenticate").orElse("").startsWith("Console "),
                "no Basic challenge, so no browser dialog");

        JsonObject me = api.as(username, password).get("account").expect(200).data();
        assertEquals(username, me.getString("username"));
        assertEquals("ORG_ADMIN", me.getString("role"));
        assertEquals(api.orgId(), me.getJsonNumber("orgId").longValue());

        StringBuilder file = new StringBuilder(
                "requestId,badgeMetaId,customerId,earnEventDate,ownerType,referenceId\n");
        for (int i = 1; i <= 5; i++) {
            file.append("x-").append(i).append(",no-such-badge-").append(i).append(",c").append(i).append(',')
                    .append(Instant.now()).append(",Loyalty,program-1\n");
        }
        String id = Imports.upload(api, "bad.csv", "text/csv", file.toString());
        Imports.await(api, id, Duration.ofSeconds(60), "COMPLETED");
        JsonObject first = api.get("imports/" + id + "/rejects?size=3").expect(200).data();
        assertEquals(List.of(2, 3, 4), first.getJsonArray("rejects").stream()
                .map(r -> r.asJsonObject().getInt("line")).toList());
        assertEquals(4, first.getInt("nextAfterLine"));
        JsonObject rest = api.get("imports/" + id + "/rejects?size=3&afterLine=4").expect(200).data();
        assertEquals(List.of(5, 6), rest.getJsonArray("rejects").stream()
                .map(r -> r.asJsonObject().getInt("line")).toList());
        assertTrue(rest.isNull("nextAfterLine"));
        assertEquals("badgeMetaId", rest.getJsonArray("rejects").getJsonObject(0).getString("reference"));
        api.get("imports/" + id + "/rejects?size=0").expectError(400, 1105, "size");
        HttpResponse<String> csv = plain(HttpRequest.newBuilder(server.baseUri()
                .resolve("api_gateway/v1/badges/imports/" + id + "/rejects.csv")).header("Authorization",
                api.authorization()));
        assertEquals(200, csv.statusCode());
        assertTrue(csv.headers().firstValue("Content-Disposition").orElse("").startsWith("attachment"));
        assertEquals(6, csv.body().lines().count(), "the header and five rejects: " + csv.body());
        assertTrue(csv.body().lines().skip(1).allMatch(l -> l.matches("[2-6],\\d+,badgeMetaId,.*")), csv.body());
        Api stranger = server.admin().newOrg("console-stranger");
        stranger.get("imports/" + id + "/rejects").expectError(404, 1130, "importId");
        assertEquals(404, plain(HttpRequest.newBuilder(server.baseUri()
                .resolve("api_gateway/v1/badges/imports/" + id + "/rejects.csv")).header("Authorization",
                stranger.authorization())).statusCode(), "another org's import is unknown");
    }

    private static HttpResponse<String> plain(HttpRequest.Builder request) throws Exception {
        return Api.HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /**
     * The operator's morning: the overview's chart shows today's earns as the API counts them and last night's
     * import; then a program manager edits a badge — name, a limit per customer, a group and rank, a custom field,
     * a claim — and the API answers the badge as saved; a stale editor (the badge changed since it was opened) saves
     * nothing and says why.
     */
    @Test
    void theOverviewChartsTheEarnsAndAProgramManagerEditsABadge() throws Exception {
        String badge = Badges.createClaimed(api, Badges.earnBadge(Badges.uniqueName("Editable")), "Loyalty",
                "program-1");
        for (int i = 0; i < 3; i++) {
            api.post("customer/earn", EarnIT.earn(badge, "e" + i, EarnIT.rid()).build().toString()).expect(200);
        }
        String night = Imports.upload(api, "overnight.csv", "text/csv", Imports.HEADER + "o-1," + badge
                + ",o1,,Loyalty,program-1\n");
        Imports.await(api, night, Duration.ofSeconds(60), "COMPLETED");
        String group = api.post("group", "{\"name\":\"Tiers " + UUID.randomUUID().toString().substring(0, 6)
                + "\",\"rank\":1}").expect(201).data().getString("id");
        String fieldName = "region" + UUID.randomUUID().toString().substring(0, 6).replace("-", "");
        api.post("customField", "{\"name\":\"" + fieldName + "\",\"dataType\":\"STRING\"}").expect(201);

        signIn();
        JsonObject stats = api.get("stats/earnsPerDay?days=30").expect(200).data();
        JsonObject today = stats.getJsonArray("days").getJsonObject(29);
        WebElement lastBar = browser.findElements(By.cssSelector("#earns-chart rect.bar-earned")).get(29);
        assertEquals(String.valueOf(today.getInt("earned")), lastBar.getDomAttribute("data-earned"));
        assertEquals(today.getString("date"), lastBar.getDomAttribute("data-date"));
        assertTrue(today.getInt("earned") >= 4, today.toString());
        assertEquals(30, browser.findElements(By.cssSelector("#earns-chart rect.bar-earned")).size());
        WebElement nightly = wait.until(d -> d.findElement(By.id("overview-imports")));
        wait.until(d -> nightly.getText().contains("overnight.csv"));
        assertTrue(nightly.getText().contains("COMPLETED"), nightly.getText());
        shot("overview-with-earns");

        browser.get(server.baseUri() + "console/#/badges/" + badge);
        WebElement form = wait.until(ExpectedConditions.presenceOfElementLocated(By.id("edit-badge")));
        assertEquals("4", browser.findElement(By.id("badge-chart")).findElements(By.cssSelector("rect.bar-earned"))
                .get(29).getDomAttribute("data-earned"), "this badge's earns today (3 live, 1 imported)");
        type(form, "name", "Edited in the console");
        form.findElement(By.xpath(".//button[starts-with(normalize-space(.), 'Add a limit')"
                + " and contains(., 'Limits per customer')]")).click();
        WebElement limit = form.findElement(By.cssSelector("#customer-limits .limit"));
        type(limit, "max", "2");
        new Select(form.findElement(By.name("group"))).selectByValue(group);
        type(form, "rank", "3");
        type(form, "cf-" + fieldName, "north");
        shot("badge-edit");
        press(form.findElement(By.cssSelector("button[type=submit]")));
        wait.until(d -> d.findElement(By.id("status")).getText().equals("Saved Edited in the console"));
        JsonObject saved = api.get("badgeMeta/" + badge).expect(200).data();
        assertEquals("Edited in the console", saved.getString("name"));
        JsonObject customerLimit = saved.getJsonArray("customerConstraints").getJsonObject(0);
        assertEquals("CUSTOMER_BADGE_FIXED_VALUE", customerLimit.getString("constraintType"));
        assertEquals(2, customerLimit.getInt("maxEarnLimit"));
        assertEquals(group, saved.getString("badgeGroupId"));
        assertEquals(3, saved.getInt("badgeRank"));
        assertEquals("north", saved.getJsonObject("customFields").getString(fieldName));
        assertEquals("RELATIVE", saved.getJsonObject("earnedBadgeExpiry").getString("expiryType"), "kept as it was");
        // the limit holds: e0 had one earn, may make a second, not a third
        api.post("customer/earn", EarnIT.earn(badge, "e0", EarnIT.rid()).build().toString()).expect(200);
        assertEquals(1140, api.post("customer/earn", EarnIT.earn(badge, "e0", EarnIT.rid()).build().toString())
                .expect(409).errors().getJsonObject(0).getInt("code"));

        // a claim added in the badge's page
        WebElement claim = wait.until(ExpectedConditions.presenceOfElementLocated(By.id("claim-form")));
        type(claim, "referenceId", "program-2");
        press(claim.findElement(By.cssSelector("button[type=submit]")));
        wait.until(d -> d.findElement(By.id("status")).getText().equals("Claimed by Loyalty program-2"));
        assertTrue(api.get("badgeMeta/" + badge).expect(200).data().getJsonObject("ownership").getJsonArray("claims")
                .stream().anyMatch(c -> c.asJsonObject().getString("referenceId").equals("program-2")));

        // someone else changes the badge while the editor is open: the editor's save changes nothing
        WebElement stale = wait.until(ExpectedConditions.presenceOfElementLocated(By.id("edit-badge")));
        JsonObject current = api.get("badgeMeta/" + badge).expect(200).data();
        api.put("badgeMeta", Badges.with(current, "name", "Changed through the API").toString()).expect(200);
        type(stale, "name", "Stale edit");
        press(stale.findElement(By.cssSelector("button[type=submit]")));
        wait.until(d -> d.findElement(By.id("edit-error")).getText().startsWith("Someone changed this badge"));
        assertEquals("Changed through the API", api.get("badgeMeta/" + badge).expect(200).data().getString("name"));
        shot("badge-stale-edit");
    }

    /**
     * The org admin makes a user in the console, disables it (the API then refuses its credentials) and enables it
     * again; signed in as that plain user, the console offers no users page.
     */
    @Test
    void anOrgAdminManagesUsersAndAPlainUserIsNotOfferedThem() throws IOException {
        signIn();
        assertTrue(browser.findElement(By.id("nav-users")).isDisplayed(), "an org admin manages users");
        browser.get(server.baseUri() + "console/#/users");
        WebElement form = wait.until(ExpectedConditions.presenceOfElementLocated(By.id("new-user")));
        String agent = "agent-" + UUID.randomUUID().toString().substring(0, 8);
        String agentPassword = "agent-password-" + UUID.randomUUID();
        type(form, "username", agent);
        type(form, "password", agentPassword);
        form.findElement(By.cssSelector("button[type=submit]")).click();
        wait.until(d -> userRow(agent).getText().contains("active"));
        shot("users");
        assertEquals("USER", api.as(agent, agentPassword).get("account").expect(200).data().getString("role"));

        userRow(agent).findElement(By.xpath(".//button[starts-with(normalize-space(.), 'Disable')]")).click();
        wait.until(d -> userRow(agent).getText().contains("disabled"));
        api.as(agent, agentPassword).get("account").expect(401);
        userRow(agent).findElement(By.xpath(".//button[starts-with(normalize-space(.), 'Enable')]")).click();
        wait.until(d -> userRow(agent).getText().contains("active"));

        browser.findElement(By.id("sign-out")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.name("password")));
        signInAs(agent, agentPassword);
        assertFalse(browser.findElement(By.id("nav-users")).isDisplayed(), "a plain user is not offered users");
        browser.get(server.baseUri() + "console/#/users");
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("badge-list")));
        assertTrue(browser.findElements(By.id("new-user")).isEmpty());
    }

    /**
     * An endpoint that kept failing: the webhooks page shows its dead delivery and the failure; once the endpoint
     * answers again, "send every dead delivery again" delivers it.
     */
    @Test
    void anOrgAdminSeesADeadDeliveryAndSendsItAgain() throws Exception {
        Api admin = api.as(username, password);
        try (Receiver receiver = new Receiver()) {
            receiver.failNext(1000);
            String hook = admin.post("webhooks", "{\"url\":\"" + receiver.url()
                    + "\",\"eventTypes\":[\"badgeEarned\"]}").expect(201).data().getString("id");
            String badge = Badges.createClaimed(api, Badges.earnBadge(Badges.uniqueName("Hooked")), "Loyalty", "p-1");
            api.post("customer/earn", "{\"badgeMetaId\":\"" + badge + "\",\"customerId\":\"h1\","
                    + "\"requestId\":\"h-1\",\"triggeredBy\":{\"ownerType\":\"Loyalty\",\"referenceId\":\"p-1\"}}")
                    .expect(200);
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (admin.get("webhooks/" + hook).expect(200).data().getJsonObject("status").getInt("dead") == 0) {
                assertTrue(System.nanoTime() < deadline, "the delivery never died");
                Thread.sleep(200);
            }
            signIn();
            // the overview tells at once that an endpoint fails
            wait.until(d -> d.findElement(By.id("overview-webhooks")).getText().contains(receiver.url()));
            String health = browser.findElement(By.id("webhook-figures")).getText();
            assertTrue(health.contains("Failing or with dead deliveries\n1"), health);
            shot("overview-failing-webhook");
            browser.findElement(By.id("nav-webhooks")).click();
            WebElement show = wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("button.show-dead")));
            assertTrue(browser.findElement(By.id("webhook-list")).getText().contains("503"), "the failure shown");
            show.click();
            WebElement deadTable = wait.until(ExpectedConditions.presenceOfElementLocated(
                    By.cssSelector("#dead-deliveries table")));
            assertTrue(deadTable.getText().contains("badgeEarned"), deadTable.getText());
            shot("webhooks");
            receiver.failNext(0);
            browser.findElement(By.id("redeliver")).click();
            wait.until(d -> d.findElement(By.id("status")).getText().startsWith("Sent again: 1"));
            long until = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            JsonObject status;
            do {
                Thread.sleep(200);
                status = admin.get("webhooks/" + hook).expect(200).data().getJsonObject("status");
            } while ((status.getInt("dead") != 0 || status.getInt("backlog") != 0) && System.nanoTime() < until);
            assertEquals(1, Receiver.countOf(receiver.accepted(), "badgeEarned"), "delivered once it answered");
            assertEquals(0, status.getInt("dead"), status.toString());
            assertEquals(0, status.getInt("backlog"), status.toString());
            // the receiver closes with the test: later tests' earns are not to pile up for it
            admin.send("DELETE", "webhooks/" + hook, null, Map.of()).expect(200);
        }
    }

    private WebElement userRow(String name) {
        return browser.findElements(By.cssSelector("#user-list tbody tr")).stream()
                .filter(r -> r.findElement(By.cssSelector(".user-name")).getText().equals(name)).findFirst()
                .orElseThrow(() -> new org.openqa.selenium.NoSuchElementException("no row of " + name));
    }

    private void signIn() throws IOException {
        browser.get(server.baseUri() + "console/");
        WebElement user = wait.until(ExpectedConditions.presenceOfElementLocated(By.name("username")));
        shot("sign-in");
        // a wrong password first: told so, not signed in
        user.sendKeys(username);
        browser.findElement(By.name("password")).sendKeys("not-the-password", Keys.ENTER);
        wait.until(d -> d.findElement(By.id("sign-in-error")).getText().contains("Wrong username or password"));
        signInAs(username, password);
    }

    private void signInAs(String name, String secret) {
        browser.findElement(By.name("username")).sendKeys(name);
        browser.findElement(By.name("password")).sendKeys(secret, Keys.ENTER);
        // signed in, the console opens on the overview
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#earns-chart")));
        assertTrue(browser.findElement(By.id("who")).getText().contains(name));
    }

    /** Clicks a button as a user does: scrolled to the middle of the window first, clear of the status line. */
    private static void press(WebElement button) {
        ((JavascriptExecutor) browser).executeScript("arguments[0].scrollIntoView({block: 'center'})", button);
        button.click();
    }

    private static void type(WebElement form, String name, String text) {
        WebElement input = form.findElement(By.name(name));
        input.clear();
        input.sendKeys(text);
    }

    private Path waitForDownload() throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (System.nanoTime() < deadline) {
            try (var files = Files.list(downloads)) {
                var done = files.filter(f -> f.toString().endsWith(".rejects.csv")).findFirst();
                if (done.isPresent()) {
                    return done.get();
                }
            }
            Thread.sleep(100);
        }
        throw new AssertionError("no rejects file downloaded into " + downloads);
    }

    private void shot(String name) throws IOException {
        File png = ((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE);
        Files.copy(png.toPath(), shots.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
    }
}
