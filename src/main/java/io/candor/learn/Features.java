package io.candor.learn;

import io.candor.text.Token;
import java.util.ArrayList;
import java.util.List;

/**
 * The evidence a learned model sees in a text: folded words and word pairs, plus a few
 * shapes (a link, a handle, a long number, a run of "!") that matter more than their
 * exact spelling. Each feature remembers the tokens it came from, so a finding can quote
 * the words that weighed most.
 */
public final class Features {
    /** One feature and the range of tokens [first, last] it covers. */
    public record Feature(String name, int first, int last) {
    }

    private Features() {
    }

    public static List<Feature> of(List<Token> tokens) {
        List<String> names = new ArrayList<>(tokens.size());
        List<Integer> at = new ArrayList<>(tokens.size());
        for (int i = 0; i < tokens.size(); i++) {
            String n = unit(tokens.get(i));
            if (n != null) {
                names.add(n);
                at.add(i);
            }
        }
        List<Feature> out = new ArrayList<>(names.size() * 2);
        for (int i = 0; i < names.size(); i++) {
            out.add(new Feature(names.get(i), at.get(i), at.get(i)));
            if (i + 1 < names.size()) {
                out.add(new Feature(names.get(i) + " " + names.get(i + 1), at.get(i), at.get(i + 1)));
            }
        }
        return out;
    }

    private static String unit(Token t) {
        return switch (t.kind()) {
            case WORD -> t.text().length() > 30 ? "<long>" : t.text();
            case NUMBER -> t.text().replaceAll("[.,]", "").length() >= 5 ? "<longnum>" : "<num>";
            case LINK -> "<link>";
            case HANDLE -> "<handle>";
            case HASHTAG -> "<tag>";
            case EMOJI -> "<emoji>";
            case PUNCT -> switch (t.text()) {
                case "!" -> "!";
                case "?" -> "?";
                case "$", "£", "€" -> "<money>";
                default -> null;
            };
        };
    }
}
