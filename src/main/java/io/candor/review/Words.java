package io.candor.review;

import io.candor.text.Token;
import java.util.LinkedHashSet;
import java.util.Set;

/** Content words: what two texts must share to be about the same thing. */
public final class Words {
    private Words() {
    }

    /** Words of three letters or more that are not stop words, crudely stemmed, plus handles and numbers. */
    public static Set<String> content(AnalyzedDraft d, Set<String> stopwords) {
        Set<String> out = new LinkedHashSet<>();
        for (Token t : d.tokens()) {
            switch (t.kind()) {
                case WORD -> {
                    if (t.text().length() >= 3 && !stopwords.contains(t.text())) {
                        out.add(stem(t.text()));
                    }
                }
                case NUMBER, HANDLE -> out.add(t.text());
                case HASHTAG -> out.add(stem(t.text().substring(1)));
                default -> {
                }
            }
        }
        return out;
    }

    public static Set<String> shared(Set<String> a, Set<String> b) {
        Set<String> s = new LinkedHashSet<>(a);
        s.retainAll(b);
        return s;
    }

    /** Strips common English endings so "shipping", "ships" and "shipped" meet. */
    public static String stem(String w) {
        String s = w.replace("’", "'");
        if (s.endsWith("'s")) {
            s = s.substring(0, s.length() - 2);
        }
        for (String end : new String[] {"ing", "ed", "es", "s", "ly"}) {
            if (s.length() - end.length() >= 3 && s.endsWith(end)) {
                s = s.substring(0, s.length() - end.length());
                break;
            }
        }
        if (s.length() > 3 && s.charAt(s.length() - 1) == s.charAt(s.length() - 2)) {
            s = s.substring(0, s.length() - 1); // shipp -> ship
        }
        return s;
    }
}
