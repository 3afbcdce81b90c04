package dev.badgeworks.it;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A PostgreSQL primary, its synchronous standby and the pg_auto_failover monitor that fails over between them, as
 * {@code deploy/ha/formation} brings them up on loopback ports — the same script an operator runs. Failover at test
 * speed (FAILOVER=fast: a dead node noticed after 4 s, not 20), or with pg_auto_failover's own timings when
 * {@code -Dit.failover.timing=default}.
 */
final class Formation implements AutoCloseable {

    static final String DATABASE = "badgeworks";

    private final Path script;
    private final Path dir;

    private Formation(Path projectDir, Path dir) {
        this.script = projectDir.resolve("deploy/ha/formation");
        this.dir = dir;
    }

    static Formation up(Path projectDir, Path dir) throws IOException {
        Formation formation = new Formation(projectDir, dir);
        formation.run("up", dir.toString(), Integer.toString(freeBasePort()));
        return formation;
    }

    /** host:port,host:port — BADGEWORKS_DB_HOSTS. */
    String hosts() throws IOException {
        return run("hosts", dir.toString()).strip();
    }

    /** The node taking writes now, as the monitor sees it; empty while there is none. */
    String primary() throws IOException {
        return run("primary", dir.toString()).strip();
    }

    /** kill -9 of the node's keeper, PostgreSQL and every session: its machine dying. */
    void kill(String node) throws IOException {
        run("kill", dir.toString(), node);
    }

    void start(String node) throws IOException {
        run("start", dir.toString(), node);
    }

    void await(String node, String state) throws IOException {
        run("await", dir.toString(), node, state);
    }

    String state() throws IOException {
        return run("state", dir.toString());
    }

    /** A connection to whichever node is primary now, as the application finds it. */
    Connection primaryConnection() throws IOException, SQLException {
        return DriverManager.getConnection("jdbc:postgresql://" + hosts() + "/" + DATABASE
                + "?targetServerType=primary", "badgeworks", "badgeworks");
    }

    @Override
    public void close() throws IOException {
        run("down", dir.toString());
    }

    private String run(String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of(script.toString()));
        command.addAll(List.of(args));
        Path output = Files.createTempFile(dir.getParent(), "formation-", ".out");
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(output.toFile());
        if (!"default".equals(System.getProperty("it.failover.timing"))) {
            pb.environment().put("FAILOVER", "fast");
        }
        try {
            Process process = pb.start();
            if (!process.waitFor(300, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException("deploy/ha/formation " + String.join(" ", args) + " took over 300 s");
            }
            String text = Files.readString(output);
            if (process.exitValue() != 0) {
                throw new IllegalStateException("deploy/ha/formation " + String.join(" ", args) + " failed ("
                        + process.exitValue() + "):\n" + text);
            }
            return text;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } finally {
            Files.deleteIfExists(output);
        }
    }

    /** Three free consecutive ports: the monitor's and the two nodes'. */
    private static int freeBasePort() throws IOException {
        for (int attempt = 0; attempt < 50; attempt++) {
            int base;
            try (ServerSocket probe = new ServerSocket(0)) {
                base = probe.getLocalPort();
            }
            if (base > 65_000) {
                continue;
            }
            if (free(base + 1) && free(base + 2)) {
                return base;
            }
        }
        throw new IllegalStateException("no three free consecutive ports");
    }

    private static boolean free(int port) {
        try (ServerSocket probe = new ServerSocket(port)) {
            return true;
        } catch (IOException taken) {
            return false;
        }
    }
}
