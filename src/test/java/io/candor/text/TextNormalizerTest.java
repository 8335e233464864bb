package io.candor.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.junit.jupiter.api.Test;

class TextNormalizerTest {
    @Test
    void foldsCaseCompatibilityFormsAccentsAndLookAlikes() {
        assertThat(TextNormalizer.fold("ＣＨＥＣＫ Café ch\u0430nnel ﬁne")).isEqualTo("check cafe channel fine");
    }

    @Test
    void dropsZeroWidthAndDirectionCharacters() {
        assertThat(TextNormalizer.fold("sub\u200bscr\u200dibe \u202Enow\u202C \uFEFF")).isEqualTo("subscribe now");
    }

    @Test
    void collapsesWhiteSpaceAndTrims() {
        assertThat(TextNormalizer.fold("  a \t\n  b  ")).isEqualTo("a b");
    }

    @Test
    void everyFoldedRangeMapsBackToTheOriginalWords() {
        String text = "  Hé\u200bllo 👩‍👩‍👧 ＷＯＲＬＤ  ";
        NormalizedText n = TextNormalizer.normalize(text);
        int at = n.folded().indexOf("world");
        assertThat(n.toOriginal(at, at + 5).of(text)).isEqualTo("ＷＯＲＬＤ");
        int hello = n.folded().indexOf("hello");
        assertThat(n.toOriginal(hello, hello + 5).of(text)).isEqualTo("Hé\u200bllo");
    }

    @Test
    void spansStayInsideTheTextForAnyInput() {
        Random random = new Random(42);
        int[] pool = {'a', 'Z', ' ', '\u200b', '\u0301', 0x1F600, 0x0430, 0xFF21, '\n', '!', 0x202E, 0xFB01, '#', '@'};
        for (int round = 0; round < 2_000; round++) {
            StringBuilder sb = new StringBuilder();
            int len = random.nextInt(30);
            for (int i = 0; i < len; i++) {
                sb.appendCodePoint(pool[random.nextInt(pool.length)]);
            }
            String text = sb.toString();
            NormalizedText n = TextNormalizer.normalize(text);
            for (int s = 0; s <= n.length(); s++) {
                for (int e = s; e <= n.length(); e++) {
                    Span span = n.toOriginal(s, e);
                    assertThat(span.end()).isLessThanOrEqualTo(text.length());
                    // never cuts a surrogate pair in half
                    assertThat(span.start() == 0 || !Character.isLowSurrogate(text.charAt(span.start()))).isTrue();
                }
            }
        }
    }
}
