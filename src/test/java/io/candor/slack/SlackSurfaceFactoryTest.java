package io.candor.slack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.candor.chat.CoachBot;
import io.candor.chat.InMemoryFeedbackBook;
import io.candor.config.CandorConfig;
import io.candor.config.ConfigException;
import io.candor.review.Reviewer;
import io.candor.web.Routes;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SlackSurfaceFactoryTest {
    final Reviewer reviewer = Reviewer.withDefaults();
    final CoachBot bot = CoachBot.builder(reviewer, new InMemoryFeedbackBook(), reviewer.prompts(), 40_000).build();
    final Routes routes = (path, handler) -> { };
    final CandorConfig cfg = CandorConfig.defaults();

    @Test
    void noSlackVariablesMeansNoSlack() {
        assertThat(SlackSurface.fromEnvironment(Map.of("HOME", "/root"), cfg.section("slack", SlackSettings.class), bot, routes)).isEmpty();
        assertThat(SlackSurface.fromEnvironment(Map.of("SLACK_BOT_TOKEN", " "), cfg.section("slack", SlackSettings.class), bot, routes)).isEmpty();
    }

    @Test
    void appTokenChoosesSocketModeAndSigningSecretChoosesHttp() {
        var socket = SlackSurface.create(Map.of("SLACK_BOT_TOKEN", "xoxb-1", "SLACK_APP_TOKEN", "xapp-1"),
                new SlackSettings("", 1), bot, null, d -> { }).orElseThrow();
        var http = SlackSurface.create(Map.of("SLACK_BOT_TOKEN", "xoxb-1", "SLACK_SIGNING_SECRET", "s"),
                new SlackSettings("", 1), bot, routes, d -> { }).orElseThrow();
        assertThat(socket.mode()).isEqualTo("socket");
        assertThat(http.mode()).isEqualTo("http");
        assertThat(socket.name()).isEqualTo("slack");
        socket.close();
        http.close();
    }

    @Test
    void incompleteSettingsNameWhatIsMissingWithoutEchoingSecrets() {
        assertThatThrownBy(() -> SlackSurface.fromEnvironment(Map.of("SLACK_SIGNING_SECRET", "sekrit-value"), cfg.section("slack", SlackSettings.class), bot, routes))
                .isInstanceOf(ConfigException.class).hasMessageContaining("SLACK_BOT_TOKEN is not set")
                .hasMessageNotContaining("sekrit-value");
        assertThatThrownBy(() -> SlackSurface.fromEnvironment(Map.of("SLACK_BOT_TOKEN", "xoxb-abc"), cfg.section("slack", SlackSettings.class), bot, routes))
                .isInstanceOf(ConfigException.class).hasMessageContaining("SLACK_SIGNING_SECRET")
                .hasMessageContaining("SLACK_APP_TOKEN").hasMessageNotContaining("xoxb-abc");
        assertThatThrownBy(() -> SlackSurface.fromEnvironment(Map.of("SLACK_BOT_TOKEN", "xapp-wrong-kind"), cfg.section("slack", SlackSettings.class), bot, routes))
                .isInstanceOf(ConfigException.class).hasMessageContaining("xoxb-").hasMessageNotContaining("xapp-wrong-kind");
        assertThatThrownBy(() -> SlackSurface.fromEnvironment(Map.of("SLACK_BOT_TOKEN", "xoxb-1", "SLACK_APP_TOKEN", "xoxb-2"), cfg.section("slack", SlackSettings.class), bot, routes)).isInstanceOf(ConfigException.class).hasMessageContaining("xapp-");
        assertThatThrownBy(() -> SlackSurface.fromEnvironment(Map.of("SLACK_BOT_TOKEN", "xoxb-1",
                "SLACK_SIGNING_SECRET", "s", "SLACK_API_URL", "slack.example"), cfg.section("slack", SlackSettings.class), bot, routes))
                .isInstanceOf(ConfigException.class).hasMessageContaining("SLACK_API_URL");
    }

    @Test
    void aTokenSlackRefusesStopsStartWithAClearMessage() throws Exception {
        try (SlackStandIn standIn = new SlackStandIn()) {
            standIn.answerOnce("auth.test", 200, "{\"ok\":false,\"error\":\"invalid_auth\"}", Map.of());
            SlackSurface s = SlackSurface.create(Map.of("SLACK_BOT_TOKEN", "xoxb-revoked", "SLACK_SIGNING_SECRET", "s",
                    "SLACK_API_URL", standIn.apiUrl()), new SlackSettings("", 1), bot, routes, d -> { }).orElseThrow();
            assertThatThrownBy(s::start).isInstanceOf(ConfigException.class)
                    .hasMessage("Slack did not accept SLACK_BOT_TOKEN (invalid_auth)");
            s.close();
        }
    }

    @Test
    void aSlackThatCannotBeReachedIsOneLineNotARefusedToken() throws Exception {
        int closed;
        try (java.net.ServerSocket s = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            closed = s.getLocalPort(); // nobody listens there once this closes
        }
        SlackSurface s = SlackSurface.create(Map.of("SLACK_BOT_TOKEN", "xoxb-fine", "SLACK_SIGNING_SECRET", "s",
                "SLACK_API_URL", "http://127.0.0.1:" + closed + "/api/"), new SlackSettings("", 1), bot, routes, d -> { })
                .orElseThrow();
        assertThatThrownBy(s::start).isInstanceOf(io.candor.chat.SurfaceUnreachable.class)
                .hasMessage("cannot reach Slack at http://127.0.0.1:" + closed + "/api/: connection refused");
        s.close();
    }

    @Test
    void slackSectionOfTheBundledSettingsIsReadable() {
        SlackSettings s = cfg.section("slack", SlackSettings.class);
        assertThat(s.watchesMentions()).isFalse();
        assertThat(s.workers()).isEqualTo(Math.max(2, Runtime.getRuntime().availableProcessors()));
    }
}
