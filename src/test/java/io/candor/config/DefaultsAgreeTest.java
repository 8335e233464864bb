package io.candor.config;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.candor.discord.DiscordSettings;
import io.candor.mention.MentionSettings;
import io.candor.remind.ReminderSettings;
import io.candor.review.ReviewSettings;
import io.candor.slack.SlackSettings;
import io.candor.web.ServerSettings;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The bundled {@code config/candor.yaml} documents every default a team can change, and each
 * settings record fills the same defaults for a key a team leaves out. Both are written down,
 * so this keeps them one truth: a default changed in one place and not the other fails here.
 * ({@code history:} has no defaults in code at all: its record takes every value from the file.)
 */
class DefaultsAgreeTest {
    static Map<String, Class<?>> sections() {
        return Map.of("review", ReviewSettings.class, "discord", DiscordSettings.class, "slack", SlackSettings.class,
                "mentions", MentionSettings.class, "reminders", ReminderSettings.class, "server", ServerSettings.class);
    }

    static java.util.stream.Stream<String> names() {
        return sections().keySet().stream().sorted();
    }

    @ParameterizedTest
    @MethodSource("names")
    void theBundledFileAndTheRecordAgreeOnEveryDefault(String name) {
        Class<?> type = sections().get(name);
        Object bundled = CandorConfig.defaults().section(name, type);
        Object leftOut = StrictSettings.decode(JsonNodeFactory.instance.objectNode(), type, "an empty " + name + " section");
        assertThat(leftOut).as(name + ": defaults in config/candor.yaml vs " + type.getSimpleName()).isEqualTo(bundled);
    }
}
