package io.candor.mention.model;

import java.util.Locale;

/** Where a mention stands. Open and in-progress ones are what reminders are about. */
public enum MentionState {
    OPEN, IN_PROGRESS, ANSWERED, DISMISSED;

    public boolean waiting() {
        return this == OPEN || this == IN_PROGRESS;
    }

    /** The word stored in the database and shown in prompts: open, in_progress, … */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** A state by its word, in any case; the stored words are matched first, without copying the text. */
    public static MentionState parse(String s) {
        return switch (s) {
            case "open" -> OPEN;
            case "in_progress" -> IN_PROGRESS;
            case "answered" -> ANSWERED;
            case "dismissed" -> DISMISSED;
            default -> valueOf(s.toUpperCase(Locale.ROOT));
        };
    }
}
