package io.candor.cli;

import io.candor.Candor;
import io.candor.chat.CoachBot;
import io.candor.chat.FeedbackBook;
import io.candor.chat.Surface;
import io.candor.config.CandorConfig;
import io.candor.history.History;
import io.candor.history.HistoryReviewer;
import io.candor.history.HistoryRules;
import io.candor.history.HistorySettings;
import io.candor.review.DraftReviewer;
import io.candor.remind.ChatRouter;
import io.candor.remind.MentionsModule;
import io.candor.remind.ReminderScheduler;
import io.candor.remind.ReminderService;
import io.candor.remind.ReminderSettings;
import io.candor.review.Prompts;
import io.candor.review.Reviewer;
import io.candor.discord.DiscordSurface;
import io.candor.slack.SlackSurface;
import io.candor.stats.ReviewRecorder;
import io.candor.stats.StatsModule;
import io.candor.store.Database;
import io.candor.store.StorageSettings;
import io.candor.store.JdbcFeedbackBook;
import io.candor.web.HealthCheck;
import io.candor.web.MentionsWebhook;
import io.candor.web.ServerSettings;
import io.candor.web.WebServer;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code candor serve}: the long-running bot. Composition root for the server side:
 * settings, database, reviewer, CoachBot, the HTTP server (webhook, health, Slack HTTP
 * mode), the chat surfaces and the reminder scheduler.
 */
@Command(name = "serve", mixinStandardHelpOptions = true,
        description = {"Run the bot: HTTP server, Slack, Discord and the daily reminders.",
                "The HTTP server answers GET /healthz, GET /readyz, GET and POST /api/mentions (and Slack's /slack/events);",
                "Slack and Discord start when their variables are set.",
                "Environment: CANDOR_PORT, CANDOR_DB, CANDOR_WEBHOOK_TOKEN, SLACK_*, DISCORD_TOKEN."})
public final class ServeCommand implements Callable<Integer> {
    @Option(names = "--db", paramLabel = "PATH", description = "Database file or JDBC URL (default: $CANDOR_DB, else storage.url, else ~/.local/share/candor/candor).")
    String db;

    @Option(names = {"-c", "--config"}, paramLabel = "FILE", description = "Settings file.")
    Path config;

    @Option(names = "--port", paramLabel = "PORT", description = "HTTP port (default: $CANDOR_PORT, else server.port, 3000).")
    Integer port;

    @Override
    public Integer call() throws Exception {
        PrintStream out = System.out;
        Clock clock = Clock.systemUTC();
        CandorConfig cfg = CandorConfig.load(config);
        Reviewer reviewer = new Reviewer(cfg);
        Prompts prompts = reviewer.prompts();
        ServerSettings server = cfg.section("server", ServerSettings.class);
        int listen = port != null ? port : envPort().orElse(server.port());
        List<AutoCloseable> open = new ArrayList<>();
        CountDownLatch stop = new CountDownLatch(1);
        try {
            Database database = Database.open(cfg.section("storage", StorageSettings.class).location(db, System.getenv()));
            open.add(database);
            FeedbackBook feedback = new JdbcFeedbackBook(database, clock);
            // drafts from chat are compared with the team's history and remembered
            HistorySettings hs = cfg.section("history", HistorySettings.class);
            History history = History.over(database, hs, clock);
            open.add(0, history);
            ScheduledExecutorService purge = Executors.newSingleThreadScheduledExecutor(r -> {
                Thread t = new Thread(r, "candor-history-purge");
                t.setDaemon(true);
                return t;
            });
            history.schedulePurge(purge);
            open.add(0, purge::shutdownNow);
            DraftReviewer drafts = new HistoryReviewer(reviewer, history, HistoryRules.load(cfg), clock, true)
                    .recording(ReviewRecorder.forTeam(cfg, database, clock));
            MentionsModule m = MentionsModule.assemble(cfg, drafts, prompts, database, feedback, clock);
            StatsModule stats = StatsModule.assemble(cfg, database, m.people(), prompts, clock);
            CoachBot bot = new CoachBot(drafts, feedback, m.tracker(), prompts, reviewer.settings().maxChars(),
                    new io.candor.history.PostedDrafts(history, prompts))
                    .withStats(stats.desk());

            WebServer web;
            try {
                web = WebServer.start(server.host(), listen, server);
            } catch (java.io.UncheckedIOException e) {
                throw new Candor.UserError(e.getMessage());
            }
            open.add(0, web);
            web.route(HealthCheck.PATH, HealthCheck.liveness());
            // readiness: each thing serving depends on; issue-13 style checks (chat surfaces) join this list
            web.route(HealthCheck.READY_PATH, HealthCheck.readiness(List.of(new HealthCheck.Check("database", database::probe))));
            MentionsWebhook webhook = new MentionsWebhook(Optional.ofNullable(System.getenv("CANDOR_WEBHOOK_TOKEN")),
                    m.tracker(), m.input(), prompts, clock, server.maxBodyBytes());
            webhook.recordAnswers((mention, text, author, team) -> history.recordAnswer(mention.platform(), text, author, team));
            web.route(MentionsWebhook.PATH, webhook);
            open.add(1, webhook); // after the server stops taking requests, before the database closes
            if (!webhook.enabled()) {
                out.println(prompts.render("mentions:serve.webhook-off"));
            }

            // ── Chat surfaces: the one place Slack and Discord are created from the environment. ──
            List<Surface> surfaces = new ArrayList<>();
            SlackSurface.fromEnvironment(System.getenv(), cfg, bot, web).ifPresent(surfaces::add);
            DiscordSurface.fromEnvironment(System.getenv(), cfg, bot).ifPresent(surfaces::add);
            ChatRouter router = m.router();
            for (Surface s : surfaces) {
                open.add(0, s);
                try {
                    s.start();
                    router.add(s);
                    out.println(prompts.render("mentions:serve.surface-up", Map.of("name", s.name())));
                } catch (io.candor.chat.SurfaceUnreachable e) {
                    // the network, not the settings: go on with the other surfaces and try again now and then
                    out.println(prompts.render("mentions:serve.surface-unreachable", Map.of("why", e.getMessage(),
                            "minutes", SurfaceRetry.EVERY.toMinutes())));
                    open.add(0, SurfaceRetry.start(s, router, out, prompts));
                }
            }
            if (surfaces.isEmpty()) {
                out.println(prompts.render("mentions:serve.no-surfaces"));
            }

            ReminderSettings rs = m.reminderSettings();
            ReminderService reminders = m.reminders(router);
            open.add(0, ReminderScheduler.start(database.dataSource(), reminders, clock, rs,
                    List.of(stats.digest(router).task(java.time.Duration.ofMinutes(rs.checkEveryMinutes())))));
            out.println(prompts.render("mentions:serve.started", Map.of("address", web.baseUrl(),
                    "webhook", webhook.enabled(), "reminders", rs.enabled(), "time", rs.time(), "zone", rs.zone(),
                    "days", String.join(", ", rs.weekdays()))));
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                out.println(prompts.render("mentions:serve.stopping"));
                closeAll(open);
                stop.countDown();
            }, "candor-shutdown"));
            stop.await();
            return 0;
        } catch (RuntimeException e) {
            closeAll(open);
            throw e;
        }
    }

    private static Optional<Integer> envPort() {
        String p = System.getenv("CANDOR_PORT");
        if (p == null || p.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(Integer.parseInt(p.strip()));
        } catch (NumberFormatException e) {
            throw new Candor.UserError("CANDOR_PORT must be a port number, not '" + p + "'");
        }
    }

    private static synchronized void closeAll(List<AutoCloseable> open) {
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
