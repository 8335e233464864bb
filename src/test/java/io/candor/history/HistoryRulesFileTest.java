package io.candor.history;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.candor.config.CandorConfig;
import io.candor.config.ConfigException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** history.yaml's examples mark the words their finding quotes, as the catalogue's rule files do. */
class HistoryRulesFileTest {
    private static final String RULES = """
            rules:
              - id: broadcast.thanks-stream
                examples:
                  trigger: [{text: "%s", platforms: [twitter]}]
                  pass: ["Welcome aboard, Dana!"]
            """;

    private static HistoryRules load(Path root, String trigger) throws Exception {
        Files.createDirectories(root.resolve("rules"));
        Files.writeString(root.resolve("candor.yaml"), "review: {}\n");
        Files.writeString(root.resolve("rules/history.yaml"), RULES.formatted(trigger));
        return HistoryRules.load(CandorConfig.load(root.resolve("candor.yaml")));
    }

    @Test
    void theMarkerIsReadAndIsNotPartOfTheDraft(@TempDir Path root) throws Exception {
        HistoryRules.Example e = load(root, "<marker>Thanks for the follow</marker>, Dana!")
                .rules().get(HistoryRules.THANKS_STREAM).trigger().get(0);
        assertThat(e.text()).isEqualTo("Thanks for the follow, Dana!");
        assertThat(e.mark()).isEqualTo("Thanks for the follow");
        assertThat(e.platforms()).containsExactly("twitter");
    }

    @Test
    void aMarkerLeftOpenIsAnErrorNamingTheFileAndTheRule(@TempDir Path root) {
        assertThatThrownBy(() -> load(root, "<marker>Thanks for the follow, Dana!"))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("history.yaml").hasMessageContaining("broadcast.thanks-stream")
                .hasMessageContaining("marks one span");
    }
}
