package io.candor.render;

import io.candor.prompts.Prompts;
import io.candor.review.Category;
import io.candor.review.Finding;
import io.candor.review.Review;
import io.candor.review.Strength;
import java.util.List;
import java.util.Map;

/**
 * A review as plain text for a person: the verdict, what is good, then findings grouped
 * by category, each with its message and coaching question. Used by the terminal and by
 * the terminal chat; the Slack and Discord adapters lay out the same parts in their own way.
 */
public final class ReviewText {
    private ReviewText() {
    }

    public static String render(Review r, Prompts p) {
        StringBuilder sb = new StringBuilder();
        sb.append(r.verdictText()).append('\n');
        if (!r.strengths().isEmpty()) {
            sb.append('\n').append(p.render("review:heading.good")).append('\n');
            for (Strength s : r.strengths()) {
                sb.append("  + ").append(s.message()).append('\n');
            }
        }
        for (Map.Entry<Category, List<Finding>> e : r.byCategory().entrySet()) {
            sb.append('\n').append(p.render("review:heading.category." + e.getKey().id())).append('\n');
            for (Finding f : e.getValue()) {
                sb.append("  - [").append(p.render("review:heading.severity." + f.severity().id())).append("] ")
                        .append(f.message()).append("  (").append(f.rule()).append(")\n");
                sb.append("    ? ").append(f.question()).append('\n');
            }
        }
        for (String note : r.notes()) {
            sb.append('\n').append(note).append('\n');
        }
        return sb.toString();
    }
}
