package io.candor.cli;

import io.candor.chat.CoachBot;
import io.candor.chat.FeedbackBook;
import io.candor.config.CandorConfig;
import io.candor.history.History;
import io.candor.history.HistoryReviewer;
import io.candor.history.HistoryRules;
import io.candor.history.HistorySettings;
import io.candor.history.PostedDrafts;
import io.candor.mention.People;
import io.candor.remind.RemindersModule;
import io.candor.mention.MentionsModule;
import io.candor.review.DraftReviewer;
import io.candor.review.Prompts;
import io.candor.review.Reviewer;
import io.candor.stats.ReviewRecorder;
import io.candor.stats.StatsModule;
import io.candor.store.Database;
import io.candor.store.JdbcFeedbackBook;
import java.time.Clock;

/**
 * The composition root of the bot: from the settings and a database, the one way its parts are
 * put together, for {@code candor serve} ({@link Instance}), {@code candor chat} and the tests.
 * Drafts from chat are compared with the team's history and remembered, reviews are recorded
 * for stats, feedback is kept in the database. What only a server needs (the HTTP server, chat
 * surfaces, schedulers, the history's purge) stays with {@link Instance}.
 *
 * @param drafts the reviewer every surface uses: history and stats recording around the rules
 */
public record BotWiring(Reviewer rules, Prompts prompts, FeedbackBook feedback, History history, DraftReviewer drafts,
                        RemindersModule remind, MentionsModule mentions, StatsModule stats, CoachBot bot) implements AutoCloseable {

    /** @param people the team: {@code People.from(cfg)}, or the terminal chat's demo team */
    public static BotWiring assemble(CandorConfig cfg, Reviewer rules, Database database, People people, Clock clock) {
        Prompts prompts = rules.prompts();
        FeedbackBook feedback = new JdbcFeedbackBook(database, clock);
        History history = History.over(database, cfg.section("history", HistorySettings.class), clock);
        try {
            DraftReviewer drafts = new HistoryReviewer(rules, history, HistoryRules.load(cfg), clock, true)
                    .recording(ReviewRecorder.forTeam(cfg, database, clock));
            RemindersModule remind = RemindersModule.assemble(cfg, people, drafts, prompts, database, feedback, clock);
            MentionsModule mentions = remind.mentions();
            StatsModule stats = StatsModule.assemble(cfg, database, mentions.people(), prompts, clock);
            CoachBot bot = new CoachBot(drafts, feedback, mentions.tracker(), prompts, rules.settings().maxChars(),
                    new PostedDrafts(history, prompts)).withStats(stats.desk());
            return new BotWiring(rules, prompts, feedback, history, drafts, remind, mentions, stats, bot);
        } catch (RuntimeException | Error e) {
            history.close();
            throw e;
        }
    }

    /** Closes the history; the database is the caller's. */
    @Override
    public void close() {
        history.close();
    }
}
