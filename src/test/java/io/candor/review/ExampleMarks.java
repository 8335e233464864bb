package io.candor.review;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

/**
 * What a trigger example's {@code <marker>…</marker>} pins, for the tests that run the
 * examples of config/rules: the words the finding quotes (white space around them aside, as
 * every reply strips it). An example whose finding quotes words must mark them, so a new
 * example cannot leave its span unchecked; a finding that quotes no words has nothing to mark.
 */
public final class ExampleMarks {
    private ExampleMarks() {
    }

    /**
     * Checks one trigger example against the findings its rule made on it.
     *
     * @param where the file and rule, as error messages name them
     * @param mark  the words the example marks, or null when it marks none
     */
    public static void check(String where, String text, String mark, List<Finding> ofRule) {
        List<String> quotes = quotes(text, ofRule);
        if (quotes.stream().allMatch(String::isEmpty)) {
            assertThat(mark).as(where + ": the finding quotes no words, so the example marks none: " + text).isNull();
            return;
        }
        assertThat(mark).as(where + ": trigger example without <marker>…</marker> around the words its finding quotes ("
                + quotes.get(0) + "): " + text).isNotNull();
        assertThat(quotes).as(where + ": the words quoted, in: " + text).contains(mark);
    }

    /** The words each finding quotes: its span of the draft, stripped of surrounding white space. */
    public static List<String> quotes(String text, List<Finding> ofRule) {
        return ofRule.stream().map(f -> text.substring(f.start(), f.end()).strip()).toList();
    }
}
