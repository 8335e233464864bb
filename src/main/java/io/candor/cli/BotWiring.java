package io.candor.cli;

import io.candor.chat.CoachBot;
import io.candor.chat.FeedbackBook;
import io.candor.config.CandorConfig;
import io.candor.history.History;
import io.candor.history.HistoryReviewer;
import io.candor.history.HistoryRules;
import io.candor.history.HistorySettings;
import io.candor.history.PostedDrafts;
import io.candor.mention.MentionSettings;
import io.candor.mention.People;
import io.candor.network.Connector;
import io.candor.network.Kind;
import io.candor.network.NetworkPoller;
import io.candor.network.NetworkSettings;
import io.candor.network.bluesky.BlueskyConnector;
import io.candor.network.mastodon.MastodonConnector;
import io.candor.remind.RemindersModule;
import io.candor.mention.MentionsModule;
import io.candor.review.DraftReviewer;
import io.candor.prompts.Prompts;
import io.candor.review.Reviewer;
import io.candor.stats.ReviewRecorder;
import io.candor.stats.StatsModule;
import io.candor.store.Database;
import io.candor.store.JdbcFeedbackBook;
import io.candor.store.NetworkCursorStore;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

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

    /** How Candor introduces itself to Mastodon and Bluesky. */
    static final String USER_AGENT = "Candor (read-only mentions; never posts)";

    /**
     * The Mastodon and Bluesky accounts the environment names (none set: an empty list). Made
     * from the settings only: nothing is sent until they are polled.
     *
     * @throws io.candor.config.ConfigException when a connector is half configured or its address is unusable
     */
    public static List<Connector> connectors(CandorConfig cfg, Map<String, String> env, Prompts prompts, Clock clock) {
        NetworkSettings ns = cfg.section("networks", NetworkSettings.class);
        int maxText = cfg.section("mentions", MentionSettings.class).maxTextChars();
        String noText = prompts.render("networks:no-text");
        List<Connector> out = new ArrayList<>();
        MastodonConnector.fromEnvironment(env, ns, maxText, noText, clock, USER_AGENT).ifPresent(out::add);
        BlueskyConnector.fromEnvironment(env, ns, maxText, noText, clock, USER_AGENT).ifPresent(out::add);
        return out;
    }

    /**
     * The poller of those accounts: mentions go in through the mentions module's tracker (the
     * webhook's path), replies the team published there are handed to {@code published}.
     *
     * @param owner this instance's name among those on the database (for the accounts' leases)
     */
    public static NetworkPoller networks(CandorConfig cfg, List<Connector> connectors, MentionsModule mentions,
                                         Database database, NetworkPoller.PublishedReplies published, Clock clock,
                                         String owner) {
        return new NetworkPoller(connectors, mentions.tracker(), new NetworkCursorStore(database), published,
                cfg.section("networks", NetworkSettings.class), clock, owner);
    }

    /** The kinds the settings count, as a person reads them: "mentions, replies, quotes". */
    static String kinds(NetworkSettings ns) {
        return ns.kindSet().stream().map(Kind::id).collect(Collectors.joining(", "));
    }

    /** Closes the history; the database is the caller's. */
    @Override
    public void close() {
        history.close();
    }
}
