package io.candor.remind;

import io.candor.mention.MentionLines;
import io.candor.mention.MentionsModule;
import io.candor.store.Database;
import io.candor.store.SentReminders;

/**
 * The daily reminders put together from their settings, over the mentions feature: what each
 * person's DM and the team summary say ({@link #daily()}). Reminders are sent through
 * {@link #reminders(ChatRouter)} once the surfaces are known.
 */
public record RemindersModule(MentionsModule mentions, ReminderSettings settings, MentionLines text,
                              DailyReminders daily, SentReminders sent) {

    /**
     * @param lines how mention lists read ({@link ReminderSettings#mentionLines}), shared with the mentions feature
     * @param db    where the delivery log is kept: the mentions' database
     */
    public static RemindersModule assemble(ReminderSettings rs, MentionsModule mentions, MentionLines lines, Database db) {
        return new RemindersModule(mentions, rs, lines, new DailyReminders(rs, lines, mentions.people(), mentions.prompts()),
                new SentReminders(db));
    }

    public ReminderService reminders(ChatRouter router) {
        return new ReminderService(mentions.store(), sent, daily, mentions.people(), router, mentions.prompts());
    }

    public ChatRouter router() {
        return new ChatRouter(mentions.people(), settings.summary());
    }
}
