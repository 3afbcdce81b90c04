import java.io.BufferedWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;

/**
 * Writes a CSV import of N back-dated earns over the given badges and many customers, with a fixed seed so
 * every run imports the same file: ~2% exact duplicates of an earlier row, ~1% bad rows (bad dates, unknown
 * owner types, missing customers, wrong column counts). Prints the expected counts.
 * Usage: java [-Dprefix=g] GenerateEarns.java OUT_FILE ROWS SEED BADGE_ID...
 * (the requestId prefix lets two files of the same shape be imported into one org)
 */
public class GenerateEarns {
    public static void main(String[] args) throws Exception {
        Path out = Path.of(args[0]);
        long rows = Long.parseLong(args[1]);
        Random random = new Random(Long.parseLong(args[2]));
        String[] badges = java.util.Arrays.copyOfRange(args, 3, args.length);
        String prefix = System.getProperty("prefix", "g");
        long now = System.currentTimeMillis() / 1000 * 1000;
        long day = 86_400_000L;
        long good = 0;
        long duplicates = 0;
        long bad = 0;
        String[] previous = new String[256];
        try (BufferedWriter w = Files.newBufferedWriter(out, StandardCharsets.UTF_8)) {
            w.write("requestId,badgeMetaId,customerId,earnEventDate,ownerType,referenceId\n");
            for (long i = 1; i <= rows; i++) {
                int roll = random.nextInt(100);
                String line;
                if (roll < 2 && i > 256) {
                    line = previous[random.nextInt(previous.length)];
                    duplicates++;
                } else if (roll == 2) {
                    line = switch (random.nextInt(4)) {
                        case 0 -> prefix + "bad-" + i + "," + badges[0] + "," + i + ",yesterday,Loyalty,bench";
                        case 1 -> prefix + "bad-" + i + "," + badges[0] + "," + i + ",1700000000,Nobody,bench";
                        case 2 -> prefix + "bad-" + i + "," + badges[0] + ",,,Loyalty,bench";
                        default -> prefix + "bad-" + i + "," + badges[0];
                    };
                    bad++;
                } else {
                    String badge = badges[random.nextInt(badges.length)];
                    long customer = 1 + random.nextInt(1_000_000);
                    long event = now - day - (long) (random.nextDouble() * 30 * day);
                    line = prefix + "-" + i + "," + badge + "," + customer + "," + event + ",Loyalty,bench";
                    previous[(int) (i % previous.length)] = line;
                    good++;
                }
                w.write(line);
                w.write('\n');
            }
        }
        System.out.printf("GENERATED rows=%d earn=%d duplicate=%d bad=%d file=%s bytes=%d%n", rows, good, duplicates, bad,
                out, Files.size(out));
    }
}
