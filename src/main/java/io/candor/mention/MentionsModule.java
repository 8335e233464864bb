package io.candor.mention;

import io.candor.chat.FeedbackBook;
import io.candor.prompts.Prompts;
import io.candor.review.DraftReviewer;
import io.candor.store.Database;
import io.candor.store.MentionStore;
import java.time.Clock;

/**
 * The mentions feature put together from its settings: the store, who owns what, the
 * tracker every surface and command works through, and how mentions are read in.
 */
public record MentionsModule(People people, MentionSettings mentionSettings, MentionStore store, MentionTracker tracker,
                             MentionInput input, Prompts prompts, Clock clock) {

    /**
     * @param reviewer reviews replies drafted in a mention's thread (the only use: may be lazy)
     * @param lines    how lists of mentions read (ages in the reminders' business hours)
     */
    public static MentionsModule assemble(MentionSettings ms, People people, DraftReviewer reviewer, Prompts prompts,
                                          Database db, FeedbackBook feedback, MentionLines lines, Clock clock) {
        MentionStore store = new MentionStore(db);
        Assigner assigner = new Assigner(ms.owners(), people, store::heldBy);
        MentionTracker tracker = new MentionTracker(store, people, assigner, ms, reviewer, feedback, lines, prompts, clock);
        MentionInput input = new MentionInput(prompts, people, ms.maxTextChars());
        return new MentionsModule(people, ms, store, tracker, input, prompts, clock);
    }
}
