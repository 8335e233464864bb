package io.candor.discord;

import io.candor.chat.ChatPort;
import io.candor.chat.CoachBot;
import io.candor.chat.HandledEvents;
import io.candor.chat.InMemoryHandledEvents;
import io.candor.chat.Surface;
import io.candor.chat.SurfaceUnreachable;
import io.candor.identity.SurfaceKind;
import java.time.Duration;
import java.util.EnumSet;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import net.dv8tion.jda.api.JDA;
import net.dv8tion.jda.api.JDABuilder;
import net.dv8tion.jda.api.entities.Guild;
import net.dv8tion.jda.api.exceptions.InvalidTokenException;
import net.dv8tion.jda.api.requests.GatewayIntent;
import net.dv8tion.jda.api.requests.RestConfig;
import net.dv8tion.jda.api.utils.Compression;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Candor on Discord: connects with JDA, registers {@code /coach} and "Review with Candor",
 * and hands every event to {@link CoachListener}. On when {@code DISCORD_TOKEN} is set.
 */
public final class DiscordSurface implements Surface {
    private static final Logger LOG = LoggerFactory.getLogger(DiscordSurface.class);

    private final String token;
    private final String apiBase;
    private final DiscordSettings settings;
    private final CoachBot bot;
    private final DiscordReplies replies;
    private final HandledEvents handled;
    private final ExecutorService work = Executors.newFixedThreadPool(4, daemon("candor-discord"));
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(daemon("candor-discord-timer"));
    /** Claims interactions in the database, apart from the reviews, so a busy pool never delays a deferral. */
    private final ExecutorService claims = Executors.newFixedThreadPool(2, daemon("candor-discord-claim"));
    private volatile JDA jda;
    private volatile DiscordPort port;

    DiscordSurface(String token, String apiBase, DiscordSettings settings, CoachBot bot, HandledEvents handled) {
        this.handled = handled;
        this.token = token;
        this.apiBase = apiBase;
        this.settings = settings;
        this.bot = bot;
        this.replies = new DiscordReplies(bot.prompts());
    }

    /**
     * Discord when {@code DISCORD_TOKEN} is set, else empty. {@code DISCORD_API_URL} sends REST
     * calls to a proxy or stand-in, and the gateway address is then asked from there.
     */
    public static Optional<Surface> fromEnvironment(Map<String, String> env, DiscordSettings settings, CoachBot bot) {
        return fromEnvironment(env, settings, bot, new InMemoryHandledEvents());
    }

    /**
     * @param handled where interaction, message and reaction ids are claimed, so that of several
     *                instances connected with the same bot exactly one handles each event
     */
    public static Optional<Surface> fromEnvironment(Map<String, String> env, DiscordSettings settings, CoachBot bot,
                                                    HandledEvents handled) {
        String token = env.get("DISCORD_TOKEN");
        if (token == null || token.isBlank()) {
            return Optional.empty();
        }
        String api = env.get("DISCORD_API_URL");
        String base = api == null || api.isBlank() ? null : (api.strip().endsWith("/") ? api.strip() : api.strip() + "/");
        return Optional.of(new DiscordSurface(token.strip(), base, settings, bot, handled));
    }

    @Override
    public SurfaceKind kind() {
        return SurfaceKind.DISCORD;
    }

    @Override
    public ChatPort port() {
        if (port == null) {
            throw new IllegalStateException("Discord is not started");
        }
        return port;
    }

    /** The intents Candor asks for: message content only when it reads a channel. */
    EnumSet<GatewayIntent> intents() {
        // JDA always asks for GUILDS (servers and channels), which needs no switch in the portal
        EnumSet<GatewayIntent> intents = EnumSet.noneOf(GatewayIntent.class);
        if (settings.readsMessages()) {
            intents.add(GatewayIntent.GUILD_MESSAGES);
            intents.add(GatewayIntent.MESSAGE_CONTENT);
        }
        if (!settings.mentionsChannel().isEmpty()) {
            intents.add(GatewayIntent.GUILD_MESSAGE_REACTIONS);
        }
        return intents;
    }

    static final String DEFAULT_API = "https://discord.com/api/v10/";

    @Override
    public void start() throws InterruptedException {
        reachable();
        JDABuilder b = JDABuilder.createLight(token, intents())
                .addEventListeners(new CoachListener(bot, settings, replies, work, timer, handled, claims),
                        new ChannelListener(bot, settings, replies, work, handled));
        if (apiBase != null) {
            b.setRestConfig(new RestConfig().setBaseUrl(apiBase))
                    .setSessionController(new GatewayLookup(apiBase, token))
                    .setCompression(Compression.NONE);
        }
        try {
            jda = b.build();
        } catch (InvalidTokenException e) {
            throw new IllegalStateException("Discord refused DISCORD_TOKEN: copy the bot token again from the Developer Portal (Bot page)");
        }
        try {
            jda.awaitReady();
        } catch (IllegalStateException closed) {
            // Discord closes at once (code 4014) when MESSAGE_CONTENT is asked for but not switched on
            throw new IllegalStateException(settings.readsMessages()
                    ? "Discord closed the connection before it was ready. A drafts or mentions channel is configured:"
                      + " switch on Message Content Intent (Developer Portal, Bot page) and check the token."
                    : "Discord closed the connection before it was ready; check DISCORD_TOKEN.", closed);
        }
        port = new DiscordPort(jda, replies);
        registerCommands();
        LOG.info("Discord connected as {}; drafts channel {}, mentions channel {}", jda.getSelfUser().getName(),
                settings.draftsChannel().isEmpty() ? "off" : settings.draftsChannel(),
                settings.mentionsChannel().isEmpty() ? "off" : settings.mentionsChannel());
    }

    /**
     * One plain request before JDA connects: when Discord cannot be reached, JDA would log a
     * stack trace per retry; this says it in one line ({@link SurfaceUnreachable}).
     */
    private void reachable() throws InterruptedException {
        String base = apiBase != null ? apiBase : DEFAULT_API;
        java.net.http.HttpClient http = java.net.http.HttpClient.newBuilder()
                .connectTimeout(java.time.Duration.ofSeconds(10)).build();
        try {
            http.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(base + "gateway"))
                    .timeout(java.time.Duration.ofSeconds(10)).GET().build(),
                    java.net.http.HttpResponse.BodyHandlers.discarding());
        } catch (java.io.IOException e) {
            throw new SurfaceUnreachable("Discord", base, e);
        }
    }

    /** Per server when configured (visible at once), else globally (Discord may take up to an hour). */
    private void registerCommands() {
        var commands = CoachCommands.all(bot.prompts());
        if (settings.guildIds().isEmpty()) {
            jda.updateCommands().addCommands(commands).queue(
                    ok -> LOG.info("registered /coach globally"),
                    err -> LOG.warn("Discord refused to register /coach: {}", err.getMessage()));
            return;
        }
        for (String id : settings.guildIds()) {
            Guild g = jda.getGuildById(id);
            if (g == null) {
                LOG.warn("the bot is not in Discord server {}: invite it (README, section Discord)", id);
                continue;
            }
            g.updateCommands().addCommands(commands).queue(
                    ok -> LOG.info("registered /coach in server {}", id),
                    err -> LOG.warn("Discord refused to register /coach in server {}: {} (was the bot invited with the applications.commands scope?)",
                            id, err.getMessage()));
        }
    }

    JDA jda() {
        return jda;
    }

    /** Ready while the gateway session is connected (JDA resumes or reconnects by itself otherwise). */
    @Override
    public Optional<String> problem() {
        JDA j = jda;
        if (j == null || port == null) {
            return Optional.of("starting");
        }
        JDA.Status status = j.getStatus();
        return status == JDA.Status.CONNECTED ? Optional.empty()
                : Optional.of("the gateway connection is " + status.name().toLowerCase(java.util.Locale.ROOT));
    }

    @Override
    public void close() {
        JDA j = jda;
        if (j != null) {
            try {
                j.shutdown();
                if (!j.awaitShutdown(Duration.ofSeconds(5))) {
                    j.shutdownNow();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                j.shutdownNow();
            } catch (IllegalStateException e) {
                // JDA gives up on its session lock after 10 s when its gateway is in the middle of a
                // reconnect: the connection is dropped with the process, and closing goes on
                LOG.warn("Discord did not shut down cleanly: {}", e.getMessage());
            }
        }
        work.shutdown();
        claims.shutdown();
        timer.shutdownNow();
    }

    private static ThreadFactory daemon(String name) {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, name + "-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }
}
