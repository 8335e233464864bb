package io.candor.slack;

import static io.candor.slack.SlackStandIn.textOf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.candor.TestTeam;
import io.candor.identity.PersonRef;
import io.candor.mention.model.NewMention;
import io.candor.stats.StatsChart;
import io.candor.stats.StatsModule;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

class SlackStatsTest {
    private static final String YAML = """
            people:
              - {name: ana, slack: U1, zone: Europe/Berlin}
              - {name: ben, slack: U2, zone: Europe/Berlin}
            reminders: {zone: Europe/Berlin}
            """;

    @Test
    void coachStatsAnswersPrivatelyAndUploadsTheChartToTheAskersDm() throws Exception {
        Instant now = Instant.now();
        try (TestTeam team = TestTeam.create(YAML, now.minus(Duration.ofDays(2)))) {
            team.m.tracker().ingest(List.of(new NewMention("x", "1", "@sam", "Where is my order?", null,
                    team.clock.instant(), Optional.of(PersonRef.named("ben")), null)), "t");
            team.clock.set(now);
            StatsModule stats = StatsModule.assemble(team.settings.stats(), team.settings.reminders().businessHours(), team.db, team.m.people(), team.reviewer.prompts(), team.clock);
            try (SlackRig rig = new SlackRig(Map.of(), s -> { }, stats.desk())) {
                assertThat(rig.postForm(SlackRig.form(rig.command("stats 7d", "st1"))).statusCode()).isEqualTo(200);
                await().atMost(Duration.ofSeconds(20)).until(() -> !rig.slack.calls("files.completeUploadExternal").isEmpty());

                JsonNode reply = rig.slack.responses("st1").get(0).body();
                assertThat(reply.path("response_type").asText()).isEqualTo("ephemeral");
                String text = textOf(reply.path("blocks"));
                assertThat(text).contains("Team stats").contains("ana: 0 in").contains("The chart is in your DMs");
                assertThat(text).as("a person sees the team and their own row, not a colleague's").doesNotContain("ben:");
                assertThat(text).doesNotContain("Where is my order");

                SlackStandIn.Call slot = rig.slack.calls("files.getUploadURLExternal").get(0);
                assertThat(slot.param("filename")).endsWith(".png");
                SlackStandIn.Call done = rig.slack.calls("files.completeUploadExternal").get(0);
                assertThat(done.param("channel_id")).isEqualTo("DU1"); // conversations.open with the asker
                assertThat(done.param("files")).contains(slot.param("filename").isEmpty() ? "F" : "\"id\":\"F");
                byte[] png = rig.slack.uploads.values().iterator().next();
                assertThat(Integer.parseInt(slot.param("length"))).isEqualTo(png.length);
                BufferedImage img = ImageIO.read(new ByteArrayInputStream(png));
                assertThat(img.getWidth()).isEqualTo(StatsChart.WIDTH);
                assertThat(rig.slack.calls("files.upload")).as("the retired method is never used").isEmpty();
            }
        }
    }
}
