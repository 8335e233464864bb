package io.candor.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.candor.TestTeam;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/** Readiness names each thing that is not ready, turns with it, and says "shutting down" while draining. */
class InstanceReadinessTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void aSurfaceThatLosesItsConnectionMakesTheInstanceNotReadyUntilItIsBack() throws Exception {
        InstanceRig rig = new InstanceRig(TestTeam.PEOPLE + "server: {drain_seconds: 1}\n", TestTeam.memoryUrl(),
                Clock.systemUTC(), "readiness");
        try {
            assertThat(rig.instance.awaitReady(Duration.ofSeconds(5))).isTrue();
            assertThat(rig.get("/readyz").statusCode()).isEqualTo(200);

            rig.slack.problem("the Socket Mode connection closed (1006); reconnecting");
            HttpResponse<String> down = rig.get("/readyz");
            assertThat(down.statusCode()).isEqualTo(503);
            assertThat(down.headers().firstValue("Retry-After")).isPresent();
            var checks = JSON.readTree(down.body()).get("checks");
            assertThat(checks.get("slack").asText()).isEqualTo("the Socket Mode connection closed (1006); reconnecting");
            assertThat(checks.get("database").asText()).isEqualTo("ok");
            assertThat(rig.instance.notReady()).containsOnlyKeys("slack");
            assertThat(rig.instance.awaitReady(Duration.ofMillis(300))).isFalse();

            rig.slack.problem(null);
            assertThat(rig.get("/readyz").statusCode()).isEqualTo(200);
        } finally {
            CompletableFuture<Void> closing = CompletableFuture.runAsync(rig::close);
            Thread.sleep(300); // inside the one-second drain: still answering, no longer ready
            HttpResponse<String> draining = rig.get("/readyz");
            assertThat(draining.statusCode()).isEqualTo(503);
            assertThat(JSON.readTree(draining.body()).at("/checks/serve").asText()).isEqualTo("shutting down");
            assertThat(rig.get("/healthz").statusCode()).isEqualTo(200);
            closing.get();
        }
    }
}
