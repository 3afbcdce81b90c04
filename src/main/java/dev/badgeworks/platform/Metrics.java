package dev.badgeworks.platform;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.util.function.Supplier;

/**
 * The application's own metrics, kept by Micrometer and written in Prometheus' text format by
 * {@code MetricsResource}: the same on every server, whether or not it has MicroProfile Metrics. Per instance, as
 * Prometheus expects (it scrapes each one). Counts of work done in a transaction are added when it commits: a
 * rolled-back earn, retried after a requestId race, is counted once.
 */
@ApplicationScoped
public class Metrics {

    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);

    @Resource
    TransactionSynchronizationRegistry transactions;

    public MeterRegistry registry() {
        return registry;
    }

    public void count(String name, String description, long amount, String... tags) {
        if (amount > 0) {
            Counter.builder(name).description(description).tags(tags).register(registry).increment(amount);
        }
    }

    /**
     * A request that lost a race for its requestId to a concurrent one (the unique key refused its insert and its
     * transaction was rolled back) and is run again; {@code request} names what raced: earn, earnBulk, enrolment,
     * historical, import. Counted at once: the lost attempt never commits.
     */
    public void raceLost(String request) {
        count("badgeworks.request.races", "Requests that lost a requestId race to a concurrent request and ran again",
                1, "request", request);
    }

    /** The size of each group of concurrent requests run together ({@code GroupCommit}): one transaction or one read. */
    public void grouped(String request, int size) {
        DistributionSummary.builder("badgeworks.request.group.size")
                .description("Concurrent requests run together in one transaction or one read, per group")
                .tag("request", request).register(registry).record(size);
    }

    public void gauge(String name, String description, Supplier<Number> value) {
        Gauge.builder(name, value).description(description).register(registry);
    }

    /** Runs {@code counting} once the current transaction commits; at once when there is none. */
    public void afterCommit(Runnable counting) {
        if (transactions == null || transactions.getTransactionKey() == null) {
            counting.run();
            return;
        }
        transactions.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {
            }

            @Override
            public void afterCompletion(int status) {
                if (status == Status.STATUS_COMMITTED) {
                    counting.run();
                }
            }
        });
    }

    /** Every metric, in Prometheus' text exposition format 0.0.4. */
    public String scrape() {
        return registry.scrape();
    }
}
