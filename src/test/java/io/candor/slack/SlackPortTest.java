package io.candor.slack;

import static io.candor.slack.SlackStandIn.textOf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.candor.chat.ChatUser;
import io.candor.chat.Reply;
import io.candor.identity.SurfaceKind;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Reminders as the core sends them: through the surface's ChatPort, to the stand-in Web API. */
class SlackPortTest {
    SlackRig rig;
    final Reply.Mentions reminder = new Reply.Mentions("3 mentions are waiting for you", List.of(
            new Reply.MentionLine("7", "X", "@buyer", "Is there a student discount?", "https://x.example/s/7",
                    "5 business hours", false),
            new Reply.MentionLine("9", "LinkedIn", "Dana", "Your docs link is broken", "", "2 days", true)),
            "Oldest first.");

    @BeforeEach
    void start() throws Exception {
        rig = new SlackRig();
    }

    @AfterEach
    void stop() {
        rig.close();
    }

    @Test
    void reminderDmOpensTheConversationAndCarriesDoneAndSnoozeButtons() {
        rig.surface.port().sendDirect(ChatUser.of(SurfaceKind.SLACK, "T1", "U42", "lee"), reminder);

        assertThat(rig.slack.calls("conversations.open")).singleElement()
                .satisfies(c -> assertThat(c.param("users")).isEqualTo("U42"));
        SlackStandIn.Call post = rig.slack.calls("chat.postMessage").get(0);
        assertThat(post.param("channel")).isEqualTo("DU42");
        assertThat(post.param("text")).isEqualTo("3 mentions are waiting for you");
        JsonNode blocks = post.blocks();
        assertThat(textOf(blocks)).contains("*#7*", "> Is there a student discount?", "*#9*", "waiting long", "Oldest first.");
        assertThat(blocks.findValues("action_id")).extracting(JsonNode::asText).containsExactly(
                ActionIds.MENTION_DONE, ActionIds.MENTION_SNOOZE, ActionIds.MENTION_DONE, ActionIds.MENTION_SNOOZE);
        assertThat(blocks.findValues("value")).extracting(JsonNode::asText).containsExactly("7", "7", "9", "9");
    }

    @Test
    void teamSummaryIsPostedToTheTeamChannel() {
        rig.surface.port().postToChannel("T1", "CTEAM", Reply.text("Team: 4 mentions open, oldest 2 days."));

        SlackStandIn.Call post = rig.slack.calls("chat.postMessage").get(0);
        assertThat(post.param("channel")).isEqualTo("CTEAM");
        assertThat(textOf(post.blocks())).contains("Team: 4 mentions open, oldest 2 days.");
        assertThat(rig.surface.team()).isEqualTo("T1");
    }

    @Test
    void rateLimitedReminderIsDelayedNotDropped() {
        rig.slack.answerOnce("chat.postMessage", 429, "{\"ok\":false,\"error\":\"ratelimited\"}", Map.of("Retry-After", "3"));
        rig.slack.answerOnce("chat.postMessage", 429, "{\"ok\":false,\"error\":\"ratelimited\"}", Map.of());

        rig.surface.port().postToChannel("T1", "CTEAM", Reply.text("summary"));

        assertThat(rig.slack.calls("chat.postMessage")).hasSize(3);
        assertThat(rig.pauses).containsExactly(Duration.ofSeconds(3), Duration.ofSeconds(1));
    }

    @Test
    void aRefusedDeliveryIsReportedWithSlacksReason() {
        rig.slack.answerOnce("chat.postMessage", 200, "{\"ok\":false,\"error\":\"not_in_channel\"}", Map.of());

        assertThatThrownBy(() -> rig.surface.port().postToChannel("T1", "CTEAM", Reply.text("summary")))
                .isInstanceOf(SlackCallFailed.class).hasMessageContaining("chat.postMessage").hasMessageContaining("not_in_channel");
    }
}
