package io.candor.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.candor.TestTeam;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Issue 22, point 7: what {@code candor serve} says when it starts is only what is true. */
class ServeFirstLinesTest {
    private static String firstLines(Map<String, String> env, String yaml) throws Exception {
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        try (Instance i = Instance.start(Settings.read(InstanceRig.config(yaml)), new Instance.Options(TestTeam.memoryUrl(), 0, env,
                Clock.systemUTC(), List.of(), null), new PrintStream(printed, true, StandardCharsets.UTF_8))) {
            return printed.toString(StandardCharsets.UTF_8) + i.runningLine();
        }
    }

    @Test
    void withNoWebhookAndNoChatNothingSaysTheWebhookRuns() throws Exception {
        String off = firstLines(Map.of(), "");
        assertThat(off).contains("The mentions webhook is off").doesNotContain("the webhook takes").doesNotContain("webhook and");
        assertThat(off).contains("No chat platform is configured (SLACK_BOT_TOKEN, DISCORD_TOKEN), so nobody can be messaged"
                + " and the daily reminders reach no one.");
        String on = firstLines(Map.of("CANDOR_WEBHOOK_TOKEN", "t0ken"), "reminders: {enabled: false}\n");
        assertThat(on).doesNotContain("webhook is off")
                .contains("so nobody can be messaged; the webhook takes mentions in.").contains("daily reminders are off");
    }
}
