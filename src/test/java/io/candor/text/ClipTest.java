package io.candor.text;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ClipTest {
    private static final String THUMB_MEDIUM = "\uD83D\uDC4D\uD83C\uDFFD";             // 👍🏽: 4 chars
    private static final String FRANCE = "\uD83C\uDDEB\uD83C\uDDF7";                   // 🇫🇷: 4 chars
    private static final String TECHNOLOGIST = "\uD83D\uDC69\u200D\uD83D\uDCBB";       // 👩‍💻: 5 chars
    private static final String E_ACUTE = "e\u0301";                                    // é as two code points

    @Test
    void shortTextIsLeftAlone() {
        assertThat(Clip.head("hello", 5)).isEqualTo("hello");
        assertThat(Clip.withEllipsis("hello", 5)).isEqualTo("hello");
        assertThat(Clip.withEllipsis("hello!", 5)).isEqualTo("hell…");
    }

    @Test
    void aCutTextEndsAndATailStartsBetweenWords() {
        assertThat(Clip.withEllipsis("Does it work offline on the train?", 20)).isEqualTo("Does it work…");
        String s = "We could not collect properly.";
        // a tail cut in "collect" starts at the next word, never with "llect"
        assertThat(s.substring(Clip.wordStart(s, s.indexOf("llect")))).isEqualTo("properly.");
        assertThat(s.substring(0, Clip.wordEnd(s, s.indexOf("llect")))).isEqualTo("We could not");
        // one long word: cut where it must, on a grapheme boundary
        assertThat(Clip.withEllipsis("x".repeat(30), 10)).isEqualTo("xxxxxxxxx…");
    }

    @Test
    void aLongQuoteIsCutInTheMiddleBetweenWords() {
        String q = io.candor.review.Rule.quote("Our records show that the delivery team could not collect properly. "
                + "We are sorry about the mix-up and have scheduled another pickup for you this week, free of charge.");
        assertThat(q).contains(" … ").doesNotContain("llect").doesNotContain(" harge");
        for (String part : q.split(" … ")) {
            assertThat(part).doesNotStartWith(" ").doesNotEndWith(" ");
        }
    }

    @Test
    void anEmojiWithItsSkinToneIsKeptWholeOrLeftOut() {
        String s = "ok " + THUMB_MEDIUM + " great";
        for (int max = 3; max < 7; max++) {
            assertThat(Clip.head(s, max)).as("max %d", max).isEqualTo("ok ");
        }
        assertThat(Clip.head(s, 7)).isEqualTo("ok " + THUMB_MEDIUM);
    }

    @Test
    void flagsAreNeverHalved() {
        String s = FRANCE + FRANCE;
        assertThat(Clip.head(s, 6)).isEqualTo(FRANCE);
        assertThat(Clip.head(s, 3)).isEmpty();
        assertThat(Clip.withEllipsis("vive la " + FRANCE + "!", 11)).isEqualTo("vive la …");
    }

    @Test
    void zwjSequencesAndCombiningMarksStayWithTheirBase() {
        assertThat(Clip.head("dev " + TECHNOLOGIST + " team", 8)).isEqualTo("dev ");
        assertThat(Clip.head("dev " + TECHNOLOGIST + " team", 9)).isEqualTo("dev " + TECHNOLOGIST);
        assertThat(Clip.head("caf" + E_ACUTE + " noir", 4)).isEqualTo("caf");
        assertThat(Clip.withEllipsis("caf" + E_ACUTE + " noir", 6)).isEqualTo("caf" + E_ACUTE + "…");
    }

    @Test
    void theResultNeverExceedsTheLimitAndIsAlwaysWellFormed() {
        String s = ("a" + THUMB_MEDIUM + FRANCE + TECHNOLOGIST + E_ACUTE).repeat(20);
        for (int max = 0; max < 120; max++) {
            String cut = Clip.withEllipsis(s, Math.max(1, max));
            assertThat(cut.length()).isLessThanOrEqualTo(Math.max(1, max));
            assertThat(Character.isHighSurrogate(cut.isEmpty() ? 'x' : cut.charAt(cut.length() - 1))).isFalse();
            assertThat(s.startsWith(cut.replace("…", ""))).isTrue();
        }
    }
}
