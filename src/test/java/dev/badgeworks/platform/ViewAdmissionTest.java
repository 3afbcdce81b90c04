package dev.badgeworks.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.lang.reflect.Proxy;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Views run a few at a time in the order they came; a failed one frees its turn; other methods never wait. */
class ViewAdmissionTest {

    final ExecutorService clients = Executors.newFixedThreadPool(16);
    static final HttpServletResponse RESPONSE = (HttpServletResponse) Proxy.newProxyInstance(
            ViewAdmissionTest.class.getClassLoader(), new Class<?>[] {HttpServletResponse.class}, (p, m, a) -> null);

    @AfterEach
    void stop() {
        clients.shutdownNow();
    }

    static HttpServletRequest request(String method, String name) {
        return (HttpServletRequest) Proxy.newProxyInstance(ViewAdmissionTest.class.getClassLoader(),
                new Class<?>[] {HttpServletRequest.class}, (p, m, a) -> switch (m.getName()) {
                    case "getMethod" -> method;
                    case "getRequestURI" -> name;
                    default -> null;
                });
    }

    @Test
    void atMostTheSetNumberRunAtOnceAndTheOthersInTheOrderTheyCame() throws Exception {
        ViewAdmission admission = new ViewAdmission(3);
        CountDownLatch release = new CountDownLatch(1);
        AtomicInteger now = new AtomicInteger();
        AtomicInteger most = new AtomicInteger();
        List<String> started = Collections.synchronizedList(new ArrayList<>());
        FilterChain view = (req, res) -> {
            started.add(((HttpServletRequest) req).getRequestURI());
            most.accumulateAndGet(now.incrementAndGet(), Math::max);
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            now.decrementAndGet();
        };
        List<Future<?>> views = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            String name = "view-" + i;
            views.add(clients.submit(() -> {
                admission.doFilter(request("GET", name), RESPONSE, view);
                return null;
            }));
            // the next one comes only once this one runs or waits: arrivals in a known order
            int arrived = i + 1;
            waitFor(() -> started.size() + admission.waiting() == arrived);
        }
        assertEquals(List.of("view-0", "view-1", "view-2"), started, "three run, the others wait");
        assertEquals(9, admission.waiting());
        release.countDown();
        for (Future<?> v : views) {
            v.get(10, TimeUnit.SECONDS);
        }
        assertEquals(3, most.get(), "never more than three at once");
        assertEquals(12, started.size());
        assertEquals(0, admission.waiting());
    }

    @Test
    void aViewThatFailsFreesItsTurn() {
        ViewAdmission admission = new ViewAdmission(1);
        AtomicInteger answered = new AtomicInteger();
        assertTimeoutPreemptively(Duration.ofSeconds(10), () -> {
            for (int i = 0; i < 3; i++) {
                assertThrows(ServletException.class, () -> admission.doFilter(request("GET", "bad"), RESPONSE,
                        (req, res) -> {
                            throw new ServletException("the view failed");
                        }));
                assertThrows(IllegalStateException.class, () -> admission.doFilter(request("GET", "broken"),
                        RESPONSE, (req, res) -> {
                            throw new IllegalStateException("a bug");
                        }));
            }
            admission.doFilter(request("GET", "good"), RESPONSE, (req, res) -> answered.incrementAndGet());
        });
        assertEquals(1, answered.get());
    }

    @Test
    void requestsOtherThanGetsPassWhileViewsWait() throws Exception {
        ViewAdmission admission = new ViewAdmission(1);
        CountDownLatch release = new CountDownLatch(1);
        CountDownLatch running = new CountDownLatch(1);
        Future<?> busy = clients.submit(() -> {
            admission.doFilter(request("GET", "slow"), RESPONSE, (req, res) -> {
                running.countDown();
                try {
                    release.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
            return null;
        });
        // the slow view holds the only turn before the next one comes
        running.await(10, TimeUnit.SECONDS);
        Future<?> waiting = clients.submit(() -> {
            admission.doFilter(request("GET", "next"), RESPONSE, (req, res) -> { });
            return null;
        });
        waitFor(() -> admission.waiting() == 1);
        AtomicInteger passed = new AtomicInteger();
        for (String method : List.of("POST", "PUT", "DELETE")) {
            assertTimeoutPreemptively(Duration.ofSeconds(5), () -> admission.doFilter(request(method, "write"),
                    RESPONSE, (req, res) -> passed.incrementAndGet()));
        }
        assertEquals(3, passed.get());
        release.countDown();
        busy.get(10, TimeUnit.SECONDS);
        waiting.get(10, TimeUnit.SECONDS);
    }

    private static void waitFor(java.util.function.BooleanSupplier condition) throws InterruptedException {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > end) {
                throw new AssertionError("timed out");
            }
            Thread.sleep(1);
        }
    }
}
