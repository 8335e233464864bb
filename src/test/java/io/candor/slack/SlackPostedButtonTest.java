package io.candor.slack;

import static io.candor.slack.SlackStandIn.textOf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.candor.chat.PostLog;
import io.candor.config.CandorConfig;
import io.candor.history.History;
import io.candor.history.HistoryReviewer;
import io.candor.history.HistoryRules;
import io.candor.history.HistorySettings;
import io.candor.history.PostedDrafts;
import io.candor.review.Reviewer;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** "I posted this" under a review, pressed in Slack: signed requests to the real Bolt app on loopback. */
class SlackPostedButtonTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String DRAFT = "Our spring collection is live: forty new pieces made from recycled cotton, in the shop today.";
    private History history;
    private SlackRig rig;

    @BeforeEach
    void start() throws Exception {
        CandorConfig cfg = CandorConfig.defaults();
        history = History.open("jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1",
                cfg.section("history", HistorySettings.class), Clock.systemUTC());
        Reviewer rules = Reviewer.withDefaults();
        rig = new SlackRig(Map.of(), s -> { },
                r -> new HistoryReviewer(rules, history, HistoryRules.load(cfg), Clock.systemUTC(), true),
                new PostedDrafts(history, rules.prompts()), null);
    }

    @AfterEach
    void stop() {
        rig.close();
        history.close();
    }

    private JsonNode awaitResponse(String id) {
        await().atMost(Duration.ofSeconds(10)).until(() -> !rig.slack.responses(id).isEmpty());
        return rig.slack.responses(id).get(0).body();
    }

    private static List<JsonNode> buttons(JsonNode blocks) {
        List<JsonNode> out = new ArrayList<>();
        blocks.forEach(b -> {
            if (b.path("type").asText().equals("actions")) {
                b.path("elements").forEach(out::add);
            }
        });
        return out;
    }

    private String press(String user, String value, String responseId) throws Exception {
        var payload = JSON.createObjectNode();
        payload.put("type", "block_actions").put("trigger_id", "1.2.3").put("api_app_id", "A1")
                .put("response_url", rig.slack.responseUrl(responseId));
        payload.putObject("team").put("id", "T1").put("domain", "candor-test");
        payload.putObject("user").put("id", user).put("username", "ana").put("name", "ana").put("team_id", "T1");
        payload.putObject("container").put("type", "message").put("is_ephemeral", true);
        payload.putObject("channel").put("id", "C1").put("name", "social");
        payload.putArray("actions").addObject().put("type", "button").put("action_id", ActionIds.POSTED)
                .put("block_id", "posted").put("value", value).put("action_ts", "1700000000.1");
        return SlackRig.interactive(JSON.writeValueAsString(payload));
    }

    @Test
    void iPostedThisRecordsThePostAndTheNextCopyIsToldItWasPosted() throws Exception {
        rig.postForm(SlackRig.form(rig.command(DRAFT, "r1")));
        JsonNode review = awaitResponse("r1").path("blocks");
        JsonNode button = buttons(review).stream().filter(b -> b.path("action_id").asText().equals(ActionIds.POSTED))
                .findFirst().orElseThrow();
        assertThat(button.path("text").path("text").asText()).isEqualTo("I posted this");
        assertThat(button.path("value").asText()).isEqualTo(PostLog.keyOf(DRAFT)).doesNotContain("spring");

        // reviewing it again is a version of the same draft, not a repeat
        rig.postForm(SlackRig.form(rig.command(DRAFT, "r2")));
        assertThat(textOf(awaitResponse("r2").path("blocks"))).doesNotContain("almost the same text");

        assertThat(rig.postForm(press("U1", button.path("value").asText(), "p1")).statusCode()).isEqualTo(200);
        JsonNode answer = awaitResponse("p1");
        assertThat(answer.path("response_type").asText()).isEqualTo("ephemeral");
        assertThat(textOf(answer.path("blocks"))).contains("Candor will remember that this went out").contains("posted nothing");
        assertThat(history.store().orElseThrow().stats().published()).isEqualTo(1);

        // now even the writer is told: it went out
        rig.postForm(SlackRig.form(rig.command(DRAFT + " Which one is your favourite?", "r3")));
        assertThat(textOf(awaitResponse("r3").path("blocks"))).contains("You posted almost the same text");
        // the press posted nothing anywhere
        assertThat(rig.slack.calls("chat.postMessage")).isEmpty();
    }

    @Test
    void someoneElsesKeyOrAnUnknownOneRecordsNothing() throws Exception {
        rig.postForm(SlackRig.form(rig.command(DRAFT, "r1")));
        awaitResponse("r1");
        rig.postForm(press("U2", PostLog.keyOf(DRAFT), "p1")); // only your own reviews count
        assertThat(textOf(awaitResponse("p1").path("blocks"))).contains("cannot find that review");
        rig.postForm(press("U1", "0123456789abcdef", "p2"));
        assertThat(textOf(awaitResponse("p2").path("blocks"))).contains("cannot find that review");
        assertThat(history.store().orElseThrow().stats().published()).isZero();
    }
}
