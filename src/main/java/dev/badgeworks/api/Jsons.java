package dev.badgeworks.api;

import jakarta.json.spi.JsonProvider;

/**
 * The one JSON-P provider. The static {@code Jsons.JSON.createXxx} methods look the provider up through the service
 * loader on every call (a class-path scan); on the earn and import hot paths that cost more than the work itself.
 */
public final class Jsons {

    public static final JsonProvider JSON = JsonProvider.provider();

    private Jsons() {
    }
}
