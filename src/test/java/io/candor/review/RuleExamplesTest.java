package io.candor.review;

import static org.assertj.core.api.Assertions.assertThat;

import io.candor.config.CandorConfig;
import io.candor.platform.Platform;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Runs every example of every rule in config/rules: each "trigger" example must produce
 * a finding of that rule quoting the words it marks ({@link ExampleMarks}), each "pass"
 * example must not produce one. Adding a rule means adding examples, and this test checks
 * them with no Java to write.
 */
class RuleExamplesTest {
    private static final Reviewer REVIEWER = Reviewer.withDefaults();

    @TestFactory
    Stream<DynamicTest> everyExampleOfEveryRule() {
        List<RuleSpec> specs = RuleCatalog.load(CandorConfig.defaults().rules(), REVIEWER.settings());
        List<DynamicTest> tests = new ArrayList<>();
        for (RuleSpec spec : specs) {
            for (RuleSpec.Example e : spec.triggers()) {
                tests.add(DynamicTest.dynamicTest(spec.id() + " triggers on: " + e.text(), () -> {
                    List<Finding> found = findings(e, mutedFor(spec, specs));
                    assertThat(found).extracting(Finding::rule).as("rules fired on: " + e.text()).contains(spec.id());
                    ExampleMarks.check(spec.where(), e.text(), e.mark(),
                            found.stream().filter(f -> f.rule().equals(spec.id())).toList());
                }));
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

    /**
     * A fallback rule (the learned model) speaks only when no other rule of its category did,
     * so its trigger examples are run with those rules muted: what is checked is that the
     * model itself recognises them.
     */
    static java.util.Set<String> mutedFor(RuleSpec spec, List<RuleSpec> all) {
        if (!spec.fallback()) {
            return java.util.Set.of();
        }
        return all.stream().filter(o -> o.category() == spec.category() && !o.id().equals(spec.id()))
                .map(RuleSpec::id).collect(java.util.stream.Collectors.toSet());
    }

    static List<String> rulesFired(RuleSpec.Example e) {
        return rulesFired(e, java.util.Set.of());
    }

    static List<String> rulesFired(RuleSpec.Example e, java.util.Set<String> muted) {
        return findings(e, muted).stream().map(Finding::rule).toList();
    }

    static List<Finding> findings(RuleSpec.Example e, java.util.Set<String> muted) {
        List<Platform> platforms = e.platforms().stream().map(p -> Platform.find(p).orElseThrow()).toList();
        Draft d = new Draft(e.text(), platforms, Optional.ofNullable(e.replyTo()), Writer.fromTool("test", "", ""),
                e.kind() == null ? null : DraftKind.parse(e.kind()));
        return REVIEWER.review(d, muted).findings();
    }
}
