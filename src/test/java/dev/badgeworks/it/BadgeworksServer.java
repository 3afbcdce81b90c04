package dev.badgeworks.it;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A real Payara Micro process running the built WAR, as bin/run starts it, on H2 or PostgreSQL
 * (system property {@code it.db}). One shared instance serves most test classes; tests about restarts and
 * crashes start their own on a data set they own.
 */
public final class BadgeworksServer {

    public static final String ADMIN_USER = "admin";
    public static final String ADMIN_PASSWORD = "it-admin-password-0001";

    public static final String LOOPBACK = "127.0.0.1,0:0:0:0:0:0:0:1,::1";

    /**
     * Event delivery at test speed: the receivers run on this machine (a private address, allowed here), retries
     * after 200 ms doubling to 1 s, dead after 4 s, a POST timing out after 1.5 s.
     */
    public static final Map<String, String> FAST_EVENTS = Map.of("BADGEWORKS_EVENTS_ALLOW_PRIVATE", "true",
            "BADGEWORKS_EVENTS_POLL_MS", "200", "BADGEWORKS_EVENTS_TIMEOUT_MS", "1500",
            "BADGEWORKS_EVENTS_RETRY_FIRST_MS", "200", "BADGEWORKS_EVENTS_RETRY_MAX_MS", "1000",
            "BADGEWORKS_EVENTS_RETRY_FOR_MS", "4000");
    private static BadgeworksServer shared;

    private final Path projectDir;
    private final Path workDir;
    private final Map<String, String> env;
    private final int port;
    private Process process;
    private Path log;
    private int starts;

    private BadgeworksServer(Path workDir, Map<String, String> env) throws IOException {
        this.projectDir = Path.of(System.getProperty("it.projectDir", ".")).toAbsolutePath();
        this.workDir = workDir;
        this.env = env;
        this.port = freePort();
    }

    /** The server shared by the suite, started on first use and stopped when the test JVM exits. */
    public static synchronized BadgeworksServer shared() {
        if (shared == null) {
            // the tests play clients at many addresses through X-Forwarded-For, as a load balancer would send it
            Map<String, String> env = new HashMap<>(FAST_EVENTS);
            env.putAll(Map.of("BADGEWORKS_BOOTSTRAP_PASSWORD", ADMIN_PASSWORD,
                    "BADGEWORKS_IMPORT_QUIET_SECONDS", "2", "BADGEWORKS_TRUSTED_PROXIES", LOOPBACK,
                    "BADGEWORKS_ACTIVITIES_KEEP_DAYS", "400"));
            shared = create("shared", env);
            shared.start();
            Runtime.getRuntime().addShutdownHook(new Thread(shared::stop));
        }
        return shared;
    }

    /** A server of its own, on a fresh database, not yet started. */
    public static BadgeworksServer create(String name, Map<String, String> env) {
        return create(name, env, true);
    }

    private static BadgeworksServer create(String name, Map<String, String> env, boolean freshDatabase) {
        try {
            Path projectDir = Path.of(System.getProperty("it.projectDir", ".")).toAbsolutePath();
            Path workDir = projectDir.resolve("target/it-servers/" + name + "-" + System.nanoTime());
            Files.createDirectories(workDir);
            Map<String, String> fullEnv = new HashMap<>(env);
            fullEnv.putIfAbsent("BADGEWORKS_INBOX_DIR", workDir.resolve("inbox").toString());
            BadgeworksServer server = new BadgeworksServer(workDir, fullEnv);
            if (freshDatabase) {
                server.freshDatabase(name);
            }
            return server;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * A server of its own on a PostgreSQL database that exists already (FailoverIT's, on a primary and its standby
     * named by BADGEWORKS_DB_HOSTS in {@code env}), not yet started.
     */
    public static BadgeworksServer onDatabase(String name, String database, Map<String, String> env) {
        BadgeworksServer server = create(name, env, false);
        server.pgDatabase = database;
        return server;
    }

    /**
     * Another instance on this server's PostgreSQL database (as an operator runs several behind a load balancer),
     * not yet started. Only PostgreSQL is shared: an embedded H2 file belongs to one process.
     */
    public BadgeworksServer sharingDatabase(String name) {
        return sharingDatabase(name, Map.of());
    }

    /** As {@link #sharingDatabase(String)}, with some settings of its own. */
    public BadgeworksServer sharingDatabase(String name, Map<String, String> overrides) {
        if (!onPostgres()) {
            throw new IllegalStateException("only a PostgreSQL database can be shared");
        }
        try {
            Path dir = projectDir.resolve("target/it-servers/" + name + "-" + System.nanoTime());
            Files.createDirectories(dir);
            Map<String, String> otherEnv = new HashMap<>(env);
            otherEnv.putAll(overrides);
            BadgeworksServer other = new BadgeworksServer(dir, otherEnv);
            other.pgDatabase = pgDatabase;
            return other;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    public static boolean onPostgres() {
        return "postgres".equals(System.getProperty("it.db", "h2"));
    }

    private String pgDatabase;

    private void freshDatabase(String name) {
        if (!onPostgres()) {
            return;
        }
        pgDatabase = "badgeworks_it_" + name.replaceAll("[^a-z0-9]", "_");
        String adminUrl = System.getProperty("it.pg.url").replaceAll("/[^/?]+(\\?.*)?$", "/postgres");
        try (Connection c = DriverManager.getConnection(adminUrl, System.getProperty("it.pg.user"),
                System.getProperty("it.pg.password", ""));
             Statement s = c.createStatement()) {
            s.execute("DROP DATABASE IF EXISTS " + pgDatabase + " WITH (FORCE)");
            s.execute("CREATE DATABASE " + pgDatabase);
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot create the test database on " + adminUrl
                    + " (is PostgreSQL running? .ci/run starts it)", e);
        }
    }

    public String jdbcUrl() {
        if (onPostgres()) {
            return System.getProperty("it.pg.url").replaceAll("/[^/?]+(\\?.*)?$", "/" + pgDatabase);
        }
        return "jdbc:h2:file:" + workDir.resolve("data/badgeworks");
    }

    /** A connection to this server's database; an embedded H2 file only while the server is down. */
    public Connection database() throws SQLException {
        return onPostgres() ? DriverManager.getConnection(jdbcUrl(), System.getProperty("it.pg.user"),
                System.getProperty("it.pg.password", "")) : DriverManager.getConnection(jdbcUrl(), "sa", "sa");
    }

    public Path workDir() {
        return workDir;
    }

    public Path inbox() {
        return Path.of(env.get("BADGEWORKS_INBOX_DIR"));
    }

    public URI baseUri() {
        return URI.create("http://localhost:" + port + "/");
    }

    public Api admin() {
        return new Api(baseUri(), ADMIN_USER, ADMIN_PASSWORD);
    }

    public synchronized void start() {
        try {
            launch();
        } catch (IllegalStateException e) {
            // Payara Micro's own boot, before any application, once failed on a race among its services (a
            // ConcurrentModificationException in its metrics service's start-up, "Startup service failed to start"):
            // that start is tried once more; a Badgeworks failure is not
            if (!log().contains("Startup service failed to start")) {
                throw e;
            }
            launch();
        }
    }

    private void launch() {
        try {
            starts++;
            log = workDir.resolve("server-" + starts + ".log");
            String db = onPostgres() ? "postgres" : "h2";
            List<String> cmd = new ArrayList<>(List.of(
                    Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx512m"));
            if (onPostgres()) {
                java.net.URI pg = java.net.URI.create(jdbcUrl().substring("jdbc:".length()));
                // BADGEWORKS_DB_HOSTS in a test's settings: a primary and its standby (FailoverIT)
                // (escaped as bin/run does: the boot commands are expanded before asadmin splits them at ':')
                cmd.add("-Dbadgeworks.db.hosts=" + env.getOrDefault("BADGEWORKS_DB_HOSTS",
                        pg.getHost() + ":" + (pg.getPort() < 0 ? 5432 : pg.getPort())).replace(":", "\\:"));
                cmd.add("-Dbadgeworks.db.name=" + pgDatabase);
                cmd.add("-Dbadgeworks.db.user=" + System.getProperty("it.pg.user"));
                cmd.add("-Dbadgeworks.db.password=" + System.getProperty("it.pg.password", ""));
                cmd.add("-Dbadgeworks.import.lease.seconds=" + env.getOrDefault("BADGEWORKS_IMPORT_LEASE_SECONDS", "60"));
            } else {
                cmd.add("-Dbadgeworks.h2.file=" + workDir.resolve("data/badgeworks"));
            }
            cmd.addAll(List.of("-jar", projectDir.resolve("target/runtime/payara-micro.jar").toString(),
                    "--deploy", projectDir.resolve("target/badgeworks.war").toString(), "--contextroot", "/",
                    "--port", Integer.toString(port), "--nohazelcast",
                    "--addLibs", projectDir.resolve("target/runtime/postgresql.jar").toString(),
                    "--prebootcommandfile", projectDir.resolve("server-config/preboot.asadmin").toString(),
                    "--postbootcommandfile", projectDir.resolve("server-config/" + db + ".asadmin").toString()));
            ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile());
            pb.environment().remove("BADGEWORKS_BOOTSTRAP_PASSWORD");
            pb.environment().putAll(env);
            process = pb.start();
            try {
                awaitReady();
            } catch (IllegalStateException e) {
                process.destroyForcibly(); // a start that failed must not outlive the test that asked for it
                throw e;
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Ready when the application itself answers (401 without credentials), not just the HTTP port. */
    private void awaitReady() {
        // HTTP/1.1: a probe upgraded to HTTP/2 that timed out while the server answered its 404 (the application not
        // yet deployed) deadlocked Grizzly's HTTP/2 session with the answer's writer (two worker threads blocked on
        // each other's locks, a thread dump showed), and every later probe on that connection timed out
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(2)).build();
        HttpRequest probe = HttpRequest.newBuilder(baseUri().resolve("api_gateway/v1/badges/badgeMeta"))
                .timeout(Duration.ofSeconds(5)).GET().build();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(180);
        String lastProbe = "none";
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("Payara Micro exited during start-up:\n" + logTail());
            }
            try {
                int status = client.send(probe, HttpResponse.BodyHandlers.discarding()).statusCode();
                if (status == 401) {
                    return;
                }
                lastProbe = "HTTP " + status;
                if (status == 404 && log().contains("ready in")) {
                    throw new IllegalStateException("Payara Micro started but Badgeworks did not deploy:\n" + logTail());
                }
            } catch (IOException e) {
                lastProbe = e.toString(); // not listening yet, or not answering
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            sleep(300);
        }
        throw new IllegalStateException("Badgeworks did not become ready in 180 s (last probe: " + lastProbe
                + "; its threads: " + threadDump() + "):\n" + logTail());
    }

    /** The server's threads, written beside its log: what a start that never answers was waiting for. */
    private Path threadDump() {
        Path dump = log.resolveSibling(log.getFileName().toString().replace(".log", "-threads.txt"));
        Path jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd");
        try {
            new ProcessBuilder(jcmd.toString(), Long.toString(process.pid()), "Thread.print")
                    .redirectErrorStream(true).redirectOutput(dump.toFile()).start().waitFor(30, TimeUnit.SECONDS);
        } catch (IOException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return dump;
    }

    /** A graceful stop, as an operator's SIGTERM. */
    public synchronized void stop() {
        if (process != null && process.isAlive()) {
            process.destroy();
            waitFor();
        }
    }

    /** Freezes the JVM (SIGSTOP), as a long GC pause or a suspended VM would: it neither works nor answers. */
    public synchronized void pause() {
        signal("STOP");
    }

    /** Wakes a frozen JVM (SIGCONT): it carries on where it was, unaware of the time that passed. */
    public synchronized void resume() {
        signal("CONT");
    }

    /** The process id, which names this instance in its imports' {@code instance} (pid@host#…). */
    /**
     * The TCP ports the server's process listens on, read from Linux's /proc: the sockets among its open files
     * that /proc/net/tcp and tcp6 list in state LISTEN.
     */
    public java.util.Set<String> listening() throws IOException {
        java.util.Set<String> sockets = new java.util.HashSet<>();
        try (var fds = Files.list(Path.of("/proc", Long.toString(process.pid()), "fd"))) {
            for (Path fd : fds.toList()) {
                try {
                    String target = Files.readSymbolicLink(fd).toString();
                    if (target.startsWith("socket:[")) {
                        sockets.add(target.substring(8, target.length() - 1));
                    }
                } catch (IOException closedMeanwhile) {
                    // a descriptor closed while the folder was read
                }
            }
        }
        java.util.Set<String> listening = new java.util.TreeSet<>();
        for (String table : List.of("/proc/net/tcp", "/proc/net/tcp6")) {
            for (String line : Files.readAllLines(Path.of(table)).subList(1, Files.readAllLines(Path.of(table)).size())) {
                String[] f = line.trim().split("\\s+");
                // local address as hex address:port, state 0A is LISTEN, field 9 the socket's inode
                if (f[3].equals("0A") && sockets.contains(f[9])) {
                    String[] local = f[1].split(":");
                    listening.add(local[0] + ":" + Integer.parseInt(local[1], 16));
                }
            }
        }
        return listening;
    }

    public long pid() {
        return process.pid();
    }

    private void signal(String name) {
        try {
            new ProcessBuilder("kill", "-" + name, Long.toString(process.pid())).inheritIO().start().waitFor();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** A crash: SIGKILL, no shutdown hooks, no chance to finish anything. */
    public synchronized void kill() {
        if (process != null && process.isAlive()) {
            process.destroyForcibly();
            waitFor();
        }
    }

    private void waitFor() {
        try {
            process.waitFor(60, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** This start's log; a log that cannot be read fails the test rather than reading as empty. */
    public String log() {
        try {
            return Files.readString(log);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException("cannot read the server log " + log, e);
        }
    }

    public String logTail() {
        String text = log();
        return text.length() > 8000 ? text.substring(text.length() - 8000) : text;
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
