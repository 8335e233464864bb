package io.candor.slack;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.candor.config.CandorConfig;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The manifest a user pastes into Slack must match what the code listens for. */
class SlackManifestTest {
    final JsonNode manifest;

    SlackManifestTest() throws Exception {
        manifest = CandorConfig.YAML.readTree(Path.of("config", "slack-app-manifest.yaml").toFile());
    }

    @Test
    void commandShortcutAndSocketModeMatchTheCode() {
        assertThat(manifest.path("features").path("slash_commands").get(0).path("command").asText())
                .isEqualTo(ActionIds.COMMAND);
        JsonNode shortcut = manifest.path("features").path("shortcuts").get(0);
        assertThat(shortcut.path("type").asText()).isEqualTo("message");
        assertThat(shortcut.path("callback_id").asText()).isEqualTo(ActionIds.SHORTCUT);
        assertThat(shortcut.path("name").asText()).isEqualTo("Review with Candor");
        assertThat(manifest.path("settings").path("socket_mode_enabled").asBoolean()).isTrue();
        assertThat(manifest.path("settings").path("interactivity").path("is_enabled").asBoolean()).isTrue();
    }

    @Test
    void remindersArriveInADmThatTakesRepliesAndAssignKeepsMemberIds() {
        JsonNode home = manifest.path("features").path("app_home");
        assertThat(home.path("messages_tab_enabled").asBoolean()).isTrue();
        assertThat(home.path("home_tab_enabled").asBoolean()).isTrue();
        assertThat(home.path("messages_tab_read_only_enabled").asBoolean()).isFalse();
        // /coach assign 12 @ana must arrive as <@U123|ana>: SlackListeners reads the member id from it
        assertThat(manifest.path("features").path("slash_commands").get(0).path("should_escape").asBoolean()).isTrue();
    }

    @Test
    void onlyTheScopesAndEventsCandorUses() {
        assertThat(manifest.path("oauth_config").path("scopes").path("bot")).extracting(JsonNode::asText)
                .containsExactlyInAnyOrder("commands", "chat:write", "im:write", "users:read", "channels:history",
                        "groups:history", "reactions:read", "files:write");
        assertThat(manifest.path("settings").path("event_subscriptions").path("bot_events")).extracting(JsonNode::asText)
                .containsExactlyInAnyOrder("message.channels", "message.groups", "reaction_added", "app_home_opened");
    }
}
