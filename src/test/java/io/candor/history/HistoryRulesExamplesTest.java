package io.candor.history;

import static org.assertj.core.api.Assertions.assertThat;

import io.candor.review.ExampleMarks;
import io.candor.review.Finding;
import io.candor.review.Review;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Runs every example of config/rules/history.yaml against the seeded history there; a trigger
 * example marks the words its finding quotes, as in the other rule files ({@link ExampleMarks}).
 */
class HistoryRulesExamplesTest {
    private static Fixture fx;

    @BeforeAll
    static void seed() {
        fx = new Fixture();
        for (HistoryRules.SeedPost p : Fixture.HISTORY_RULES.seed()) {
            if (p.reviewed()) {
                fx.seedReply(p.text(), p.author(), p.hoursAgo(), p.replyTo(), p.platforms().toArray(String[]::new));
            } else {
                fx.post(p.text(), p.author(), p.hoursAgo(), p.platforms().toArray(String[]::new));
            }
        }
    }

    @AfterAll
    static void close() {
        fx.history.close();
    }

    @TestFactory
    List<DynamicTest> everyExample() {
        List<DynamicTest> tests = new ArrayList<>();
        assertThat(Fixture.HISTORY_RULES.rules()).hasSize(4);
        for (HistoryRules.Rule rule : Fixture.HISTORY_RULES.rules().values()) {
            assertThat(rule.trigger()).as(rule.id() + " has trigger examples").isNotEmpty();
            assertThat(rule.pass()).as(rule.id() + " has pass examples").isNotEmpty();
            for (HistoryRules.Example e : rule.trigger()) {
                tests.add(DynamicTest.dynamicTest(rule.id() + " triggers on: " + e.text(), () -> {
                    List<Finding> found = findings(e);
                    assertThat(found).extracting(Finding::rule).as(e.text()).contains(rule.id());
                    ExampleMarks.check(HistoryRules.FILE + ": rule " + rule.id(), e.text(), e.mark(),
                            found.stream().filter(f -> f.rule().equals(rule.id())).toList());
                }));
            }
            for (HistoryRules.Example e : rule.pass()) {
                tests.add(DynamicTest.dynamicTest(rule.id() + " passes: " + e.text(), () ->
                        assertThat(findings(e)).extracting(Finding::rule).as(e.text()).doesNotContain(rule.id())));
            }
        }
        return tests;
    }

    private static List<Finding> findings(HistoryRules.Example e) {
        Review r = fx.reviewer(false).review(Fixture.draft(e.text(), e.author().isEmpty() ? "Rui" : e.author(), e.source(),
                e.platforms().toArray(String[]::new)).withReplyTo(e.replyTo()));
        return r.findings();
    }
}
