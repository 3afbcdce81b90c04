package dev.badgeworks.api;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import java.util.Map;

/** Resources carry the full reference paths ({@code api_gateway/v1/badges/...}) under the context root. */
@ApplicationPath("/")
public class BadgeworksApplication extends Application {

    /** Jersey answers OPTIONS with a WADL of every resource by default: a map of the API for anyone who asks. */
    @Override
    public Map<String, Object> getProperties() {
        return Map.of("jersey.config.server.wadl.disableWadl", true);
    }
}
