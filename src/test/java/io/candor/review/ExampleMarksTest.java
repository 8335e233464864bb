package io.candor.review;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The marker rule the rule files' examples are held to: a new example cannot skip its span. */
class ExampleMarksTest {
    private static final String WHERE = "config/rules/pitch.yaml: rule pitch.ad";
    private static final String TEXT = "New mugs in the store. Don't miss out, buy now! ";

    private static List<Finding> quoting(int start, int end) {
        return List.of(new Finding("pitch.ad", Category.PITCH, Severity.WARNING, start, end, "m", "q"));
    }

    @Test
    void aTriggerExampleWithoutAMarkerFailsNamingTheFileTheExampleAndTheWordsToMark() {
        assertThatThrownBy(() -> ExampleMarks.check(WHERE, TEXT, null, quoting(39, 46)))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining(WHERE).hasMessageContaining("without <marker>")
                .hasMessageContaining("(buy now)").hasMessageContaining(TEXT);
    }

    @Test
    void theMarkedWordsMustBeTheWordsQuotedWhiteSpaceAroundThemAside() {
        RuleSpec.Example e = RuleSpec.Example.written("New mugs in the store. Don't miss out, <marker>buy now</marker>! ",
                List.of(), null, null);
        assertThatCode(() -> ExampleMarks.check(WHERE, e.text(), e.mark(), quoting(38, 46))).doesNotThrowAnyException();
        assertThatThrownBy(() -> ExampleMarks.check(WHERE, e.text(), "buy", quoting(39, 46)))
                .isInstanceOf(AssertionError.class).hasMessageContaining("the words quoted");
    }

    @Test
    void aFindingThatQuotesNoWordsHasNothingToMark() {
        assertThatCode(() -> ExampleMarks.check(WHERE, TEXT, null, quoting(46, 46))).doesNotThrowAnyException();
        assertThatThrownBy(() -> ExampleMarks.check(WHERE, TEXT, "buy now", quoting(46, 46)))
                .isInstanceOf(AssertionError.class).hasMessageContaining("quotes no words");
    }

    @Test
    void anExampleMarksOneSpan() {
        assertThatThrownBy(() -> RuleSpec.Example.written("<marker>buy</marker> <marker>now</marker>", List.of(), null, null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("marks one span");
        assertThatThrownBy(() -> RuleSpec.Example.written("<marker>buy now", List.of(), null, null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("marks one span");
    }
}
