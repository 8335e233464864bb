package io.candor.web;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.util.function.BooleanSupplier;

/** {@code GET /healthz}: 200 when the database answers, 503 when it does not. No secrets, no auth. */
public final class HealthCheck implements HttpHandler {
    public static final String PATH = "/healthz";
    private final BooleanSupplier storeUp;

    public HealthCheck(BooleanSupplier storeUp) {
        this.storeUp = storeUp;
    }

    @Override
    public void handle(HttpExchange ex) throws IOException {
        try (ex) {
            boolean up = storeUp.getAsBoolean();
            Http.send(ex, up ? 200 : 503, Http.JSON.createObjectNode()
                    .put("status", up ? "ok" : "degraded").put("store", up ? "up" : "down"));
        }
    }
}
