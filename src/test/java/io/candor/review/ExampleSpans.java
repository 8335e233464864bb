package io.candor.review;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.candor.config.CandorConfig;
import java.util.List;
import java.util.Map;

/**
 * Prints, for every trigger example of every rule in the catalogue, the span its finding
 * quotes today (white space around it aside) and what the example marks, as JSON lines: the
 * starting point for marking many examples {@code <marker>…</marker>} at once (read each
 * before keeping it: the mark states what the finding should quote). For one example, the
 * failure of RuleExamplesTest or HistoryRulesExamplesTest names the words to mark. Run with
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
                int start = f == null ? -1 : f.start();
                int end = f == null ? -1 : f.end();
                while (start < end && Character.isWhitespace(e.text().charAt(start))) {
                    start++; // the words quoted, without the white space every reply strips
                }
                while (end > start && Character.isWhitespace(e.text().charAt(end - 1))) {
                    end--;
                }
                System.out.println(json.writeValueAsString(Map.of("file", spec.file(), "rule", spec.id(), "text", e.text(),
                        "marked", e.marked(), "mark", e.marked() ? e.mark() : "", "start", start, "end", end)));
            }
        }
    }
}
