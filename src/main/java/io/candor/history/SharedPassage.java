package io.candor.history;

import io.candor.text.NormalizedText;
import io.candor.text.Span;
import io.candor.text.TextNormalizer;
import io.candor.text.Token;
import io.candor.text.Tokenizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The longest run of words two texts share (folded, links, handles, emoji and punctuation
 * left out, as history compares them), as a span of each original text: what an adapted
 * copy kept from the earlier post, for the finding to quote.
 */
final class SharedPassage {
    /** Texts longer than this many words are compared on their first ones only. */
    private static final int MAX_WORDS = 3000;

    record Found(Span inDraft, Span inEarlier, int words) {
    }

    private SharedPassage() {
    }

    static Optional<Found> between(String draft, String earlier) {
        Words a = Words.of(draft);
        Words b = Words.of(earlier);
        int best = 0;
        int endA = 0;
        int endB = 0;
        int[] prev = new int[b.size() + 1];
        int[] cur = new int[b.size() + 1];
        for (int i = 1; i <= a.size(); i++) {
            String w = a.words.get(i - 1);
            for (int j = 1; j <= b.size(); j++) {
                cur[j] = w.equals(b.words.get(j - 1)) ? prev[j - 1] + 1 : 0;
                if (cur[j] > best) {
                    best = cur[j];
                    endA = i;
                    endB = j;
                }
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        if (best == 0) {
            return Optional.empty();
        }
        return Optional.of(new Found(a.span(endA - best, endA), b.span(endB - best, endB), best));
    }

    /** A text's content words with where each one is in the original. */
    private record Words(NormalizedText text, List<String> words, List<Token> tokens) {
        static Words of(String s) {
            NormalizedText n = TextNormalizer.normalize(s);
            List<String> words = new ArrayList<>();
            List<Token> tokens = new ArrayList<>();
            for (Token t : Tokenizer.tokenize(n.folded())) {
                if (words.size() == MAX_WORDS) {
                    break;
                }
                switch (t.kind()) {
                    case WORD, NUMBER -> {
                        words.add(t.text());
                        tokens.add(t);
                    }
                    case HASHTAG -> {
                        words.add(t.text().substring(1));
                        tokens.add(t);
                    }
                    default -> { }
                }
            }
            return new Words(n, words, tokens);
        }

        int size() {
            return words.size();
        }

        /** The original text from the first to the last of words [from, to). */
        Span span(int from, int to) {
            return text.toOriginal(tokens.get(from).start(), tokens.get(to - 1).end());
        }
    }
}
