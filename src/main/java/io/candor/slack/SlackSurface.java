package io.candor.slack;

import com.slack.api.Slack;
import com.slack.api.SlackConfig;
import com.slack.api.bolt.App;
import com.slack.api.bolt.AppConfig;
import com.slack.api.bolt.socket_mode.SocketModeApp;
import com.slack.api.methods.response.auth.AuthTestResponse;
import com.slack.api.socket_mode.SocketModeClient;
import io.candor.chat.ChatPort;
import io.candor.chat.CoachBot;
import io.candor.chat.HandledEvents;
import io.candor.chat.InMemoryHandledEvents;
import io.candor.chat.Surface;
import io.candor.chat.SurfaceUnreachable;
import io.candor.config.ConfigException;
import io.candor.identity.SurfaceKind;
import io.candor.web.Routes;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Candor on Slack: the Bolt app with Candor's listeners, reachable either over Socket Mode
 * (SLACK_APP_TOKEN set: no public endpoint needed) or over HTTP at {@value #PATH} on the
 * built-in server (SLACK_SIGNING_SECRET). Tokens are read from the environment and never
 * logged.
 */
public final class SlackSurface implements Surface {
    private static final Logger LOG = LoggerFactory.getLogger(SlackSurface.class);
    public static final String PATH = "/slack/events";
    static final String DEFAULT_API = "https://slack.com/api/";

    enum Mode { HTTP, SOCKET }

    private final Mode mode;
    private final App app;
    private final SlackPort port;
    private final ExecutorService work;
    private final Routes routes;
    private final String appToken;
    private final String signingSecret;
    private final HandledEvents handled;
    private SocketModeApp socket;
    private volatile SlackHttpEndpoint endpoint;
    private volatile String team = "";
    private String apiUrl = DEFAULT_API;
    /** Why Slack's events cannot reach Candor now; null once connected and routed. */
    private volatile String problem = "starting";

    private SlackSurface(Mode mode, App app, SlackPort port, ExecutorService work,
                         Routes routes, String appToken, String signingSecret, HandledEvents handled) {
        this.signingSecret = signingSecret;
        this.handled = handled;
        this.mode = mode;
        this.app = app;
        this.port = port;
        this.work = work;
        this.routes = routes;
        this.appToken = appToken;
    }

    /**
     * Slack as the environment describes it: empty when no SLACK_ variable is set; a
     * {@link ConfigException} naming the missing piece when the set is incomplete.
     */
    public static Optional<Surface> fromEnvironment(Map<String, String> env, SlackSettings settings, CoachBot bot,
                                                    Routes routes) {
        return fromEnvironment(env, settings, bot, routes, new InMemoryHandledEvents());
    }

    /**
     * @param handled where event ids and request signatures are claimed, so a Slack retry or a
     *                replayed request is handled once across every instance on the database
     */
    public static Optional<Surface> fromEnvironment(Map<String, String> env, SlackSettings settings, CoachBot bot,
                                                    Routes routes, HandledEvents handled) {
        return create(env, settings, bot, routes, d -> Thread.sleep(d.toMillis()), handled).map(s -> s);
    }

    static Optional<SlackSurface> create(Map<String, String> env, SlackSettings settings, CoachBot bot, Routes routes,
                                         WebApi.Pause pause) {
        return create(env, settings, bot, routes, pause, new InMemoryHandledEvents());
    }

    static Optional<SlackSurface> create(Map<String, String> env, SlackSettings settings, CoachBot bot, Routes routes,
                                         WebApi.Pause pause, HandledEvents handled) {
        String botToken = value(env, "SLACK_BOT_TOKEN");
        String secret = value(env, "SLACK_SIGNING_SECRET");
        String appToken = value(env, "SLACK_APP_TOKEN");
        if (botToken == null && secret == null && appToken == null) {
            return Optional.empty();
        }
        if (botToken == null) {
            throw new ConfigException("SLACK_BOT_TOKEN is not set: Slack needs the bot token (xoxb-…) from the app's"
                    + " OAuth & Permissions page, alongside " + (appToken != null ? "SLACK_APP_TOKEN" : "SLACK_SIGNING_SECRET"));
        }
        if (!botToken.startsWith("xoxb-")) {
            throw new ConfigException("SLACK_BOT_TOKEN does not look like a bot token: it should start with xoxb-");
        }
        if (appToken != null && !appToken.startsWith("xapp-")) {
            throw new ConfigException("SLACK_APP_TOKEN should be an app-level token starting with xapp-"
                    + " (Basic Information > App-Level Tokens, scope connections:write)");
        }
        Mode mode = appToken != null ? Mode.SOCKET : Mode.HTTP;
        if (mode == Mode.HTTP && secret == null) {
            throw new ConfigException("Slack needs SLACK_SIGNING_SECRET (Basic Information > App Credentials) for HTTP"
                    + " mode, or SLACK_APP_TOKEN for Socket Mode");
        }
        if (mode == Mode.HTTP && routes == null) {
            throw new ConfigException("Slack HTTP mode needs the built-in HTTP server; set SLACK_APP_TOKEN to use Socket Mode");
        }

        SlackConfig slackConfig = new SlackConfig();
        slackConfig.setMethodsEndpointUrlPrefix(apiUrl(value(env, "SLACK_API_URL")));
        // the SDK's call statistics resolve each token's team with extra auth.test calls; Candor has no use for them
        slackConfig.setStatsEnabled(false);
        Slack slack = Slack.getInstance(slackConfig);
        AppConfig.AppConfigBuilder ab = AppConfig.builder()
                .slack(slack)
                .singleTeamBotToken(botToken)
                // events Candor has no listener for (joins, edits, topics) are acknowledged, not retried
                .allEventsApiAutoAckEnabled(true)
                .subtypedMessageEventsAutoAckEnabled(true);
        if (secret != null) {
            ab.signingSecret(secret);
        }
        App app = new App(ab.build());

        WebApi api = new WebApi(slack.methods(botToken), pause);
        SlackPort port = new SlackPort(slack, api, new SlackBlocks(bot.prompts()));
        ExecutorService work = workers(settings.workers());
        new SlackListeners(bot, port, new SlackPeople(api), settings, work, handled).register(app);
        SlackSurface surface = new SlackSurface(mode, app, port, work, routes, appToken, secret, handled);
        surface.apiUrl = apiUrl(value(env, "SLACK_API_URL"));
        if (mode == Mode.HTTP) {
            // mounted at once: until Slack accepted the token, Slack's requests get 503 (Slack retries), not 404
            routes.route(PATH, surface::serveHttp);
        }
        return Optional.of(surface);
    }

    static String apiUrl(String configured) {
        if (configured == null) {
            return DEFAULT_API;
        }
        if (!configured.matches("(?i)https?://\\S+")) {
            throw new ConfigException("SLACK_API_URL must be an http(s) URL such as " + DEFAULT_API);
        }
        return configured.endsWith("/") ? configured : configured + "/";
    }

    private static String value(Map<String, String> env, String name) {
        String v = env.get(name);
        return v == null || v.isBlank() ? null : v.strip();
    }

    private static ExecutorService workers(int n) {
        AtomicInteger count = new AtomicInteger();
        ThreadPoolExecutor pool = new ThreadPoolExecutor(n, n, 60, TimeUnit.SECONDS, new ArrayBlockingQueue<>(10_000), r -> {
            Thread t = new Thread(r, "slack-work-" + count.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        pool.allowCoreThreadTimeOut(true);
        return pool;
    }

    @Override
    public SurfaceKind kind() {
        return SurfaceKind.SLACK;
    }

    @Override
    public ChatPort port() {
        return port;
    }

    /** The workspace id the bot token belongs to, known after {@link #start()}. */
    public String team() {
        return team;
    }

    String mode() {
        return mode.name().toLowerCase(java.util.Locale.ROOT);
    }

    /**
     * Checks the bot token with auth.test (a clear message when Slack refuses it), then
     * mounts {@value #PATH} or opens the Socket Mode connection.
     */
    @Override
    public void start() throws Exception {
        AuthTestResponse auth;
        try {
            auth = port.api().call("auth.test", c -> c.authTest(r -> r));
        } catch (SlackCallFailed e) {
            if (SurfaceUnreachable.isNetwork(e.getCause())) {
                throw new SurfaceUnreachable("Slack", apiUrl, e.getCause());
            }
            throw new ConfigException("Slack did not accept SLACK_BOT_TOKEN (" + e.error() + ")", e);
        }
        team = auth.getTeamId() == null ? "" : auth.getTeamId();
        if (mode == Mode.SOCKET) {
            socket = new SocketModeApp(appToken, SocketModeClient.Backend.Tyrus, app);
            socket.startAsync(); // returns once the WebSocket is open (or throws)
            SocketModeClient client = socket.getClient();
            // closed: Bolt reconnects by itself; the first message on the new connection is Slack's hello
            client.addWebSocketCloseListener((code, reason) -> problem = "the Socket Mode connection closed (" + code
                    + "); reconnecting");
            client.addWebSocketMessageListener(message -> problem = null);
            problem = null;
            LOG.info("Slack: connected to workspace {} as {} over Socket Mode", auth.getTeam(), auth.getUser());
        } else {
            app.start();
            endpoint = new SlackHttpEndpoint(app, new SignedRequests(signingSecret, java.time.Clock.systemUTC(), handled));
            problem = null;
            LOG.info("Slack: workspace {} as {}; events, commands and interactivity at {}", auth.getTeam(),
                    auth.getUser(), PATH);
        }
    }

    private void serveHttp(com.sun.net.httpserver.HttpExchange ex) throws java.io.IOException {
        SlackHttpEndpoint e = endpoint;
        if (e != null && problem == null) {
            e.handle(ex);
            return;
        }
        try (ex) {
            ex.getResponseHeaders().set("Retry-After", "5");
            ex.sendResponseHeaders(503, -1);
        }
    }

    @Override
    public Optional<String> problem() {
        return Optional.ofNullable(problem);
    }

    @Override
    public void close() {
        problem = "stopped";
        try {
            if (socket != null) {
                socket.close();
            }
        } catch (Exception e) {
            LOG.info("Socket Mode did not close cleanly: {}", e.toString());
        }
        try {
            app.stop();
        } catch (Exception e) {
            LOG.info("Bolt did not stop cleanly: {}", e.toString());
        }
        work.shutdown();
        try {
            if (!work.awaitTermination(5, TimeUnit.SECONDS)) {
                work.shutdownNow();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            work.shutdownNow();
        }
    }
}
