package dev.badgeworks.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.badgeworks.api.Public;
import dev.badgeworks.incontainer.InContainer;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * No request builds a trace nobody asked for. Payara Micro starts OpenTelemetry for an application at its first
 * servlet request and then records a span for every JAX-RS request, with nowhere to send it: 8 % of an earn's
 * processor time (BENCHMARKS.md). The product's configuration skips every path unless an operator opts in.
 */
@ExtendWith(ArquillianExtension.class)
class RequestTracingIT {

    @Deployment
    static WebArchive deployment() {
        return InContainer.war(RequestTracingIT.class, TracingProbe.class);
    }

    /** Answers whether the request it runs in is being recorded as a trace span. */
    @Path("test/tracing")
    public static class TracingProbe {

        @GET
        @Public
        @Produces(MediaType.TEXT_PLAIN)
        public String recording() throws ReflectiveOperationException {
            // the OpenTelemetry API as the server exports it to applications; the product compiles against none
            Class<?> span = Class.forName("io.opentelemetry.api.trace.Span", true,
                    Thread.currentThread().getContextClassLoader());
            Object current = span.getMethod("current").invoke(null);
            return String.valueOf(span.getMethod("isRecording").invoke(current));
        }
    }

    @Test
    @RunAsClient
    void requestsAreNotTraced(@ArquillianResource URL base) throws Exception {
        HttpClient client = HttpClient.newHttpClient();
        URI probe = base.toURI().resolve("test/tracing");
        // the first request of the application is the one that starts the server's tracing: ask more than once
        for (int i = 0; i < 3; i++) {
            HttpResponse<String> answer = client.send(HttpRequest.newBuilder(probe).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(200, answer.statusCode(), answer.body());
            assertEquals("false", answer.body(), "request " + (i + 1) + " was recorded as a trace span");
        }
    }
}
