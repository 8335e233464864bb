package io.candor.remind;

import io.candor.chat.FeedbackBook;
import io.candor.config.CandorConfig;
import io.candor.mention.MentionLines;
import io.candor.mention.MentionsModule;
import io.candor.mention.People;
import io.candor.review.DraftReviewer;
import io.candor.prompts.Prompts;
import io.candor.store.Database;
import java.time.Clock;

/**
 * Mentions and their daily reminders put together from the settings, once: the mentions
 * feature ({@link #mentions()}) with this feature's way of listing them, and the reminders.
 * Reminders are sent through {@link #reminders(ChatRouter)} once the surfaces are known.
 */
public record RemindersModule(MentionsModule mentions, ReminderSettings settings, MentionLines text,
                              DailyReminders daily) {

    public static RemindersModule assemble(CandorConfig cfg, DraftReviewer reviewer, Prompts prompts, Database db,
                                           FeedbackBook feedback, Clock clock) {
        return assemble(cfg, People.from(cfg), reviewer, prompts, db, feedback, clock);
    }

    /** With a team given here rather than read from {@code people:} (the terminal chat's demo team). */
    public static RemindersModule assemble(CandorConfig cfg, People people, DraftReviewer reviewer, Prompts prompts,
                                           Database db, FeedbackBook feedback, Clock clock) {
        ReminderSettings rs = cfg.section("reminders", ReminderSettings.class);
        MentionLines text = rs.mentionLines(prompts);
        MentionsModule mentions = MentionsModule.assemble(cfg, people, reviewer, prompts, db, feedback, text, clock);
        DailyReminders daily = new DailyReminders(rs, text, mentions.people(), prompts);
        return new RemindersModule(mentions, rs, text, daily);
    }

    public ReminderService reminders(ChatRouter router) {
        return new ReminderService(mentions.store(), daily, mentions.people(), router, mentions.prompts());
    }

    public ChatRouter router() {
        return new ChatRouter(mentions.people(), settings.summary());
    }
}
