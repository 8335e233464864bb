package io.candor.web;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * {@code GET /healthz} (liveness: 200 while the process answers) and {@code GET /readyz}
 * (readiness: 200 only when every check passes, else 503 naming each failing one, with
 * {@code Retry-After}). No secrets, no auth, nothing of anyone's text.
 */
public final class HealthCheck implements HttpHandler {
    public static final String PATH = "/healthz";
    public static final String READY_PATH = "/readyz";
    static final int RETRY_AFTER_SECONDS = 10;

    /** One thing readiness depends on: empty when fine, else why not. */
    public record Check(String name, Supplier<Optional<String>> problem) {
    }

    private final List<Check> checks;
    private final boolean readiness;

    private HealthCheck(List<Check> checks, boolean readiness) {
        this.checks = List.copyOf(checks);
        this.readiness = readiness;
    }

    public static HealthCheck liveness() {
        return new HealthCheck(List.of(), false);
    }

    public static HealthCheck readiness(List<Check> checks) {
        return new HealthCheck(checks, true);
    }

    @Override
    public void handle(HttpExchange ex) throws IOException {
        try (ex) {
            if (!readiness) {
                Http.send(ex, 200, Http.JSON.createObjectNode().put("status", "ok"));
                return;
            }
            Map<String, String> failing = new LinkedHashMap<>();
            ObjectNode results = Http.JSON.createObjectNode();
            for (Check c : checks) {
                Optional<String> problem;
                try {
                    problem = c.problem().get();
                } catch (RuntimeException e) {
                    problem = Optional.of("check failed: " + e.getClass().getSimpleName());
                }
                problem.ifPresent(p -> failing.put(c.name(), p));
                results.put(c.name(), problem.orElse("ok"));
            }
            ObjectNode body = Http.JSON.createObjectNode().put("status", failing.isEmpty() ? "ready" : "not ready");
            body.set("checks", results);
            if (!failing.isEmpty()) {
                ex.getResponseHeaders().set("Retry-After", Integer.toString(RETRY_AFTER_SECONDS));
            }
            Http.send(ex, failing.isEmpty() ? 200 : 503, body);
        }
    }
}
