package io.candor.cli;

import io.candor.chat.CoachBot;
import io.candor.chat.HandledEvents;
import io.candor.chat.Surface;
import io.candor.chat.SurfaceUnreachable;
import io.candor.config.CandorConfig;
import io.candor.discord.DiscordSurface;
import io.candor.history.History;
import io.candor.mention.MentionsModule;
import io.candor.mention.People;
import io.candor.network.Connector;
import io.candor.network.NetworkPoller;
import io.candor.network.NetworkSettings;
import io.candor.remind.ChatRouter;
import io.candor.remind.RemindersModule;
import io.candor.remind.ReminderScheduler;
import io.candor.remind.ReminderService;
import io.candor.prompts.Prompts;
import io.candor.review.Reviewer;
import io.candor.slack.SlackSurface;
import io.candor.stats.StatsModule;
import io.candor.store.Database;
import io.candor.store.JdbcHandledEvents;
import io.candor.store.StorageSettings;
import io.candor.web.HealthCheck;
import io.candor.web.MentionsWebhook;
import io.candor.web.ServerSettings;
import io.candor.web.WebServer;
import java.io.PrintStream;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;

/**
 * One running Candor server: what {@code candor serve} starts, put together from the settings
 * and the environment. Several instances share one database (PostgreSQL, or H2 in one
 * process); tests start two in one JVM. Readiness is mounted before anything else, so from
 * its first request the HTTP server tells the truth: 503 "starting" until the database
 * answers and every configured chat surface is connected and routed, 503 "shutting down"
 * from the moment {@link #close()} begins.
 */
public final class Instance implements AutoCloseable {
    /**
     * @param db       --db, or null for $CANDOR_DB / storage.url
     * @param port     --port, or null for $CANDOR_PORT / server.port
     * @param env      the environment: database, tokens, port
     * @param surfaces chat surfaces to run besides those the environment configures (tests)
     * @param name     this instance's name among those on the database; null: host:pid
     */
    public record Options(String db, Integer port, Map<String, String> env, Clock clock, List<Surface> surfaces,
                          String name) {
        public Options {
            surfaces = surfaces == null ? List.of() : List.copyOf(surfaces);
        }

        public static Options of(String db, Integer port, Map<String, String> env) {
            return new Options(db, port, env, Clock.systemUTC(), List.of(), null);
        }
    }

    private final List<AutoCloseable> open;
    private final Lifecycle lifecycle;
    private final HealthCheck readiness;
    private final ServerSettings server;
    private final WebServer web;
    private final Database database;
    private final History history;
    private final RemindersModule remind;
    private final MentionsModule mentions;
    private final CoachBot bot;
    private final ReminderScheduler scheduler;
    private final ReminderService reminders;
    private final List<Surface> surfaces;
    private final boolean webhookOn;

    /** "starting" until everything is up, nothing while running, "shutting down" once closing begins. */
    private static final class Lifecycle {
        private volatile String state = "starting";

        Optional<String> problem() {
            return Optional.ofNullable(state);
        }
    }

    private Instance(Builder b) {
        this.open = b.open;
        this.lifecycle = b.lifecycle;
        this.readiness = b.readiness;
        this.server = b.server;
        this.web = b.web;
        this.database = b.database;
        this.history = b.history;
        this.remind = b.remind;
        this.mentions = b.mentions;
        this.bot = b.bot;
        this.scheduler = b.scheduler;
        this.reminders = b.reminders;
        this.surfaces = b.surfaces;
        this.webhookOn = b.webhookOn;
    }

    /** Everything {@link #start} makes, in the order it makes it; closed in reverse on a failure. */
    private static final class Builder {
        final List<AutoCloseable> open = new ArrayList<>();
        final Lifecycle lifecycle = new Lifecycle();
        HealthCheck readiness;
        ServerSettings server;
        WebServer web;
        Database database;
        History history;
        RemindersModule remind;
        MentionsModule mentions;
        StatsModule stats;
        CoachBot bot;
        ReminderScheduler scheduler;
        ReminderService reminders;
        List<Surface> surfaces = new ArrayList<>();
        boolean webhookOn;
    }

    /**
     * Opens the database, starts the HTTP server (liveness and readiness first), the webhook,
     * the chat surfaces and the reminder scheduler. Returns when all of them have started;
     * readiness may still wait on a surface's connection ({@link #awaitReady}).
     *
     * @throws io.candor.store.StoreUnavailableException when the database cannot be used (one line says why)
     */
    public static Instance start(CandorConfig cfg, Options o, PrintStream out) throws Exception {
        Builder b = new Builder();
        try {
            build(cfg, o, out, b);
        } catch (Exception | Error e) {
            closeAll(b.open);
            throw e;
        }
        b.lifecycle.state = null;
        return new Instance(b);
    }

    private static void build(CandorConfig cfg, Options o, PrintStream out, Builder b) throws Exception {
        Clock clock = o.clock();
        Reviewer reviewer = new Reviewer(cfg);
        Prompts prompts = reviewer.prompts();
        b.server = cfg.section("server", ServerSettings.class);
        int listen = o.port() != null ? o.port() : envPort(o.env()).orElse(b.server.port());

        StorageSettings storage = StorageSettings.from(cfg);
        b.database = storage.open(o.db(), o.env());
        b.open.add(b.database);

        WebServer web;
        try {
            web = WebServer.start(b.server.host(), listen, b.server);
        } catch (java.io.UncheckedIOException e) {
            throw new UserError(e.getMessage());
        }
        b.web = web;
        b.open.add(0, web);
        web.route(HealthCheck.PATH, HealthCheck.liveness());
        Database database = b.database;
        b.readiness = HealthCheck.readiness(List.of(new HealthCheck.Check("serve", b.lifecycle::problem),
                new HealthCheck.Check("database", database::probe)));
        web.route(HealthCheck.READY_PATH, b.readiness);

        BotWiring wiring = BotWiring.assemble(cfg, reviewer, database, People.from(cfg), clock);
        b.history = wiring.history();
        b.open.add(0, b.history);
        ScheduledExecutorService purge = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "candor-history-purge");
            t.setDaemon(true);
            return t;
        });
        b.history.schedulePurge(purge);
        b.history.follow(purge, Duration.ofMillis(storage.refreshEveryMs()));
        b.open.add(0, purge::shutdownNow);
        b.remind = wiring.remind();
        b.mentions = wiring.mentions();
        b.stats = wiring.stats();
        b.bot = wiring.bot();

        MentionsWebhook webhook = new MentionsWebhook(Optional.ofNullable(o.env().get("CANDOR_WEBHOOK_TOKEN")),
                b.mentions.tracker(), b.mentions.input(), prompts, clock, b.server.maxBodyBytes());
        History history = b.history;
        webhook.recordAnswers((mention, text, author, team) -> history.recordAnswer(mention.platform(), text, author, team));
        web.route(MentionsWebhook.PATH, webhook);
        b.open.add(1, webhook); // after the server stops taking requests, before the database closes
        b.webhookOn = webhook.enabled();
        if (!b.webhookOn) {
            out.println(prompts.render("mentions:serve.webhook-off"));
        }

        // ── Chat surfaces: the one place Slack and Discord are created from the environment. ──
        HandledEvents handled = new JdbcHandledEvents(database, clock);
        SlackSurface.fromEnvironment(o.env(), cfg, b.bot, web, handled).ifPresent(b.surfaces::add);
        DiscordSurface.fromEnvironment(o.env(), cfg, b.bot, handled).ifPresent(b.surfaces::add);
        b.surfaces.addAll(o.surfaces());
        // a surface the network kept away at start: readiness says so in the same line serve printed
        Map<String, String> unreachable = new java.util.concurrent.ConcurrentHashMap<>();
        for (Surface s : b.surfaces) {
            b.readiness.add(new HealthCheck.Check(s.name(),
                    () -> s.problem().map(p -> unreachable.getOrDefault(s.name(), p))));
        }
        ChatRouter router = b.remind.router();
        for (Surface s : b.surfaces) {
            b.open.add(0, s);
            try {
                s.start();
                router.add(s);
                out.println(prompts.render("mentions:serve.surface-up", Map.of("name", s.name())));
            } catch (SurfaceUnreachable e) {
                // the network, not the settings: go on with the other surfaces and try again now and then
                unreachable.put(s.name(), e.getMessage() + "; trying again every minute");
                out.println(prompts.render("mentions:serve.surface-unreachable", Map.of("why", e.getMessage(),
                        "minutes", SurfaceRetry.EVERY.toMinutes())));
                b.open.add(0, SurfaceRetry.start(s, router, out, prompts));
            }
        }
        if (b.surfaces.isEmpty()) {
            out.println(prompts.render("mentions:serve.no-surfaces", Map.of("webhook", b.webhookOn,
                    "reminders", b.remind.settings().enabled())));
        }

        // ── Mastodon and Bluesky: read-only pollers of the team's own accounts, named by the environment. ──
        String name = o.name() == null ? ReminderScheduler.instanceName() : o.name();
        NetworkSettings ns = cfg.section("networks", NetworkSettings.class);
        List<Connector> connectors = BotWiring.connectors(cfg, o.env(), prompts, clock);
        if (!connectors.isEmpty()) {
            NetworkPoller poller = BotWiring.networks(cfg, connectors, b.mentions, database,
                    (m, reply, platform, author) -> history.recordAnswer(platform, reply.text(), author, ns.team(),
                            platform, reply.at()), clock, name);
            for (Connector c : connectors) {
                b.readiness.add(new HealthCheck.Check(c.platform(), () -> poller.problem(c)));
                out.println(prompts.render("networks:serve.polling", Map.of("platform", c.platform(), "where", c.label(),
                        "seconds", ns.pollSeconds(), "kinds", BotWiring.kinds(ns))));
            }
            b.open.add(0, poller); // stops before the database closes, and lets its leases go
            poller.start();
        }

        b.reminders = b.remind.reminders(router);
        // the weekly stats digest runs on the same cluster-mode scheduler: once a week across instances
        var rs = b.remind.settings();
        b.scheduler = ReminderScheduler.start(database.dataSource(), b.reminders, clock, rs,
                List.of(b.stats.digest(router).task(Duration.ofMinutes(rs.checkEveryMinutes()))),
                name);
        b.open.add(0, b.scheduler);
    }

    /** The line that says Candor is running: printed only once it is ready. */
    public String runningLine() {
        var rs = remind.settings();
        return mentions.prompts().render("mentions:serve.started", Map.of("address", web.baseUrl(),
                "webhook", webhookOn, "reminders", rs.enabled(), "time", rs.time(), "zone", rs.zone(),
                "days", String.join(", ", rs.weekdays())));
    }

    /** Waits up to {@code limit} for readiness; true when ready. */
    public boolean awaitReady(Duration limit) throws InterruptedException {
        long deadline = System.nanoTime() + limit.toNanos();
        while (true) {
            if (readiness.failing().isEmpty()) {
                return true;
            }
            if (System.nanoTime() >= deadline) {
                return false;
            }
            Thread.sleep(100);
        }
    }

    /** What is not ready now and why (empty when ready). */
    public Map<String, String> notReady() {
        return readiness.failing();
    }

    public String baseUrl() {
        return web.baseUrl();
    }

    public ServerSettings serverSettings() {
        return server;
    }

    public Database database() {
        return database;
    }

    public History history() {
        return history;
    }

    public MentionsModule mentions() {
        return mentions;
    }

    public CoachBot bot() {
        return bot;
    }

    public ReminderService reminders() {
        return reminders;
    }

    public ReminderScheduler scheduler() {
        return scheduler;
    }

    public List<Surface> surfaces() {
        return List.copyOf(surfaces);
    }

    /**
     * Stops: readiness answers 503 "shutting down" at once and for {@code server.drain_seconds}
     * while everything still works (a load balancer stops sending requests), then the surfaces,
     * the scheduler, the HTTP server (finishing what it accepted) and the database close.
     */
    @Override
    public void close() {
        lifecycle.state = "shutting down";
        if (server.drainSeconds() > 0) {
            try {
                Thread.sleep(server.drainSeconds() * 1000L);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        closeAll(open);
    }

    private static Optional<Integer> envPort(Map<String, String> env) {
        String p = env.get("CANDOR_PORT");
        if (p == null || p.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(Integer.parseInt(p.strip()));
        } catch (NumberFormatException e) {
            throw new UserError("CANDOR_PORT must be a port number, not '" + p + "'");
        }
    }

    private static void closeAll(List<AutoCloseable> open) {
        synchronized (open) {
            for (AutoCloseable c : open) {
                try {
                    c.close();
                } catch (Exception ignored) {
                    // shutting down: nothing more to do with it
                }
            }
            open.clear();
        }
    }
}
