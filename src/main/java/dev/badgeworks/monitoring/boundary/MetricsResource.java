package dev.badgeworks.monitoring.boundary;

import dev.badgeworks.api.ErrorCode;
import dev.badgeworks.platform.Metrics;
import dev.badgeworks.security.boundary.CurrentCaller;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;

/**
 * This instance's metrics in Prometheus' text format, for the platform operator's credentials only: the counts
 * span every org, so an org's users must not read them (and the server's own, unauthenticated {@code /metrics}
 * stays off).
 */
@ApplicationScoped
@Path("api_gateway/v1/badges/admin/metrics")
public class MetricsResource {

    @Inject
    CurrentCaller caller;

    @Inject
    Metrics metrics;

    @GET
    @Produces("text/plain; version=0.0.4; charset=utf-8")
    public String scrape() {
        if (!caller.isOperator()) {
            throw ErrorCode.FORBIDDEN.exception(null, "Only the platform operator reads the metrics.");
        }
        return metrics.scrape();
    }
}
