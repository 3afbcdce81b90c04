import java.io.BufferedWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;

/**
 * Writes a CSV file of N back-dated transactions (activities TransactionAdd with an amount and a store) over many
 * customers, with a fixed seed so every run imports the same file: ~2% exact duplicates of an earlier row, ~1% bad
 * rows (bad dates, missing customers, wrong column counts). Prints the expected counts.
 * Usage: java [-Dprefix=t] GenerateActivities.java OUT_FILE ROWS SEED CUSTOMERS
 */
public class GenerateActivities {
    public static void main(String[] args) throws Exception {
        Path out = Path.of(args[0]);
        long rows = Long.parseLong(args[1]);
        Random random = new Random(Long.parseLong(args[2]));
        int customers = Integer.parseInt(args[3]);
        String prefix = System.getProperty("prefix", "t");
        long now = System.currentTimeMillis() / 1000 * 1000;
        long day = 86_400_000L;
        long good = 0;
        long duplicates = 0;
        long bad = 0;
        String[] previous = new String[256];
        try (BufferedWriter w = Files.newBufferedWriter(out, StandardCharsets.UTF_8)) {
            w.write("requestId,customerId,activity,eventDate,amount,storeId\n");
            for (long i = 1; i <= rows; i++) {
                int roll = random.nextInt(100);
                String line;
                if (roll < 2 && i > 256) {
                    line = previous[random.nextInt(previous.length)];
                    duplicates++;
                } else if (roll == 2) {
                    line = switch (random.nextInt(3)) {
                        case 0 -> prefix + "bad-" + i + "," + i + ",TransactionAdd,yesterday,10,S1";
                        case 1 -> prefix + "bad-" + i + ",,TransactionAdd," + (now - day) + ",10,S1";
                        default -> prefix + "bad-" + i + "," + i;
                    };
                    bad++;
                } else {
                    long customer = 1 + random.nextInt(customers);
                    long event = now - day - (long) (random.nextDouble() * 30 * day);
                    line = prefix + "-" + i + "," + customer + ",TransactionAdd," + event + ","
                            + (1 + random.nextInt(9000)) / 100.0 + ",S" + random.nextInt(20);
                    previous[(int) (i % previous.length)] = line;
                    good++;
                }
                w.write(line);
                w.write('\n');
            }
        }
        System.out.printf("GENERATED rows=%d activity=%d duplicate=%d bad=%d file=%s bytes=%d%n", rows, good,
                duplicates, bad, out, Files.size(out));
    }
}
