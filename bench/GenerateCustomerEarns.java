import java.io.BufferedWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;

/**
 * Writes the customer bench's CSV import: one heavy customer with PER_BADGE back-dated earns of every given badge,
 * then OTHER_ROWS earns of random badges by 200,000 other customers, all within the last 30 days (fixed seed).
 * Usage: java GenerateCustomerEarns.java OUT_FILE HEAVY_CUSTOMER PER_BADGE OTHER_ROWS BADGE_ID...
 */
public class GenerateCustomerEarns {
    public static void main(String[] args) throws Exception {
        Path out = Path.of(args[0]);
        String heavy = args[1];
        int perBadge = Integer.parseInt(args[2]);
        long others = Long.parseLong(args[3]);
        String[] badges = java.util.Arrays.copyOfRange(args, 4, args.length);
        Random random = new Random(7);
        long now = System.currentTimeMillis() / 1000 * 1000;
        long day = 86_400_000L;
        long rows = 0;
        try (BufferedWriter w = Files.newBufferedWriter(out, StandardCharsets.UTF_8)) {
            w.write("requestId,badgeMetaId,customerId,earnEventDate,ownerType,referenceId\n");
            for (int i = 0; i < perBadge; i++) {
                for (String badge : badges) {
                    long event = now - day - (long) (random.nextDouble() * 30 * day);
                    w.write("h-" + (++rows) + "," + badge + "," + heavy + "," + event + ",Loyalty,bench\n");
                }
            }
            for (long i = 0; i < others; i++) {
                String badge = badges[random.nextInt(badges.length)];
                long event = now - day - (long) (random.nextDouble() * 30 * day);
                w.write("o-" + (++rows) + "," + badge + "," + (1 + random.nextInt(200_000)) + "," + event
                        + ",Loyalty,bench\n");
            }
        }
        System.out.printf("GENERATED rows=%d heavy=%s heavy_rows=%d file=%s%n", rows, heavy,
                (long) perBadge * badges.length, out);
    }
}
