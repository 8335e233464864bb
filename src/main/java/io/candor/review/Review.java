package io.candor.review;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The answer to a draft: findings in text order, what is already good, and notes about
 * the review itself (for example that the history was unavailable).
 */
public record Review(Draft draft, Verdict verdict, String verdictText, List<Strength> strengths,
                     List<Finding> findings, List<String> notes) {
    public Review {
        strengths = List.copyOf(strengths);
        findings = List.copyOf(findings);
        notes = List.copyOf(notes);
    }

    /** This review with more findings (from history, say) and notes; the verdict follows. */
    public Review with(List<Finding> more, List<String> moreNotes, java.util.function.Function<Verdict, String> verdictWords) {
        List<Finding> all = new ArrayList<>(findings);
        all.addAll(more);
        all.sort(ORDER);
        List<String> n = new ArrayList<>(notes);
        n.addAll(moreNotes);
        Verdict v = Verdict.of(all);
        List<Strength> good = strengths.stream().filter(g -> g.standsBeside(all)).toList();
        return new Review(draft, v, verdictWords.apply(v), good, all, n);
    }

    public static final Comparator<Finding> ORDER = Comparator.comparingInt(Finding::start)
            .thenComparing(Finding::severity, Comparator.reverseOrder())
            .thenComparing(Finding::rule);

    public boolean has(Category c) {
        return findings.stream().anyMatch(f -> f.category() == c);
    }

    /** Findings grouped by category, in category order, each group in text order. */
    public Map<Category, List<Finding>> byCategory() {
        Map<Category, List<Finding>> out = new LinkedHashMap<>();
        for (Category c : Category.values()) {
            List<Finding> fs = findings.stream().filter(f -> f.category() == c).toList();
            if (!fs.isEmpty()) {
                out.put(c, fs);
            }
        }
        return out;
    }
}
