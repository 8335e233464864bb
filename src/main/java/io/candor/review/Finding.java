package io.candor.review;

import java.util.Objects;

/**
 * One thing a reviewer noticed. {@code start}/{@code end} are UTF-16 offsets into the
 * original draft text, so {@code text.substring(start, end)} is exactly the words quoted.
 */
public record Finding(String rule, Category category, Severity severity, int start, int end,
                      String message, String question) {
    public Finding {
        Objects.requireNonNull(rule, "rule");
        Objects.requireNonNull(category, "category");
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(question, "question");
        if (start < 0 || end < start) {
            throw new IllegalArgumentException("bad span [" + start + "," + end + ")");
        }
    }
}
