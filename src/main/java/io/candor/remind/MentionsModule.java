package io.candor.remind;

import io.candor.chat.FeedbackBook;
import io.candor.config.CandorConfig;
import io.candor.mention.Assigner;
import io.candor.mention.MentionInput;
import io.candor.mention.MentionSettings;
import io.candor.mention.MentionTracker;
import io.candor.mention.People;
import io.candor.review.DraftReviewer;
import io.candor.review.Prompts;
import io.candor.store.Database;
import io.candor.store.MentionStore;
import java.time.Clock;

/**
 * The mentions and reminders feature put together from the settings, once, for
 * {@code candor serve}, {@code candor chat}, {@code candor remind}, the import and tests.
 * Reminders are sent through {@link #reminders(ChatRouter)} once the surfaces are known.
 */
public record MentionsModule(People people, MentionSettings mentionSettings, ReminderSettings reminderSettings,
                             MentionStore store, MentionTracker tracker, MentionInput input, ReminderText text,
                             DailyReminders daily, Prompts prompts, Clock clock) {

    public static MentionsModule assemble(CandorConfig cfg, DraftReviewer reviewer, Prompts prompts, Database db,
                                          FeedbackBook feedback, Clock clock) {
        return assemble(cfg, People.from(cfg), reviewer, prompts, db, feedback, clock);
    }

    /** With a team given here rather than read from {@code people:} (the terminal chat's demo team). */
    public static MentionsModule assemble(CandorConfig cfg, People people, DraftReviewer reviewer, Prompts prompts,
                                          Database db, FeedbackBook feedback, Clock clock) {
        MentionSettings ms = cfg.section("mentions", MentionSettings.class);
        ReminderSettings rs = cfg.section("reminders", ReminderSettings.class);
        MentionStore store = new MentionStore(db);
        Assigner assigner = new Assigner(ms.owners(), people, store::heldBy);
        ReminderText text = new ReminderText(rs, prompts);
        MentionTracker tracker = new MentionTracker(store, people, assigner, ms, reviewer, feedback, text, prompts, clock);
        MentionInput input = new MentionInput(prompts, people, ms.maxTextChars());
        DailyReminders daily = new DailyReminders(rs, text, people, prompts);
        return new MentionsModule(people, ms, rs, store, tracker, input, text, daily, prompts, clock);
    }

    public ReminderService reminders(ChatRouter router) {
        return new ReminderService(store, daily, people, router, prompts);
    }

    public ChatRouter router() {
        return new ChatRouter(people, reminderSettings.summary());
    }
}
