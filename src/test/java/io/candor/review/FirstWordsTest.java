package io.candor.review;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The index that keeps pattern matching fast must never lose a match: when unsure, it says null. */
class FirstWordsTest {
    @Test
    void readsTheWordsAPatternMustStartWith() {
        assertThat(FirstWords.of("(check|visit)\\s+(out\\s+)?my")).containsExactly("check", "visit");
        assertThat(FirstWords.of("sub\\s*4\\s*sub|f4f|l4l")).containsExactly("sub", "f4f", "l4l");
        assertThat(FirstWords.of("(?<![\\p{L}])(my|our)\\s+channel")).containsExactly("my", "our");
        assertThat(FirstWords.of("checks?\\s+out")).containsExactly("check");
        assertThat(FirstWords.of("(i'?m|i am)\\s+a")).containsExactly("i", "i am");
        assertThat(FirstWords.of("[$£€]\\s?\\d")).containsExactly("$", "£", "€");
        assertThat(FirstWords.of("\\d+\\s*%\\s*off")).hasSize(10);
        assertThat(FirstWords.of("\\{\\{?\\s*name")).containsExactly("{");
    }

    @Test
    void readsOnPastTheFirstWordWhileTheTextIsCertain() {
        assertThat(FirstWords.of("(?:t\\.me|wa\\.me)/")).containsExactly("t.me/", "wa.me/");
        assertThat(FirstWords.of("(?:i|we)(?:'ll| will) (?:help|fix)")).containsExactly(
                "i'll help", "i'll fix", "i will help", "i will fix", "we'll help", "we'll fix", "we will help", "we will fix");
        assertThat(FirstWords.of("(?<!you )(?:i|we)(?:'ve| have)? (?:just )?sold")).containsExactly("i", "we");
        assertThat(FirstWords.of("thanks?(?= for)| cheers")).isNull();
        assertThat(FirstWords.of("(?:thank you|thanks) (?:so much )?for")).containsExactly("thank you ", "thanks ");
        assertThat(FirstWords.of("(?:buy|sell)+ now")).containsExactly("buy", "sell");
        assertThat(FirstWords.of("free\\s+gift|free!")).containsExactly("free", "free!");
        assertThat(FirstWords.of("to the moon|🚀+")).containsExactly("to the moon", "🚀");
    }

    @Test
    void saysNullWhenTheStartIsOptionalOrUnknown() {
        assertThat(FirstWords.of("(please\\s+)?subscribe")).isNull();
        assertThat(FirstWords.of("^hi there")).isNull();
        assertThat(FirstWords.of("\\w+ly good")).isNull();
        assertThat(FirstWords.of("(a|\\w+)\\s")).isNull();
        assertThat(FirstWords.of(".{0,3}free")).isNull();
        assertThat(FirstWords.of("[a-z]+")).isNull();
        assertThat(FirstWords.of("x?y")).isNull();
    }

    @Test
    void theFastMatcherFindsWhatAPlainSearchFinds() {
        PhraseSet set = new PhraseSet(java.util.List.of("link in bio"),
                java.util.List.of("(check|visit)\\s+(out\\s+)?my\\s+channel", "[$£€]\\s?\\d+", "^hi there", "\\d+\\s*% off"));
        AnalyzedDraft d = AnalyzedDraft.of(Draft.of("Hi there! Visit my channel, 20% off, only £5 — link in bio"));
        assertThat(set.findAll(d, 10)).extracting(m -> d.folded().substring(m[0], m[1]))
                .containsExactly("hi there", "visit my channel", "20% off", "£5", "link in bio");
    }

    @Test
    void aSetWhoseWordsCannotStartInTheDraftFindsNothingAndTheRestStillMatch() {
        // first words of one letter ("i"), of a symbol ("$"), not ASCII (Arabic), and pairs that share a first letter
        PhraseSet set = new PhraseSet(java.util.List.of(), java.util.List.of("i (?:made|earned) \\$\\d+", "مرحبا صديقي", "subscribe now", "sub 4 sub"));
        for (String text : new String[] {"I made $400 last week", "قال مرحبا صديقي اليوم", "sub 4 sub anyone", "please subscribe now"}) {
            AnalyzedDraft d = AnalyzedDraft.of(Draft.of(text));
            assertThat(set.findAll(d, 10)).as(text).hasSize(1);
        }
        AnalyzedDraft none = AnalyzedDraft.of(Draft.of("Lovely weather for a walk by the river today"));
        assertThat(set.findAll(none, 10)).isEmpty();
    }
}
