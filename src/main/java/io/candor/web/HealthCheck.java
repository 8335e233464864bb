package io.candor.web;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Supplier;

/**
 * {@code GET /healthz} (liveness: 200 while the process answers) and {@code GET /readyz}
 * (readiness: 200 only when every check passes, else 503 naming each failing one, with
 * {@code Retry-After}). No secrets, no auth, nothing of anyone's text. Checks can be added
 * while the server runs: {@code candor serve} mounts readiness first, so a load balancer is
 * told "starting" instead of getting a 404 from a route that is not there yet.
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
        this.checks = new CopyOnWriteArrayList<>(checks);
        this.readiness = readiness;
    }

    public static HealthCheck liveness() {
        return new HealthCheck(List.of(), false);
    }

    public static HealthCheck readiness(List<Check> checks) {
        return new HealthCheck(checks, true);
    }

    /** Adds a check (a chat surface once it is created); it counts from the next request on. */
    public HealthCheck add(Check check) {
        checks.add(check);
        return this;
    }

    /** Every check's answer in order: "ok" or why not. A check that throws is failing, by its exception's name. */
    public Map<String, String> results() {
        Map<String, String> out = new LinkedHashMap<>();
        for (Check c : checks) {
            Optional<String> problem;
            try {
                problem = c.problem().get();
            } catch (RuntimeException e) {
                problem = Optional.of("check failed: " + e.getClass().getSimpleName());
            }
            out.put(c.name(), problem.orElse("ok"));
        }
        return out;
    }

    /** The failing checks and why; empty when ready. */
    public Map<String, String> failing() {
        Map<String, String> out = results();
        out.values().removeIf("ok"::equals);
        return out;
    }

    @Override
    public void handle(HttpExchange ex) throws IOException {
        try (ex) {
            if (!readiness) {
                Http.send(ex, 200, Http.JSON.createObjectNode().put("status", "ok"));
                return;
            }
            Map<String, String> all = results();
            boolean ready = all.values().stream().allMatch("ok"::equals);
            ObjectNode results = Http.JSON.createObjectNode();
            all.forEach(results::put);
            ObjectNode body = Http.JSON.createObjectNode().put("status", ready ? "ready" : "not ready");
            body.set("checks", results);
            if (!ready) {
                ex.getResponseHeaders().set("Retry-After", Integer.toString(RETRY_AFTER_SECONDS));
            }
            Http.send(ex, ready ? 200 : 503, body);
        }
    }
}
