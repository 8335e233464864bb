package io.candor.review.detect;

import io.candor.review.AnalyzedDraft;
import io.candor.text.Token;
import java.util.Set;

/** Counts the words a writer put in themselves, leaving out filler like "check this out here". */
final class OwnWords {
    private OwnWords() {
    }

    static int count(AnalyzedDraft d, Set<String> filler) {
        int n = 0;
        for (Token t : d.tokens()) {
            if ((t.is(Token.Kind.WORD) || t.is(Token.Kind.NUMBER)) && !filler.contains(t.text())
                    && t.text().codePoints().anyMatch(Character::isLetterOrDigit)) { // "__" is not a word
                n++;
            }
        }
        return n;
    }
}
