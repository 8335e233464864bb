package io.candor.slack;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SlackTextTest {
    @Test
    void linksMentionsAndEntitiesBecomeWhatThePersonTyped() {
        assertThat(SlackText.plain("Read <https://acme.io/blog|acme.io/blog> &amp; tell <@U123|ana> in <#C9|social>"))
                .isEqualTo("Read acme.io/blog & tell @ana in #social");
        assertThat(SlackText.plain("<https://acme.io> <@U123> <!here> <mailto:a@b.io|a@b.io> 3 &lt; 4 &gt; 2"))
                .isEqualTo("https://acme.io @U123 @here a@b.io 3 < 4 > 2");
        assertThat(SlackText.plain("no formatting, a $5 deal \\o/")).isEqualTo("no formatting, a $5 deal \\o/");
        assertThat(SlackText.plain(null)).isEmpty();
    }
}
