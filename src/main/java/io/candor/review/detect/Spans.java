package io.candor.review.detect;

import io.candor.review.AnalyzedDraft;
import io.candor.text.Span;
import io.candor.text.Token;
import java.util.List;

/** Spans that detectors about the whole draft quote. */
final class Spans {
    private static final int OPENING_WORDS = 8;

    private Spans() {
    }

    /** The first words of a draft (up to the end of the first sentence or eight words). */
    static Span opening(AnalyzedDraft d) {
        List<Token> tokens = d.tokens();
        if (tokens.isEmpty()) {
            return d.whole();
        }
        int words = 0;
        Token last = tokens.get(0);
        for (Token t : tokens) {
            if (t.is(Token.Kind.PUNCT) && ".!?\n".contains(t.text()) && words > 0) {
                last = t;
                break;
            }
            last = t;
            if (!t.is(Token.Kind.PUNCT) && ++words >= OPENING_WORDS) {
                break;
            }
        }
        return d.span(tokens.get(0).start(), last.end());
    }
}
