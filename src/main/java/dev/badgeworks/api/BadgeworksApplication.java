package dev.badgeworks.api;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

/** Resources carry the full reference paths ({@code api_gateway/v1/badges/...}) under the context root. */
@ApplicationPath("/")
public class BadgeworksApplication extends Application {
}
