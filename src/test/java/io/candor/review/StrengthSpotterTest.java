package io.candor.review;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.candor.config.CandorConfig;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/** What a review says is already good, from config/rules/strengths.yaml examples and replies. */
class StrengthSpotterTest {
    private static final Reviewer REVIEWER = Reviewer.withDefaults();

    @TestFactory
    Stream<DynamicTest> strengthExamples() throws Exception {
        JsonNode root = CandorConfig.YAML.readTree(CandorConfig.defaults().rules().read("strengths.yaml").orElseThrow());
        List<DynamicTest> tests = new ArrayList<>();
        root.path("examples").properties().forEach(e -> {
            String id = e.getKey();
            e.getValue().path("has").forEach(t -> tests.add(DynamicTest.dynamicTest(id + " in: " + t.asText(),
                    () -> assertThat(strengths(Draft.of(t.asText()))).contains(id))));
            e.getValue().path("lacks").forEach(t -> tests.add(DynamicTest.dynamicTest(id + " not in: " + t.asText(),
                    () -> assertThat(strengths(Draft.of(t.asText()))).doesNotContain(id))));
        });
        return tests.stream();
    }

    @Test
    void aReplyThatNamesThePersonAndAnswersTheirWordsIsPraised() {
        Draft d = Draft.of("Hi Maya, yes: offline edits are kept on the phone and sync once the app reconnects.")
                .withReplyTo("Does the app keep my edits offline? @maya");
        assertThat(strengths(d)).contains("names-person", "answers-them");
        Review r = REVIEWER.review(d);
        assertThat(r.strengths()).extracting(Strength::message).anyMatch(m -> m.contains("Maya"));
    }

    @Test
    void aSalesQuestionIsNotPraisedAsAQuestion() {
        Draft d = Draft.of("Want to save hours every week? Try our Pro plan today, DM me")
                .withReplyTo("My cat knocked my coffee over again.");
        assertThat(strengths(d)).doesNotContain("asks-question");
    }

    private static List<String> strengths(Draft d) {
        return REVIEWER.review(d).strengths().stream().map(Strength::id).toList();
    }
}
