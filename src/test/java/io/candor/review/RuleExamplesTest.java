package io.candor.review;

import static org.assertj.core.api.Assertions.assertThat;

import io.candor.config.CandorConfig;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Runs every example of every rule in config/rules: each "trigger" example must produce
 * a finding of that rule, each "pass" example must not. Adding a rule means adding
 * examples, and this test checks them with no Java to write.
 */
class RuleExamplesTest {
    private static final Reviewer REVIEWER = Reviewer.withDefaults();

    @TestFactory
    Stream<DynamicTest> everyExampleOfEveryRule() {
        List<RuleSpec> specs = RuleCatalog.load(CandorConfig.defaults().rules(), REVIEWER.settings());
        List<DynamicTest> tests = new ArrayList<>();
        for (RuleSpec spec : specs) {
            for (RuleSpec.Example e : spec.triggers()) {
                tests.add(DynamicTest.dynamicTest(spec.id() + " triggers on: " + e.text(), () ->
                        assertThat(rulesFired(e)).as("rules fired on: " + e.text()).contains(spec.id())));
            }
            for (RuleSpec.Example e : spec.passes()) {
                tests.add(DynamicTest.dynamicTest(spec.id() + " passes: " + e.text(), () ->
                        assertThat(rulesFired(e)).as("rules fired on: " + e.text()).doesNotContain(spec.id())));
            }
        }
        return tests.stream();
    }

    @Test
    void everyRuleHasExamplesBothWays() {
        for (RuleSpec spec : RuleCatalog.load(CandorConfig.defaults().rules(), REVIEWER.settings())) {
            assertThat(spec.triggers()).as(spec.id() + " trigger examples").isNotEmpty();
            assertThat(spec.passes()).as(spec.id() + " pass examples").isNotEmpty();
        }
    }

    static List<String> rulesFired(RuleSpec.Example e) {
        List<Platform> platforms = e.platforms().stream().map(p -> Platform.find(p).orElseThrow()).toList();
        Draft d = new Draft(e.text(), platforms, Optional.ofNullable(e.replyTo()), "", "", "test",
                e.kind() == null ? null : DraftKind.parse(e.kind()));
        return REVIEWER.review(d).findings().stream().map(Finding::rule).toList();
    }
}
