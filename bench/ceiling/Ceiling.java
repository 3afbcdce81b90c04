package bench.ceiling;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Application;
import jakarta.ws.rs.core.MediaType;
import java.nio.charset.StandardCharsets;

/**
 * The HTTP ceiling of bench/earn-bench (issue 12): a JAX-RS resource answering a constant JSON envelope of a
 * badge's size, with no database and no authentication, deployed beside Badgeworks in the same Payara Micro
 * (same JVM, flags and listener). Never part of the product WAR.
 */
public class Ceiling {

    @ApplicationPath("/")
    public static class App extends Application {
    }

    @Path("badgeMeta/{id}")
    public static class Badge {

        private static final byte[] ANSWER = ("{\"data\":{\"id\":\"6b0824b6258329a906fd8b34\",\"name\":\"Bench\","
                + "\"description\":null,\"startOn\":1795695798.940,\"startOnISO\":\"2026-11-26T12:23:18.940Z\","
                + "\"expiresOn\":4070908800.000,\"expiresOnISO\":\"2099-01-01T00:00:00Z\",\"earnType\":\"EARN\","
                + "\"active\":true,\"badgeStatus\":\"LIVE\",\"earnedBadgeExpiry\":{\"expiryType\":\"RELATIVE\","
                + "\"relativeExpirytype\":\"DAYS\",\"value\":30},\"issuedBadgeExpiry\":null,\"ownership\":"
                + "{\"restrictedToOwners\":[\"Loyalty\"],\"claimedBy\":[{\"ownerType\":\"Loyalty\","
                + "\"referenceId\":\"bench\"}]},\"customerConstraints\":[],\"badgeConstraints\":[],"
                + "\"earnedCount\":0,\"issuedCount\":0,\"version\":1,\"createdBy\":\"bench\",\"createdOn\":"
                + "1795695798.940,\"lastUpdatedBy\":\"bench\",\"lastUpdatedOn\":1795695798.940},"
                + "\"errors\":[],\"warnings\":[]}").getBytes(StandardCharsets.UTF_8);

        @GET
        @Produces(MediaType.APPLICATION_JSON)
        public byte[] get(@PathParam("id") String id) {
            return ANSWER;
        }
    }
}
