package io.candor.review;

import static org.assertj.core.api.Assertions.assertThat;

import io.candor.config.CandorConfig;
import io.candor.prompts.Prompts;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * What Candor says about a number reads right for 0, 1 and many: the prompts choose the words with
 * the JDK's ChoiceFormat ({{#plural}}), never "1 words", "for 0 people" or "minute(s)".
 */
class WordsAndNumbersTest {
    private static final CandorConfig CONFIG = CandorConfig.load(null);
    private static final Prompts PROMPTS = new Prompts(CONFIG.prompts());

    private static String say(String key, Map<String, ?> vars) {
        return PROMPTS.render(key, vars);
    }

    @Test
    void countsReadRightForZeroOneAndMany() {
        Map<String, Object> link = Map.of("quote", "https://example.com", "words", 0);
        assertThat(say("findings:context.bare-link.message", link)).contains("has no words of yours");
        assertThat(say("findings:context.bare-link.message", Map.of("quote", "q", "words", 1))).contains("has only one word of yours");
        assertThat(say("findings:context.bare-link.message", Map.of("quote", "q", "words", 3))).contains("has only 3 words of yours");

        Map<String, Object> summary = Map.of("total", 2, "escalated", false, "unassigned", false);
        assertThat(say("mentions:reminder.summary-heading", with(summary, "people", 0))).isEqualTo("Mentions today: 2 waiting, none of them assigned.");
        assertThat(say("mentions:reminder.summary-heading", with(summary, "people", 1))).isEqualTo("Mentions today: 2 waiting, for one person.");
        assertThat(say("mentions:reminder.summary-heading", with(summary, "people", 3))).isEqualTo("Mentions today: 2 waiting, for 3 people.");

        assertThat(say("mentions:serve.surface-unreachable", Map.of("why", "Slack is down", "minutes", 1)))
                .endsWith("tries again every minute.");
        assertThat(say("mentions:serve.surface-unreachable", Map.of("why", "Slack is down", "minutes", 5)))
                .endsWith("tries again every 5 minutes.");
        assertThat(say("chat:terminal.no-reminders", Map.of("min", "1", "next", false))).contains("waited one business hour yet");
        assertThat(say("chat:terminal.no-reminders", Map.of("min", "1.5", "next", false))).contains("waited 1.5 business hours yet");
        assertThat(say("mentions:list.heading", Map.of("count", 1, "more", false, "person", false, "state", "open")))
                .startsWith("1 mention, open");
        assertThat(say("mentions:reminder.age.days", Map.of("n", 1))).isEqualTo("1 business day");
        assertThat(say("mentions:reminder.age.days", Map.of("n", 1234))).isEqualTo("1,234 business days");
    }

    @Test
    void noPromptLeavesTheReaderToPickASingularOrPlural() throws Exception {
        for (String file : List.of("chat", "cli", "discord", "findings", "history", "mentions", "review", "slack", "stats")) {
            String text = CONFIG.prompts().read(file + ".yaml").orElseThrow();
            assertThat(text).as(file).doesNotContain("(s)");
        }
    }

    @Test
    void aFindingQuotesEachHypedPhraseOnce() {
        Review r = new Reviewer(CONFIG).review(Draft.of("TODAY ONLY: our new planner is 40% off, buy now at the shop!!!"));
        Finding hype = r.findings().stream().filter(f -> f.rule().equals("pitch.hype")).findFirst().orElseThrow();
        assertThat(hype.message().split("TODAY ONLY", -1)).as(hype.message()).hasSize(2);
    }

    private static Map<String, Object> with(Map<String, Object> m, String k, Object v) {
        Map<String, Object> out = new java.util.HashMap<>(m);
        out.put(k, v);
        return out;
    }
}
