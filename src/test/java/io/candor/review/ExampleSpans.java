package io.candor.review;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.candor.config.CandorConfig;
import java.util.List;
import java.util.Map;

/**
 * Prints, for every trigger example of every rule, the words its finding quotes today, as
 * JSON lines: the starting point for marking them {@code <marker>…</marker>} in the rule files
 * (read each before keeping it: the mark states what the finding should quote). Run with
 * <pre>mvn -B -q test-compile exec:java -Dexec.classpathScope=test -Dexec.mainClass=io.candor.review.ExampleSpans</pre>
 */
public final class ExampleSpans {
    private ExampleSpans() {
    }

    public static void main(String[] args) throws Exception {
        Reviewer reviewer = Reviewer.withDefaults();
        List<RuleSpec> specs = RuleCatalog.load(CandorConfig.defaults().rules(), reviewer.settings());
        ObjectMapper json = new ObjectMapper();
        for (RuleSpec spec : specs) {
            for (RuleSpec.Example e : spec.triggers()) {
                Finding f = RuleExamplesTest.findings(e, RuleExamplesTest.mutedFor(spec, specs)).stream()
                        .filter(x -> x.rule().equals(spec.id())).findFirst().orElse(null);
                System.out.println(json.writeValueAsString(Map.of("file", spec.file(), "rule", spec.id(), "text", e.text(),
                        "marked", e.marked(), "start", f == null ? -1 : f.start(), "end", f == null ? -1 : f.end())));
            }
        }
    }
}
