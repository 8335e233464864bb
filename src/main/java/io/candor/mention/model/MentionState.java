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

    public static MentionState parse(String s) {
        return valueOf(s.toUpperCase(Locale.ROOT));
    }
}
