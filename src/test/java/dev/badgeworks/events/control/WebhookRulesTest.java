package dev.badgeworks.events.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.badgeworks.events.entity.EventType;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.net.InetAddress;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The plain rules of event delivery: signatures, back-off, addresses an endpoint may have, payload shapes. */
class WebhookRulesTest {

    @Test
    void theSignatureIsHmacSha256OverTimestampDotBodyAndVerifiesOnlyUnchanged() {
        String signature = WebhookSignature.sign("key", 1_700_000_000L, "{}");
        assertTrue(signature.startsWith("sha256=") && signature.length() == 7 + 64);
        assertTrue(WebhookSignature.verify("key", 1_700_000_000L, "{}", signature));
        assertFalse(WebhookSignature.verify("key", 1_700_000_001L, "{}", signature), "another timestamp");
        assertFalse(WebhookSignature.verify("key", 1_700_000_000L, "{ }", signature), "another body");
        assertFalse(WebhookSignature.verify("kez", 1_700_000_000L, "{}", signature), "another secret");
        assertFalse(WebhookSignature.verify("key", 1_700_000_000L, "{}", null));
        // the known answer of `printf '1700000000.{}' | openssl dgst -sha256 -hmac key`, which receivers can run
        assertEquals("sha256=9d713ed406bb7076d4123f0dc2c39d2df5c654ed4b0cd56b52c8b4c940bd63ae", signature);
    }

    @Test
    void retriesBackOffExponentiallyWithJitterUpToTheCeilingAndGiveUpAfterThePeriod() {
        RetrySchedule schedule = new RetrySchedule(1_000, 60_000, 3_600_000);
        SplittableRandom random = new SplittableRandom(7);
        for (int attempt = 1; attempt <= 40; attempt++) {
            long ceiling = Math.min(60_000, 1_000L << Math.min(attempt - 1, 20));
            for (int i = 0; i < 50; i++) {
                long delay = schedule.delayMs(attempt, random);
                assertTrue(delay >= ceiling / 2 && delay <= ceiling, attempt + ": " + delay + " outside upper half of "
                        + ceiling);
            }
        }
        long huge = new RetrySchedule(1_000, 60_000, 1).delayMs(Integer.MAX_VALUE, new SplittableRandom(1));
        assertTrue(huge >= 30_000 && huge <= 60_000, "no overflow for huge attempt counts: " + huge);
        assertFalse(schedule.givesUp(0, 3_599_999));
        assertTrue(schedule.givesUp(0, 3_600_000));
    }

    @Test
    void endpointsMustBePublicHttpUrlsUnlessTheOperatorAllowsPrivateOnes() throws Exception {
        assertTrue(WebhookAddress.refusal("http://127.0.0.1:8080/x", false).isPresent(), "loopback");
        assertTrue(WebhookAddress.refusal("http://localhost/x", false).isPresent(), "loopback by name");
        assertTrue(WebhookAddress.refusal("http://169.254.169.254/latest/meta-data", false).isPresent(), "metadata");
        assertTrue(WebhookAddress.refusal("http://10.1.2.3/x", false).isPresent());
        assertTrue(WebhookAddress.refusal("http://192.168.0.1/x", false).isPresent());
        assertTrue(WebhookAddress.refusal("http://172.16.0.1/x", false).isPresent());
        assertTrue(WebhookAddress.refusal("http://[::1]/x", false).isPresent());
        assertTrue(WebhookAddress.refusal("http://[fd00::1]/x", false).isPresent(), "unique local");
        assertTrue(WebhookAddress.refusal("http://[::ffff:127.0.0.1]/x", false).isPresent(), "mapped loopback");
        assertTrue(WebhookAddress.refusal("http://0.0.0.0/x", false).isPresent());
        assertTrue(WebhookAddress.refusal("http://100.64.0.1/x", false).isPresent(), "shared address space");
        assertFalse(WebhookAddress.refusal("http://127.0.0.1:8080/x", true).isPresent(), "allowed by the operator");
        assertFalse(WebhookAddress.refusal("https://93.184.215.14/hook", false).isPresent(), "a public address");
        assertTrue(WebhookAddress.refusal("ftp://93.184.215.14/x", false).isPresent());
        assertTrue(WebhookAddress.refusal("https://user:pw@93.184.215.14/x", false).isPresent());
        assertTrue(WebhookAddress.refusal("not a url", false).isPresent());
        assertTrue(WebhookAddress.refusal("https:///nohost", false).isPresent());
        assertFalse(WebhookAddress.isPrivate(InetAddress.getByName("8.8.8.8")));
    }

    @Test
    void everySpecialPurposeBlockOfIanasRegistriesIsRefused() throws Exception {
        // issue 26: the benchmarking and protocol-assignment ranges were accepted and delivered to
        for (String special : List.of("198.18.0.1", "198.19.255.254", "192.0.0.1", "192.0.0.9", "192.0.2.7",
                "198.51.100.1", "203.0.113.9", "192.88.99.1", "192.31.196.1", "192.52.193.1", "192.175.48.1",
                "224.0.0.1", "239.255.255.250", "240.0.0.1", "255.255.255.255", "0.1.2.3", "100.127.255.255",
                "::", "::1", "fe80::1", "fc00::1", "ff02::1", "100::1", "2001:db8::1", "2001::1", "2001:2::1",
                "3fff::1", "5f00::1", "64:ff9b:1::1")) {
            assertTrue(WebhookAddress.isPrivate(InetAddress.getByName(special)), special);
        }
        for (String public_ : List.of("8.8.8.8", "1.1.1.1", "100.63.255.255", "100.128.0.1", "198.17.255.255",
                "198.20.0.1", "192.0.1.1", "223.255.255.254", "2606:4700:4700::1111", "2a00:1450:4001::200e")) {
            assertFalse(WebhookAddress.isPrivate(InetAddress.getByName(public_)), public_);
        }
    }

    @Test
    void transitionFormsAreJudgedByTheIpv4AddressTheyCarry() throws Exception {
        // each of these reaches 127.0.0.1 or a private host wherever NAT64 or 6to4 is routed
        for (String hidden : List.of("[::127.0.0.1]", "[64:ff9b::7f00:1]", "[64:ff9b::a00:1]", "[2002:7f00:1::]",
                "[2002:c0a8:1::1]", "[::ffff:0:7f00:1]", "[::ffff:127.0.0.1]", "[::ffff:10.0.0.1]")) {
            assertTrue(WebhookAddress.refusal("http://" + hidden + "/hook", false).isPresent(), hidden);
        }
        // the same forms around a public address stay usable; the deprecated ones never are
        assertFalse(WebhookAddress.refusal("http://[64:ff9b::808:808]/hook", false).isPresent(), "NAT64 of 8.8.8.8");
        assertFalse(WebhookAddress.refusal("http://[2002:808:808::1]/hook", false).isPresent(), "6to4 of 8.8.8.8");
        assertFalse(WebhookAddress.refusal("http://[::ffff:8.8.8.8]/hook", false).isPresent(), "mapped 8.8.8.8");
        assertTrue(WebhookAddress.refusal("http://[::8.8.8.8]/hook", false).isPresent(), "IPv4-compatible");
        assertTrue(WebhookAddress.refusal("http://[::ffff:0:808:808]/hook", false).isPresent(), "SIIT");
    }

    @Test
    void anEarnedEventHasTheReferencesEnvelopeWithMillisecondTimes() {
        BadgeEvent event = BadgeEvent.earned(7, new BadgeEvent.Earned("e1", "b1", "90001", null, "r1", 1_700_000_000_123L,
                1_699_999_999_000L, 1_800_000_000_000L, "LOYALTY", "p1", "FILE", "i1", 12L), 1_700_000_000_456L);
        JsonObject json = Json.createReader(new StringReader(event.payload())).readObject();
        assertEquals(EventType.BADGE_EARNED, event.type());
        assertEquals("badgeEarned", json.getString("eventName"));
        assertEquals(event.eventId(), json.getString("eventId"));
        assertEquals(7, json.getInt("orgId"));
        assertEquals("7_e1", json.getString("refId"));
        assertEquals("r1", json.getString("apiRequestId"));
        assertEquals(1_700_000_000_456L, json.getJsonNumber("createdAt").longValueExact());
        assertTrue(json.isNull("loyaltyEventId"));
        JsonObject data = json.getJsonObject("data");
        assertEquals(90001, data.getJsonObject("customerIdentifiers").getJsonNumber("customerId").longValueExact());
        assertTrue(data.isNull("issualId"));
        assertEquals(1_700_000_000_123L, data.getJsonNumber("earnedOn").longValueExact());
        assertEquals(12, data.getInt("importLine"));
        assertEquals(0, data.getJsonArray("earnConstraints").size());
        assertFalse(event.eventId().equals(BadgeEvent.earnRevoked(7, "e1", "b1", "90001", 1).eventId()),
                "every event its own id");
        java.util.UUID id = java.util.UUID.fromString(event.eventId());
        assertEquals(7, id.version(), "a time-ordered UUID (version 7)");
        assertEquals(2, id.variant());
        assertEquals(1_700_000_000_456L, id.getMostSignificantBits() >>> 16, "its first 48 bits: createdAt");
        assertTrue(BadgeEvent.timeOrderedUuid(1).compareTo(BadgeEvent.timeOrderedUuid(2)) < 0, "ordered by time");
    }
}
