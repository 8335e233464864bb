package io.candor.cli;

import io.candor.chat.CoachBot;
import io.candor.chat.HandledEvents;
import io.candor.chat.Surface;
import io.candor.chat.SurfaceUnreachable;
import io.candor.discord.DiscordSurface;
import io.candor.history.History;
import io.candor.mention.MentionsModule;
import io.candor.network.Connector;
import io.candor.network.NetworkPoller;
import io.candor.network.NetworkSettings;
import io.candor.prompts.Prompts;
import io.candor.remind.ChatRouter;
import io.candor.remind.ReminderScheduler;
import io.candor.remind.ReminderService;
import io.candor.remind.ReminderSettings;
import io.candor.slack.SlackSurface;
import io.candor.store.Database;
import io.candor.store.JdbcHandledEvents;
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
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;

/**
 * One running Candor server: what {@code candor serve} starts, the app ({@link BotWiring}) and
 * what only a server needs around it, from the settings and the environment. Several instances
 * share one database (PostgreSQL, or H2 in one process); tests start two in one JVM. Readiness
 * is mounted as the HTTP server starts, so from its first request the server tells the truth:
 * 503 "starting" until the database answers and every configured chat surface is connected
 * and routed, 503 "shutting down" from the moment {@link #close()} begins. Everything stops in
 * the reverse order it started.
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

        /** This instance's name among those on the database. */
        String instanceName() {
            return Optional.ofNullable(name).orElseGet(ReminderScheduler::instanceName);
        }
    }

    /** "starting" until everything is up, nothing while running, "shutting down" once closing begins. */
    private volatile String state = "starting";
    private final BotWiring app;
    private final Options options;
    private final PrintStream out;
    private final ServerSettings server;
    private final List<Surface> surfaces = new ArrayList<>();
    /** A surface the network kept away at start: readiness says so in the same line serve printed. */
    private final Map<String, String> unreachable = new ConcurrentHashMap<>();
    private HealthCheck readiness;
    private WebServer web;
    private MentionsWebhook webhook;
    private ChatRouter router;
    private ReminderService reminders;
    private ReminderScheduler scheduler;

    private Instance(BotWiring app, Options options, PrintStream out) {
        this.app = app;
        this.options = options;
        this.out = out;
        this.server = app.settings().server();
    }

    /**
     * Opens the database, starts the HTTP server (liveness and readiness first), the webhook,
     * the chat surfaces, the Mastodon and Bluesky pollers and the reminder scheduler. Returns
     * when all of them have started; readiness may still wait on a surface's connection
     * ({@link #awaitReady}). What had started is stopped again when one part fails.
     *
     * @throws io.candor.store.StoreUnavailableException when the database cannot be used (one line says why)
     */
    public static Instance start(Settings settings, Options o, PrintStream out) throws Exception {
        Instance i = new Instance(BotWiring.of(settings, o.db(), o.env(), o.clock()), o, out);
        try {
            i.open();
        } catch (Exception | Error e) {
            i.app.close();
            throw e;
        }
        i.state = null;
        return i;
    }

    private void open() throws Exception {
        int port = listenPort();
        app.database();
        // made before the HTTP server, so it stops after the server stopped taking requests
        webhook = app.opened("webhook", newWebhook());
        web = app.opened("web server", listen(port));
        keepHistory(app.history());
        web.route(MentionsWebhook.PATH, webhook);
        if (!webhook.enabled()) {
            out.println(app.prompts().render("mentions:serve.webhook-off"));
        }
        router = app.reminders().router();
        startSurfaces(app.bot());
        pollNetworks();
        startScheduler();
    }

    private int listenPort() {
        return options.port() != null ? options.port() : envPort(options.env()).orElse(server.port());
    }

    private MentionsWebhook newWebhook() {
        MentionsModule m = app.mentions();
        MentionsWebhook w = new MentionsWebhook(Optional.ofNullable(options.env().get("CANDOR_WEBHOOK_TOKEN")),
                m.tracker(), m.input(), app.prompts(), app.clock(), server.maxBodyBytes());
        return w.recordAnswers((mention, text, author, team) -> app.history().recordAnswer(mention.platform(), text,
                author, team));
    }

    /** The HTTP server, answering liveness and readiness from its first request. */
    private WebServer listen(int port) {
        WebServer w;
        try {
            w = WebServer.start(server.host(), port, server);
        } catch (java.io.UncheckedIOException e) {
            throw new UserError(e.getMessage());
        }
        w.route(HealthCheck.PATH, HealthCheck.liveness());
        Database database = app.database();
        readiness = HealthCheck.readiness(List.of(new HealthCheck.Check("serve", () -> Optional.ofNullable(state)),
                new HealthCheck.Check("database", database::probe)));
        w.route(HealthCheck.READY_PATH, readiness);
        return w;
    }

    /** Retention on a timer, and what other instances wrote read into the index now and then. */
    private void keepHistory(History history) {
        ScheduledExecutorService purge = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "candor-history-purge");
            t.setDaemon(true);
            return t;
        });
        app.opened("history purge", purge::shutdownNow);
        history.schedulePurge(purge);
        history.follow(purge, Duration.ofMillis(app.settings().storage().refreshEveryMs()));
    }

    /** Slack and Discord as the environment configures them (the one place they are made), and the tests' own. */
    private void startSurfaces(CoachBot bot) throws Exception {
        HandledEvents handled = new JdbcHandledEvents(app.database(), app.clock());
        SlackSurface.fromEnvironment(options.env(), app.settings().slack(), bot, web, handled).ifPresent(surfaces::add);
        DiscordSurface.fromEnvironment(options.env(), app.settings().discord(), bot, handled).ifPresent(surfaces::add);
        surfaces.addAll(options.surfaces());
        for (Surface s : surfaces) {
            readiness.add(new HealthCheck.Check(s.name(),
                    () -> s.problem().map(p -> unreachable.getOrDefault(s.name(), p))));
        }
        for (Surface s : surfaces) {
            start(s);
        }
        if (surfaces.isEmpty()) {
            out.println(app.prompts().render("mentions:serve.no-surfaces", Map.of("webhook", webhook.enabled(),
                    "reminders", app.reminders().settings().enabled())));
        }
    }

    /** Connects a surface and routes reminders to it; one the network keeps away is tried again every minute. */
    private void start(Surface s) throws Exception {
        Prompts prompts = app.prompts();
        app.opened(s.name(), s);
        try {
            s.start();
            router.add(s);
            out.println(prompts.render("mentions:serve.surface-up", Map.of("name", s.name())));
        } catch (SurfaceUnreachable e) {
            // the network, not the settings: go on with the other surfaces and try again now and then
            unreachable.put(s.name(), e.getMessage() + "; trying again every minute");
            out.println(prompts.render("mentions:serve.surface-unreachable", Map.of("why", e.getMessage(),
                    "minutes", SurfaceRetry.EVERY.toMinutes())));
            app.opened(s.name() + " retry", SurfaceRetry.start(s, router, out, prompts));
        }
    }

    /** Mastodon and Bluesky: read-only pollers of the team's own accounts, named by the environment. */
    private void pollNetworks() {
        List<Connector> connectors = app.connectors();
        if (connectors.isEmpty()) {
            return;
        }
        NetworkSettings ns = app.settings().networks();
        NetworkPoller poller = app.poller((m, reply, platform, author) -> app.history().recordAnswer(platform,
                reply.text(), author, ns.team(), platform, reply.at()), options.instanceName());
        for (Connector c : connectors) {
            readiness.add(new HealthCheck.Check(c.platform(), () -> poller.problem(c)));
            out.println(app.prompts().render("networks:serve.polling", Map.of("platform", c.platform(), "where",
                    c.label(), "seconds", ns.pollSeconds(), "kinds", BotWiring.kinds(ns))));
        }
        poller.start();
    }

    /** The daily reminders and the weekly stats digest, on one cluster-mode scheduler: once across instances. */
    private void startScheduler() {
        reminders = app.reminders().reminders(router);
        ReminderSettings rs = app.reminders().settings();
        scheduler = app.opened("reminder scheduler", ReminderScheduler.start(app.database().dataSource(), reminders,
                app.clock(), rs, List.of(app.stats().digest(router).task(Duration.ofMinutes(rs.checkEveryMinutes()))),
                options.instanceName()));
    }

    /** The line that says Candor is running: printed only once it is ready. */
    public String runningLine() {
        var rs = app.reminders().settings();
        return app.prompts().render("mentions:serve.started", Map.of("address", web.baseUrl(),
                "webhook", webhook.enabled(), "reminders", rs.enabled(), "time", rs.time(), "zone", rs.zone(),
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

    public Prompts prompts() {
        return app.prompts();
    }

    public Database database() {
        return app.database();
    }

    public History history() {
        return app.history();
    }

    public MentionsModule mentions() {
        return app.mentions();
    }

    public CoachBot bot() {
        return app.bot();
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

    /** What started, in order, and once closed what stopped, in order. */
    Parts parts() {
        return app.parts();
    }

    /**
     * Stops: readiness answers 503 "shutting down" at once and for {@code server.drain_seconds}
     * while everything still works (a load balancer stops sending requests), then everything
     * stops in the reverse order it started: the scheduler, the pollers and the surfaces, the
     * history's timers, the HTTP server (finishing what it accepted), the webhook (writing what
     * it accepted), the database.
     */
    @Override
    public void close() {
        state = "shutting down";
        if (server.drainSeconds() > 0) {
            try {
                Thread.sleep(server.drainSeconds() * 1000L);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        app.close();
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
}
