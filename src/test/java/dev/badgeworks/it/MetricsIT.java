package dev.badgeworks.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Issue 11: the application's own metrics, served by the WAR in Prometheus' text format to the platform operator:
 * earns by outcome, code and mode as they commit, import rows read, imports running.
 */
class MetricsIT {

    private final Api operator = BadgeworksServer.shared().admin();

    private String scrape() {
        return scrape(operator);
    }

    /** This instance's metrics, read as the platform operator. */
    static String scrape(Api operator) {
        Api.Reply reply = operator.get("admin/metrics").expect(200);
        assertTrue(reply.headers().get("content-type").get(0).startsWith("text/plain"), reply.headers().toString());
        return reply.body();
    }

    /**
     * How many requests of a kind ({@code earn}, {@code badgeGet}) have so far run together with others: a group of n
     * adds n to the group metric's sum and 1 to its count, so the sum beyond the count is what was shared.
     */
    static double sharedSoFar(String scraped, String request) {
        return value(scraped, "badgeworks_request_group_size_sum{request=\"" + request + "\"}")
                - value(scraped, "badgeworks_request_group_size_count{request=\"" + request + "\"}");
    }

    /** The value of one series, 0 while it has never been counted. */
    static double value(String scraped, String series) {
        Matcher m = Pattern.compile("(?m)^" + Pattern.quote(series) + " (\\S+)$").matcher(scraped);
        return m.find() ? Double.parseDouble(m.group(1)) : 0;
    }

    @Test
    void onlyThePlatformOperatorReadsThem() {
        operator.anonymous().get("admin/metrics").expectError(401, 401, null);
        Api orgAdmin = operator.newOrg("metrics-scope");
        orgAdmin.get("admin/metrics").expectError(403, 403, null);
    }

    @Test
    void earnsAreCountedByOutcomeCodeAndModeAndImportRowsAsTheyCommit() {
        Api org = operator.newOrg("metrics");
        String badge = Badges.createClaimed(org, Badges.earnBadge(Badges.uniqueName("Metrics")), "Loyalty", "program-1");
        String earned = "badgeworks_earns_total{code=\"none\",mode=\"live\",outcome=\"earned\"}";
        String replayed = "badgeworks_earns_total{code=\"809\",mode=\"live\",outcome=\"duplicate\"}";
        String fromFiles = "badgeworks_earns_total{code=\"none\",mode=\"file\",outcome=\"earned\"}";
        String rows = "badgeworks_import_rows_total";
        String before = scrape();

        String body = EarnIT.earn(badge, "c-1", UUID.randomUUID().toString()).build().toString();
        org.post("customer/earn", body).expect(200);
        org.post("customer/earn", body).expectError(400, 809, "requestId");
        StringBuilder file = new StringBuilder(Imports.HEADER);
        for (int i = 1; i <= 250; i++) {
            file.append("m-").append(UUID.randomUUID()).append(',').append(badge).append(",cust-").append(i)
                    .append(",,Loyalty,program-1\n");
        }
        String id = Imports.upload(org, "metrics.csv", "text/csv", file.toString());
        assertEquals("COMPLETED", Imports.await(org, id, Duration.ofMinutes(2), "COMPLETED", "FAILED").getString("status"));

        String after = scrape();
        assertTrue(value(after, earned) - value(before, earned) >= 1, after);
        assertTrue(value(after, replayed) - value(before, replayed) >= 1, after);
        assertTrue(value(after, fromFiles) - value(before, fromFiles) >= 250, after);
        assertTrue(value(after, rows) - value(before, rows) >= 250, after);
        assertTrue(after.contains("# TYPE badgeworks_imports_running gauge"), after);
    }
}
