package io.candor.mention;

import io.candor.chat.FeedbackBook;
import io.candor.config.CandorConfig;
import io.candor.review.DraftReviewer;
import io.candor.prompts.Prompts;
import io.candor.store.Database;
import io.candor.store.MentionStore;
import java.time.Clock;

/**
 * The mentions feature put together from the settings, once, for {@code candor serve},
 * {@code candor chat}, {@code candor remind}, the import and tests. How a list of mentions
 * reads (ages in business hours, escalation marks) is the reminders feature's, so it is given
 * as a {@link MentionLines}: {@code remind.RemindersModule} builds both.
 */
public record MentionsModule(People people, MentionSettings mentionSettings, MentionStore store, MentionTracker tracker,
                             MentionInput input, Prompts prompts, Clock clock) {

    public static MentionsModule assemble(CandorConfig cfg, DraftReviewer reviewer, Prompts prompts, Database db,
                                          FeedbackBook feedback, MentionLines listing, Clock clock) {
        return assemble(cfg, People.from(cfg), reviewer, prompts, db, feedback, listing, clock);
    }

    /** With a team given here rather than read from {@code people:} (the terminal chat's demo team). */
    public static MentionsModule assemble(CandorConfig cfg, People people, DraftReviewer reviewer, Prompts prompts,
                                          Database db, FeedbackBook feedback, MentionLines listing, Clock clock) {
        MentionSettings ms = cfg.section("mentions", MentionSettings.class);
        MentionStore store = new MentionStore(db);
        Assigner assigner = new Assigner(ms.owners(), people, store::heldBy);
        MentionTracker tracker = new MentionTracker(store, people, assigner, ms, reviewer, feedback, listing, prompts, clock);
        MentionInput input = new MentionInput(prompts, people, ms.maxTextChars());
        return new MentionsModule(people, ms, store, tracker, input, prompts, clock);
    }
}
