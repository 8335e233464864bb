package io.candor.review;

import java.util.Set;

/**
 * Something the draft already does well, said in words from {@code prompts/}. {@code praises}
 * names the categories it speaks to: it is not offered beside a problem in one of them (no
 * "the thanks is specific" on a fake testimonial).
 */
public record Strength(String id, String message, Set<Category> praises) {
    public Strength {
        praises = Set.copyOf(praises);
    }

    public Strength(String id, String message) {
        this(id, message, Set.of());
    }

    /** False when a problem in a category it praises contradicts it. */
    public boolean standsBeside(java.util.List<Finding> findings) {
        for (Finding f : findings) {
            if (f.severity() == Severity.PROBLEM && praises.contains(f.category())) {
                return false;
            }
        }
        return true;
    }
}
