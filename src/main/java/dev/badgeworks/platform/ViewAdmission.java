package dev.badgeworks.platform;

import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.concurrent.Semaphore;

/**
 * Customer views and the console's chart are reads whose cost is the server's processor (their rows are in the
 * database's memory): a few at a time, in the order they came, instead of every one at once. With 32 views sharing
 * two cores each took a 32nd of them for 32 times as long, and the slowest one in a hundred waited three to four
 * times the median for its turn; admitted a few at a time, as many or more are answered per second and the slowest
 * sooner (BENCHMARKS.md, "Member views admitted a few at a time"). Only GETs of those paths: earns wait for commits,
 * not the processor, and share them (group commit) the more of them run at once; a badge GET shares its read the
 * same way. {@code badgeworks.views.running} (default four per processor) sets how many run at once.
 */
@WebFilter(urlPatterns = {"/api_gateway/v1/badges/customer/*", "/api_gateway/v1/badges/management/*",
        "/api_gateway/v1/badges/stats/*"})
public class ViewAdmission extends HttpFilter {

    private final Semaphore running;

    @Inject
    Metrics metrics;

    public ViewAdmission() {
        this(Settings.intBetween("badgeworks.views.running", 1, 1024, 4 * Runtime.getRuntime().availableProcessors()));
    }

    ViewAdmission(int atOnce) {
        // fair: a view waits for the views that came before it, not for luck
        running = new Semaphore(atOnce, true);
    }

    @Override
    public void init() {
        metrics.gauge("badgeworks.views.waiting", "Customer views and charts waiting for their turn to run",
                this::waiting);
    }

    int waiting() {
        return running.getQueueLength();
    }

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        if (!"GET".equals(request.getMethod())) {
            chain.doFilter(request, response);
            return;
        }
        running.acquireUninterruptibly();
        try {
            chain.doFilter(request, response);
        } finally {
            running.release();
        }
    }
}
