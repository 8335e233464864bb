package io.candor.discord;

import static io.candor.discord.DiscordStandIn.GUILD;
import static io.candor.discord.DiscordStandIn.TOKEN;
import static io.candor.discord.DiscordStandIn.WRITER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.candor.chat.CoachBot;
import io.candor.chat.InMemoryFeedbackBook;
import io.candor.chat.Surface;
import io.candor.config.CandorConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Without channels configured: no message-content intent, global commands; and a dropped gateway resumes. */
class DiscordReconnectTest {
    private static final DiscordSettings DEFAULTS = CandorConfig.defaults().section("discord", DiscordSettings.class);

    private static DiscordSettings settings(Path file) {
        return CandorConfig.load(file).section("discord", DiscordSettings.class);
    }

    @TempDir
    Path dir;

    @Test
    void fromEnvironmentIsOffWithoutAToken() {
        RecordingReviewer reviewer = new RecordingReviewer();
        CoachBot bot = CoachBot.builder(reviewer, new InMemoryFeedbackBook(), reviewer.real.prompts(), 40_000).build();
        assertThat(DiscordSurface.fromEnvironment(Map.of(), DEFAULTS, bot)).isEmpty();
        assertThat(DiscordSurface.fromEnvironment(Map.of("DISCORD_TOKEN", "  "), DEFAULTS, bot)).isEmpty();
    }

    @Test
    void aRefusedTokenOrIntentStopsWithAClearMessageThatDoesNotShowTheToken() throws Exception {
        RecordingReviewer reviewer = new RecordingReviewer();
        CoachBot bot = CoachBot.builder(reviewer, new InMemoryFeedbackBook(), reviewer.real.prompts(), 40_000).build();
        Path cfgFile = dir.resolve("candor.yaml");
        Files.writeString(cfgFile, "discord:\n  drafts_channel: \"" + DiscordStandIn.DRAFTS + "\"\n");
        try (DiscordStandIn discord = new DiscordStandIn()) {
            Surface wrongToken = DiscordSurface.fromEnvironment(Map.of("DISCORD_TOKEN", "not-the-token",
                    "DISCORD_API_URL", discord.apiUrl()), settings(cfgFile), bot).orElseThrow();
            assertThatThrownBy(wrongToken::start).hasMessageContaining("refused DISCORD_TOKEN")
                    .hasMessageNotContaining("not-the-token");
            wrongToken.close();

            discord.refuseIdentify = 4014;
            Surface noIntent = DiscordSurface.fromEnvironment(Map.of("DISCORD_TOKEN", TOKEN,
                    "DISCORD_API_URL", discord.apiUrl()), settings(cfgFile), bot).orElseThrow();
            assertThatThrownBy(noIntent::start).hasMessageContaining("switch on Message Content Intent")
                    .hasMessageNotContaining(TOKEN);
            noIntent.close();
        }
    }

    @Test
    void aDiscordThatCannotBeReachedIsOneLine() throws Exception {
        RecordingReviewer reviewer = new RecordingReviewer();
        CoachBot bot = CoachBot.builder(reviewer, new InMemoryFeedbackBook(), reviewer.real.prompts(), 40_000).build();
        int closed;
        try (java.net.ServerSocket s = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            closed = s.getLocalPort();
        }
        var surface = DiscordSurface.fromEnvironment(Map.of("DISCORD_TOKEN", TOKEN, "DISCORD_API_URL",
                "http://127.0.0.1:" + closed + "/api/v10"), DEFAULTS, bot).orElseThrow();
        org.assertj.core.api.Assertions.assertThatThrownBy(surface::start)
                .isInstanceOf(io.candor.chat.SurfaceUnreachable.class)
                .hasMessage("cannot reach Discord at http://127.0.0.1:" + closed + "/api/v10/: connection refused")
                .hasMessageNotContaining(TOKEN);
        surface.close();
    }

    @Test
    void aDroppedGatewayIsResumedAndTheBotKeepsAnswering() throws Exception {
        RecordingReviewer reviewer = new RecordingReviewer();
        CoachBot bot = CoachBot.builder(reviewer, new InMemoryFeedbackBook(), reviewer.real.prompts(), 40_000).build();
        try (DiscordStandIn discord = new DiscordStandIn()) {
            Surface surface = DiscordSurface.fromEnvironment(Map.of("DISCORD_TOKEN", TOKEN, "DISCORD_API_URL", discord.apiUrl()), DEFAULTS, bot).orElseThrow();
            try {
                assertThat(surface.problem()).contains("starting");
                surface.start();
                assertThat(surface.problem()).as("readiness: connected").isEmpty();
                long intents = discord.identifies.get(0).path("intents").asLong();
                assertThat(intents & (1 << 15)).as("no MESSAGE_CONTENT without channels").isZero();
                assertThat(intents & (1 << 9)).as("no GUILD_MESSAGES without channels").isZero();
                await().atMost(Duration.ofSeconds(20)).until(() -> !discord.requests(r -> r.method().equals("PUT")
                        && r.path().equals("applications/" + DiscordStandIn.BOT + "/commands")).isEmpty());

                discord.drop();
                await().atMost(Duration.ofSeconds(30)).until(() -> !discord.resumes.isEmpty());
                assertThat(discord.resumes.get(0).path("session_id").asText()).isEqualTo("stand-in-session");
                assertThat(discord.resumes.get(0).path("token").asText()).isEqualTo(TOKEN);
                assertThat(discord.identifies).as("resumed, not a new session").hasSize(1);
                await().atMost(Duration.ofSeconds(10)).until(() -> surface.problem().isEmpty());

                String token = discord.slash(GUILD, WRITER, "review", "draft", "After the drop: check out my channel");
                await().atMost(Duration.ofSeconds(20)).until(() -> !discord.requests(r -> r.path().contains("/" + token + "/callback")).isEmpty());
                assertThat(discord.requests(r -> r.path().contains("/" + token + "/callback")).get(0).body()
                        .path("data").path("embeds").get(0).path("fields").toString()).contains("check out my channel");
            } finally {
                surface.close();
            }
            assertThat(surface.problem()).as("readiness after close").isPresent();
        }
    }
}
