package io.candor.cli;

import io.candor.chat.CoachBot;
import io.candor.chat.FeedbackBook;
import io.candor.history.History;
import io.candor.history.HistoryReviewer;
import io.candor.history.HistoryRules;
import io.candor.history.HistorySettings;
import io.candor.remind.RemindersModule;
import io.candor.review.DraftReviewer;
import io.candor.store.JdbcFeedbackBook;
import io.candor.config.CandorConfig;
import io.candor.mention.MentionsModule;
import io.candor.review.Prompts;
import io.candor.review.Reviewer;
import io.candor.stats.ReviewRecorder;
import io.candor.stats.StatsModule;
import io.candor.store.Database;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.UUID;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code candor chat}: the whole bot in the terminal, no Slack or Discord account needed. */
@Command(name = "chat", mixinStandardHelpOptions = true,
        description = {"Try the whole bot in the terminal, no Slack or Discord needed.",
                "Review drafts with /coach, post mentions into a simulated #mentions channel, reply in",
                "their threads, mark them done, see the reminders."},
        footer = {"", "Mentions live in memory unless --db is given."})
public final class ChatCommand implements Callable<Integer> {
    @Option(names = "--as", paramLabel = "NAME", description = "Who you are (a name from people:, default: your user name).")
    String as;

    @Mixin
    DataOptions where;

    @Override
    public Integer call() throws Exception {
        QuietLogs.forInteractiveUse();
        CandorConfig cfg = where.config();
        Reviewer reviewer = new Reviewer(cfg);
        Prompts prompts = reviewer.prompts();
        String location = where.db != null ? where.db : "jdbc:h2:mem:chat-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";
        Clock clock = Clock.systemUTC();
        try (Database database = Database.open(location);
             History history = History.over(database, cfg.section("history", HistorySettings.class), clock)) {
            FeedbackBook feedback = new JdbcFeedbackBook(database, clock);
            // the same reviewer as in Slack and Discord: drafts are compared with what was reviewed before
            DraftReviewer drafts = new HistoryReviewer(reviewer, history, HistoryRules.load(cfg), clock, true)
                    .recording(ReviewRecorder.forTeam(cfg, database, clock));
            RemindersModule r = RemindersModule.assemble(cfg, drafts, prompts, database, feedback, clock);
            MentionsModule m = r.mentions();
            CoachBot bot = new CoachBot(drafts, feedback, m.tracker(), prompts, reviewer.settings().maxChars(),
                    new io.candor.history.PostedDrafts(history, prompts))
                    .withStats(StatsModule.assemble(cfg, database, m.people(), prompts, clock).desk());
            String me = as != null ? as : System.getProperty("user.name", "you");
            BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
            PrintWriter out = new PrintWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8), true);
            try (TerminalChat chat = new TerminalChat(in, out, bot, r, clock, me)) {
                chat.run();
            }
        }
        return 0;
    }
}
