package io.candor.cli;

import io.candor.chat.CoachBot;
import io.candor.chat.FeedbackBook;
import io.candor.history.History;
import io.candor.history.HistoryReviewer;
import io.candor.history.HistoryRules;
import io.candor.history.PostedDrafts;
import io.candor.mention.MentionLines;
import io.candor.mention.MentionsModule;
import io.candor.mention.People;
import io.candor.network.Connector;
import io.candor.network.Kind;
import io.candor.network.NetworkPoller;
import io.candor.network.NetworkSettings;
import io.candor.network.bluesky.BlueskyConnector;
import io.candor.network.mastodon.MastodonConnector;
import io.candor.prompts.Prompts;
import io.candor.remind.RemindersModule;
import io.candor.review.DraftReviewer;
import io.candor.review.Reviewer;
import io.candor.stats.ReviewRecorder;
import io.candor.stats.StatsModule;
import io.candor.store.Database;
import io.candor.store.JdbcFeedbackBook;
import io.candor.store.NetworkCursorStore;
import io.candor.store.ReviewLogStore;
import io.candor.store.StorageSettings;
import io.candor.store.StoreUnavailableException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;

/**
 * The composition root: the one graph of the app's parts, for every command, {@code candor
 * serve} ({@link Instance}) and the tests. Each part is made on first use, once, from the
 * settings (read whole at start) and the parts it needs, so a command builds only what it
 * asks for: {@code candor mentions list} never loads the rules or the history. What was opened
 * closes in reverse order of opening ({@link #close()}); {@link Instance} adds the server's
 * own parts (HTTP server, webhook, surfaces, schedulers) to the same order.
 */
public final class BotWiring implements AutoCloseable {
    /** How Candor introduces itself to Mastodon and Bluesky. */
    static final String USER_AGENT = "Candor (read-only mentions; never posts)";

    private final Settings settings;
    private final String db;
    private final Map<String, String> env;
    private final Clock clock;
    private final Parts parts = new Parts();
    private final Lazy<People> people;

    private final Lazy<Prompts> prompts = Lazy.of(this::makePrompts);
    private final Lazy<Reviewer> rules = Lazy.of(this::makeRules);
    private final Lazy<Database> database = Lazy.of(this::openDatabase);
    private final Lazy<FeedbackBook> feedback = Lazy.of(() -> new JdbcFeedbackBook(database(), clock()));
    private final Lazy<History> history = Lazy.of(() -> History.over(database(), settings().history(), clock()));
    private final Lazy<DraftReviewer> drafts = Lazy.of(this::makeDrafts);
    private final Lazy<MentionLines> lines = Lazy.of(() -> settings().reminders().mentionLines(prompts()));
    private final Lazy<MentionsModule> mentions = Lazy.of(this::makeMentions);
    private final Lazy<RemindersModule> reminders = Lazy.of(
            () -> RemindersModule.assemble(settings().reminders(), mentions(), mentionLines(), database()));
    private final Lazy<StatsModule> stats = Lazy.of(() -> StatsModule.assemble(settings().stats(),
            settings().reminders().businessHours(), database(), people(), prompts(), clock()));
    private final Lazy<CoachBot> bot = Lazy.of(this::makeBot);
    private final Lazy<List<Connector>> connectors = Lazy.of(this::makeConnectors);

    /**
     * @param db  --db, or null: $CANDOR_DB, else storage.url, else the data folder's file
     * @param env the environment: the database's user and password, the networks' accounts
     */
    private BotWiring(Settings settings, String db, Map<String, String> env, Clock clock, People team) {
        this.settings = settings;
        this.db = db;
        this.env = Map.copyOf(env);
        this.clock = clock;
        this.people = Lazy.of(() -> team);
    }

    public static BotWiring of(Settings settings, String db, Map<String, String> env, Clock clock) {
        return new BotWiring(settings, db, env, clock, settings.team());
    }

    /** The same app for another team than {@code people:} (the terminal chat's demo team). */
    public static BotWiring of(Settings settings, String db, Map<String, String> env, Clock clock, People team) {
        return new BotWiring(settings, db, env, clock, team);
    }

    public Settings settings() {
        return settings;
    }

    public Clock clock() {
        return clock;
    }

    public Map<String, String> env() {
        return env;
    }

    /** The team: {@code people:}, and whoever chat introduces. */
    public People people() {
        return people.get();
    }

    /** Every sentence Candor says. */
    public Prompts prompts() {
        return prompts.get();
    }

    /** The review rules, loaded from their files: the slowest part to make. */
    public Reviewer rules() {
        return rules.get();
    }

    /** Where the database is: --db, else $CANDOR_DB, else storage.url, else the data folder's file. */
    public String location() {
        return settings.storage().location(db, env);
    }

    /** True when the database is a file that does not exist yet: a command that only reads need not create it. */
    public boolean databaseMissing() {
        return StorageSettings.isMissingFile(location());
    }

    /**
     * The database, opened (and created, and migrated) on first use.
     *
     * @throws io.candor.store.StoreUnavailableException when it cannot be used (one line says why)
     */
    public Database database() {
        return database.get();
    }

    public FeedbackBook feedback() {
        return feedback.get();
    }

    /** The team's post history over the database, its index loaded. */
    public History history() {
        return history.get();
    }

    /** The reviewer every chat surface uses: history and stats recording around the rules. */
    public DraftReviewer drafts() {
        return drafts.get();
    }

    /** How lists of mentions read: ages in the reminders' business hours, escalation, quotes. */
    public MentionLines mentionLines() {
        return lines.get();
    }

    /**
     * The reviewer of {@code candor review}: the rules alone when history is off; else the rules
     * with the team's history around them, whose database opens on the other core while the
     * rules load (start-up is what a user waits for). A review never fails for the history: when
     * its database cannot be used, stderr says so and the review's notes say it was not checked.
     *
     * @param remember whether the draft is kept (and counted for stats); without it and without a
     *                 database file yet, none is created
     */
    public DraftReviewer commandLineReviewer(boolean remember) {
        if (!settings.history().enabled()) {
            return rules();
        }
        CompletableFuture<History> opening = CompletableFuture.supplyAsync(() -> historyForReview(remember));
        Reviewer rules;
        try {
            rules = rules();
        } catch (RuntimeException | Error e) {
            opening.handle((h, failed) -> h).join(); // a database it opened is then closed with the app, not left writing
            throw e;
        }
        History h = opening.join();
        h.problem().ifPresent(why -> System.err.println("candor: " + why + " (reviewing without history)"));
        HistoryReviewer reviewer = new HistoryReviewer(rules, h, HistoryRules.load(settings.file()), clock, remember);
        return h.database().map(d -> reviewer.recording(recorder(d))).orElse(reviewer);
    }

    private History historyForReview(boolean remember) {
        if (!remember && databaseMissing()) {
            return History.empty(settings.history(), clock);
        }
        try {
            return History.over(database(), settings.history(), clock);
        } catch (StoreUnavailableException e) {
            return History.unavailable(settings.history(), clock, e.getMessage());
        }
    }

    /** Mentions: the store, owners, the tracker and how they are read in. */
    public MentionsModule mentions() {
        return mentions.get();
    }

    /** The daily reminders over the mentions. */
    public RemindersModule reminders() {
        return reminders.get();
    }

    public StatsModule stats() {
        return stats.get();
    }

    /** The bot every surface speaks to: reviews, feedback, mentions, "I posted this", stats. */
    public CoachBot bot() {
        return bot.get();
    }

    /**
     * The Mastodon and Bluesky accounts the environment names (none set: an empty list). Made
     * from the settings only: nothing is sent until they are polled.
     *
     * @throws io.candor.config.ConfigException when a connector is half configured or its address is unusable
     */
    public List<Connector> connectors() {
        return connectors.get();
    }

    /**
     * The poller of those accounts: mentions go in through the tracker (the webhook's path),
     * replies the team published there are handed to {@code published}. Closed with the app.
     *
     * @param owner this instance's name among those on the database (for the accounts' leases)
     */
    public NetworkPoller poller(NetworkPoller.PublishedReplies published, String owner) {
        return opened("network poller", new NetworkPoller(connectors(), mentions().tracker(),
                new NetworkCursorStore(database()), published, settings.networks(), clock, owner));
    }

    /** The kinds the settings count, as a person reads them: "mentions, replies, quotes". */
    static String kinds(NetworkSettings ns) {
        return ns.kindSet().stream().map(Kind::id).collect(Collectors.joining(", "));
    }

    /** Keeps {@code part} to close with the app, after everything opened later and before everything opened earlier. */
    <T extends AutoCloseable> T opened(String name, T part) {
        return parts.add(name, part);
    }

    /** What was opened, in order (and, once closed, what was closed, in order). */
    Parts parts() {
        return parts;
    }

    /** Closes everything opened, in reverse order: the database last. */
    @Override
    public void close() {
        parts.close();
    }

    private Prompts makePrompts() {
        return new Prompts(settings.file().prompts());
    }

    private Reviewer makeRules() {
        return new Reviewer(settings.file());
    }

    private Database openDatabase() {
        return opened("database", Database.open(location(), settings.storage(), env));
    }

    private DraftReviewer makeDrafts() {
        return new HistoryReviewer(rules(), history(), HistoryRules.load(settings.file()), clock, true)
                .recording(recorder(database()));
    }

    /** Counts each remembered review for stats, on the team's days (reminders.zone). */
    private ReviewRecorder recorder(Database d) {
        return new ReviewRecorder(new ReviewLogStore(d), settings.reminders().zoneId(), clock);
    }

    private MentionsModule makeMentions() {
        // the reviewer is needed only for a reply drafted in a mention's thread: made then
        DraftReviewer onFirstReply = (draft, muted) -> drafts().review(draft, muted);
        return MentionsModule.assemble(settings.mentions(), people(), onFirstReply, prompts(), database(), feedback(),
                mentionLines(), clock);
    }

    private CoachBot makeBot() {
        return CoachBot.builder(drafts(), feedback(), prompts(), settings.review().maxChars())
                .mentions(mentions().tracker())
                .posts(new PostedDrafts(history(), prompts()))
                .stats(stats().desk())
                .build();
    }

    private List<Connector> makeConnectors() {
        NetworkSettings ns = settings.networks();
        int maxText = settings.mentions().maxTextChars();
        String noText = prompts().render("networks:no-text");
        List<Connector> out = new ArrayList<>();
        MastodonConnector.fromEnvironment(env, ns, maxText, noText, clock, USER_AGENT).ifPresent(out::add);
        BlueskyConnector.fromEnvironment(env, ns, maxText, noText, clock, USER_AGENT).ifPresent(out::add);
        return List.copyOf(out);
    }
}
