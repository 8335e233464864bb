package io.candor.review;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/** Every example of config/rules/conversation.yaml: what a message asks for, and what gives service. */
class ConversationExamplesTest {
    private static final Conversation CONVERSATION = Reviewer.withDefaults().conversation();
    private static final Map<String, Situation> ASKS = Map.of("place", Situation.ASKED_PLACE, "price", Situation.ASKED_PRICE,
            "recommendation", Situation.ASKED_RECOMMENDATION, "help", Situation.SEEKS_HELP, "complaint", Situation.COMPLAINT);

    @TestFactory
    Stream<DynamicTest> examples() {
        List<DynamicTest> tests = new ArrayList<>();
        assertThat(CONVERSATION.examples()).containsKeys("place", "price", "recommendation", "help", "complaint", "service");
        CONVERSATION.examples().forEach((what, ex) -> {
            if (what.equals("service")) {
                ex.gives().forEach(t -> tests.add(DynamicTest.dynamicTest("service: " + t,
                        () -> assertThat(CONVERSATION.givesService(AnalyzedDraft.of(Draft.of(t)))).isTrue())));
                ex.not().forEach(t -> tests.add(DynamicTest.dynamicTest("not service: " + t,
                        () -> assertThat(CONVERSATION.givesService(AnalyzedDraft.of(Draft.of(t)))).isFalse())));
                return;
            }
            Situation s = ASKS.get(what);
            ex.asks().forEach(t -> tests.add(DynamicTest.dynamicTest(what + ": " + t,
                    () -> assertThat(CONVERSATION.asked(AnalyzedDraft.of(Draft.of(t)))).contains(s))));
            ex.not().forEach(t -> tests.add(DynamicTest.dynamicTest("not " + what + ": " + t,
                    () -> assertThat(CONVERSATION.asked(AnalyzedDraft.of(Draft.of(t)))).doesNotContain(s))));
        });
        return tests.stream();
    }
}
