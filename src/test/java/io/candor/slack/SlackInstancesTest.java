package io.candor.slack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.candor.store.Backend;
import io.candor.store.Database;
import io.candor.store.JdbcHandledEvents;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Two Candor instances in Slack's HTTP mode behind one load balancer, sharing one PostgreSQL:
 * a captured request replayed to the other instance is refused there, and Slack's retry of an
 * event that lands on the other instance is not handled twice.
 */
class SlackInstancesTest {
    @Test
    void replaysAndRetriesAreCaughtAcrossInstances() throws Exception {
        String url = Backend.POSTGRES.freshUrl();
        try (Database one = Database.open(url); Database two = Database.open(url);
             SlackRig a = new SlackRig(Map.of(), s -> { }, r -> r, null, null, new JdbcHandledEvents(one, Clock.systemUTC()));
             SlackRig b = new SlackRig(Map.of(), s -> { }, r -> r, null, null, new JdbcHandledEvents(two, Clock.systemUTC()))) {
            // a /coach command captured on its way to instance a and replayed to instance b
            String command = SlackRig.form(a.command("Check out my channel!", "r1"));
            long ts = Instant.now().getEpochSecond();
            String sig = SlackRig.sign(SlackRig.SECRET, ts, command);
            assertThat(a.post(command, "application/x-www-form-urlencoded", ts, sig, Map.of()).statusCode()).isEqualTo(200);
            assertThat(b.post(command, "application/x-www-form-urlencoded", ts, sig, Map.of()).statusCode()).isEqualTo(401);

            // an event delivered to a, then Slack's retry (same event id, newly signed) landing on b
            String event = SlackRig.event("EvAcross1", """
                    {"type":"message","channel":"%s","user":"U5","text":"@acme is the app down?","ts":"1700000000.000001",
                     "event_ts":"1700000000.000001","channel_type":"channel"}""".formatted(SlackRig.MENTIONS));
            assertThat(a.postJson(event).statusCode()).isEqualTo(200);
            long later = Instant.now().getEpochSecond() + 1;
            HttpResponse<String> retry = b.post(event, "application/json", later, SlackRig.sign(SlackRig.SECRET, later, event),
                    Map.of("X-Slack-Retry-Num", "1", "X-Slack-Retry-Reason", "http_timeout"));
            assertThat(retry.statusCode()).isEqualTo(200);
            await().atMost(Duration.ofSeconds(10)).until(() -> a.desk.calls("posted").size() + b.desk.calls("posted").size() >= 1);
            Thread.sleep(500);
            assertThat(a.desk.calls("posted")).hasSize(1);
            assertThat(b.desk.calls("posted")).isEmpty();
            await().atMost(Duration.ofSeconds(10)).until(() -> a.reviewed.size() == 1);
            assertThat(b.reviewed).isEmpty();
        }
    }
}
