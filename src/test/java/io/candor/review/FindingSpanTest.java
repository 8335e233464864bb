package io.candor.review;

import static org.assertj.core.api.Assertions.assertThat;

import io.candor.platform.Platform;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Spans are UTF-16 offsets into the original draft: whatever emoji, combining marks,
 * zero-width characters or look-alike letters the writer used, the quoted words are
 * exactly {@code text.substring(start, end)}.
 */
class FindingSpanTest {
    private static final Reviewer REVIEWER = Reviewer.withDefaults();

    @ParameterizedTest
    @ValueSource(strings = {
            "🎉🎉 Check out my channel 🎉 https://bit.ly/x",
            "Cafe\u0301 news 👩‍👩‍👧: subscribe to my channel!!!",
            "ch\u200beck out my ch\u0430nnel",
            "Ｃｈｅｃｋ ｏｕｔ ｍｙ ｃｈａｎｎｅｌ",
            "مرحبا check out my channel \u202Eplease\u202C",
            "e\u0301e\u0301e\u0301 LIMITED TIME offer, act now 🔥🔥"})
    void quotedWordsAreExactlyTheSpan(String text) {
        Review r = REVIEWER.review(Draft.of(text));
        assertThat(r.findings()).isNotEmpty();
        for (Finding f : r.findings()) {
            String quoted = text.substring(f.start(), f.end());
            assertThat(quoted).isNotBlank();
            assertThat(f.message()).contains(Rule.quote(quoted));
        }
    }

    @Test
    void zeroWidthAndLookAlikeLettersDoNotHideAPitch() {
        String text = "ch\u200beck out my ch\u0430nnel";
        Finding f = REVIEWER.review(Draft.of(text)).findings().get(0);
        assertThat(f.rule()).isEqualTo("pitch.self-promo");
        assertThat(text.substring(f.start(), f.end())).isEqualTo(text);
    }

    @Test
    void combiningMarksStayWithTheirLetterInTheSpan() {
        String text = "Visit my cafe\u0301 page today";
        Finding f = REVIEWER.review(Draft.of(text)).findings().stream()
                .filter(x -> x.rule().equals("pitch.self-promo")).findFirst().orElseThrow();
        assertThat(text.substring(f.start(), f.end())).isEqualTo("Visit my cafe\u0301 page");
    }

    @Test
    void spansPointIntoTheDraftNotTheMessageItAnswers() {
        String reply = "🙂 Try our Pro plan";
        Review r = REVIEWER.review(Draft.of(reply).withReplyTo("Does it work offline? 🙏🙏🙏🙏🙏🙏🙏🙏"));
        for (Finding f : r.findings()) {
            assertThat(f.end()).isLessThanOrEqualTo(reply.length());
        }
        assertThat(r.findings()).extracting(f -> reply.substring(f.start(), f.end())).contains("Try our Pro plan");
    }

    @Test
    void platformLimitsCountWhatPeopleSeeNotUtf16Units() {
        String emoji = "🎉".repeat(280); // 280 characters to a reader, 560 UTF-16 units
        assertThat(rules(emoji, Platform.TWITTER)).doesNotContain("platform.too-long");
        String over = emoji + "!";
        Finding f = REVIEWER.review(Draft.of(over).withPlatforms(List.of(Platform.TWITTER))).findings().stream()
                .filter(x -> x.rule().equals("platform.too-long")).findFirst().orElseThrow();
        assertThat(over.substring(f.start(), f.end())).isEqualTo("!");
    }

    private static List<String> rules(String text, Platform p) {
        return REVIEWER.review(Draft.of(text).withPlatforms(List.of(p))).findings().stream().map(Finding::rule).toList();
    }
}
