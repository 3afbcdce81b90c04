package dev.badgeworks.it;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * HAProxy (Debian's package; .ci/run installs it) in front of several instances, round-robin, as an operator runs
 * them. Every answer names the instance that served it in {@code X-Served-By}, so a test can see the spread.
 */
final class LoadBalancer implements AutoCloseable {

    private final Process process;
    private final int port;

    LoadBalancer(Path workDir, List<BadgeworksServer> servers) throws IOException, InterruptedException {
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        StringBuilder config = new StringBuilder("""
                defaults
                    mode http
                    timeout connect 5s
                    timeout client 120s
                    timeout server 120s
                frontend badgeworks
                    bind 127.0.0.1:%d
                    default_backend instances
                backend instances
                    balance roundrobin
                    option forwardfor
                    http-response set-header X-Served-By %%s
                """.formatted(port));
        for (int i = 0; i < servers.size(); i++) {
            config.append("    server instance-").append(i + 1).append(" 127.0.0.1:")
                    .append(servers.get(i).baseUri().getPort()).append('\n');
        }
        Path file = Files.writeString(workDir.resolve("haproxy-" + port + ".cfg"), config);
        String binary = Files.isExecutable(Path.of("/usr/sbin/haproxy")) ? "/usr/sbin/haproxy" : "haproxy";
        process = new ProcessBuilder(binary, "-f", file.toString(), "-db")
                .redirectErrorStream(true).redirectOutput(workDir.resolve("haproxy-" + port + ".log").toFile()).start();
        for (int i = 0; i < 100; i++) {
            try (Socket probe = new Socket("127.0.0.1", port)) {
                return;
            } catch (IOException notYet) {
                if (!process.isAlive()) {
                    throw new IllegalStateException("HAProxy did not start: " + Files.readString(
                            workDir.resolve("haproxy-" + port + ".log")));
                }
                Thread.sleep(100);
            }
        }
        throw new IllegalStateException("HAProxy is not listening on " + port);
    }

    URI uri() {
        return URI.create("http://127.0.0.1:" + port + "/");
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        process.waitFor(10, TimeUnit.SECONDS);
    }
}
