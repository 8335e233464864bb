package io.candor.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.candor.TestTeam;
import io.candor.network.BlueskyStandIn;
import io.candor.network.MastodonStandIn;
import io.candor.store.Backend;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * {@code candor serve} with a Mastodon account and a Bluesky account whose app password is
 * wrong: Mastodon mentions arrive in {@code GET /api/mentions} by themselves, the team's reply
 * on Mastodon closes one, {@code /readyz} names the Bluesky account and why, and everything
 * else (the webhook, Mastodon) carries on.
 */
class NetworksServeTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String YAML = TestTeam.PEOPLE + """
            networks: {poll_seconds: 1}
            """;

    @Test
    void mentionsArriveByThemselvesAndARefusedAccountIsNamedOnReadyz() throws Exception {
        try (MastodonStandIn mastodon = new MastodonStandIn(); BlueskyStandIn bluesky = new BlueskyStandIn()) {
            Instant now = Instant.now();
            String asked = mastodon.mention("sam@example.social", "<p>@team does it work offline?</p>", now.minusSeconds(600));
            mastodon.mention("ana@example.social", "<p>@team is 2.4 out yet?</p>", now.minusSeconds(300));
            Map<String, String> env = Map.of("CANDOR_MASTODON_URL", mastodon.url(), "CANDOR_MASTODON_TOKEN",
                    MastodonStandIn.TOKEN, "CANDOR_BLUESKY_URL", bluesky.url(), "CANDOR_BLUESKY_HANDLE", BlueskyStandIn.HANDLE,
                    "CANDOR_BLUESKY_APP_PASSWORD", "an-old-app-password");
            try (InstanceRig rig = new InstanceRig(YAML, Backend.H2.freshUrl(), Clock.systemUTC(), "serve-networks", env,
                    List.of())) {
                assertThat(rig.printed.toString(StandardCharsets.UTF_8))
                        .contains("Reading mastodon (127.0.0.1:" + mastodon.url().replaceAll(".*:", "") + ") every 1 s for mentions,"
                                + " replies, quotes; Candor only reads there, it never posts.")
                        .contains("Reading bluesky (@team.bsky.social) every 1 s");

                await().atMost(Duration.ofSeconds(20)).until(() -> listed(rig).size() == 2);
                assertThat(listed(rig)).allSatisfy(m -> assertThat(m.path("platform").asText()).isEqualTo("mastodon"));

                await().atMost(Duration.ofSeconds(20)).until(() -> rig.get("/readyz").statusCode() == 503
                        && readiness(rig).path("bluesky").asText().contains("refused"));
                JsonNode checks = readiness(rig);
                assertThat(checks.path("bluesky").asText())
                        .isEqualTo("@team.bsky.social: the handle or app password was refused (401)");
                assertThat(checks.path("mastodon").asText()).isEqualTo("ok");
                assertThat(checks.path("database").asText()).isEqualTo("ok");

                // serve carries on: the webhook takes mentions, Mastodon is still read
                assertThat(rig.post("/api/mentions", "{\"id\":\"w-1\",\"platform\":\"x\",\"author\":\"@fan\",\"text\":\"hi\"}")
                        .statusCode()).isEqualTo(201);
                mastodon.teamPost("<p>@sam Yes: offline mode came in 2.3.</p>", Instant.now(), asked);
                await().atMost(Duration.ofSeconds(20)).until(() -> rig.instance.mentions().store()
                        .findBySource("mastodon", asked).orElseThrow().state().id().equals("answered"));
                assertThat(listed(rig)).hasSize(2); // the open ones: the answered one has left, the webhook's came
            }
            assertThat(mastodon.requests).allSatisfy(r -> assertThat(r.method()).isEqualTo("GET"));
            assertThat(bluesky.requests).extracting(r -> r.method() + " " + r.path())
                    .containsOnly("POST /xrpc/com.atproto.server.createSession");
        }
    }

    private static List<JsonNode> listed(InstanceRig rig) throws Exception {
        HttpResponse<String> r = rig.getAuthorized("/api/mentions?state=open");
        JsonNode body = JSON.readTree(r.body());
        List<JsonNode> out = new java.util.ArrayList<>();
        body.path("mentions").forEach(out::add);
        return out;
    }

    private static JsonNode readiness(InstanceRig rig) throws Exception {
        return JSON.readTree(rig.get("/readyz").body()).path("checks");
    }
}
