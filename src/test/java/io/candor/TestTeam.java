package io.candor;

import io.candor.chat.ChatUser;
import io.candor.chat.FakeChat;
import io.candor.cli.BotWiring;
import io.candor.cli.Settings;
import io.candor.config.CandorConfig;
import io.candor.identity.SurfaceKind;
import io.candor.mention.MentionsModule;
import io.candor.remind.ReminderService;
import io.candor.remind.RemindersModule;
import io.candor.remind.TestClock;
import io.candor.review.Reviewer;
import io.candor.store.Database;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/**
 * A team for tests: settings from a YAML snippet, a fresh in-memory database, a clock the
 * test moves, the bot wired as {@code serve} wires it ({@link BotWiring}), and FakeChat standing
 * in for Slack and Discord.
 */
public final class TestTeam implements AutoCloseable {
    public static final String PEOPLE = """
            people:
              - {name: alice, slack: UALICE, zone: Europe/Paris}
              - {name: bob, slack: UBOB, zone: America/New_York}
              - {name: carol, discord: "333", zone: Asia/Tokyo}
            """;

    public final TestClock clock;
    public final Database db;
    public final MentionsModule m;
    public final RemindersModule r;
    public final Reviewer reviewer;
    /** The whole app on this team's database and clock, as serve and chat make it: {@code wiring.bot()} answers /coach. */
    public final BotWiring wiring;
    public final FakeChat slack = new FakeChat();
    public final FakeChat discord = new FakeChat();
    public final CandorConfig config;
    public final Settings settings;
    /** Where the database is: another instance on the same database opens it there. */
    public final String dbUrl;

    private TestTeam(String yaml, Instant start, String dbUrl, Map<String, String> env) {
        try {
            // config/ inside a private folder: its sibling prompts/ must not be someone else's
            Path dir = Files.createDirectories(Files.createTempDirectory("candor-team").resolve("config"));
            Path file = dir.resolve("candor.yaml");
            Files.writeString(file, yaml);
            config = CandorConfig.load(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        settings = Settings.read(config);
        clock = new TestClock(start);
        this.dbUrl = dbUrl;
        // the app as serve and chat put it together: history, stats recording, feedback in the database
        wiring = BotWiring.of(settings, dbUrl, env, clock);
        db = wiring.database();
        reviewer = wiring.rules();
        r = wiring.reminders();
        m = wiring.mentions();
    }

    public static TestTeam create(String yaml, Instant start) {
        return new TestTeam(yaml, start, memoryUrl(), Map.of());
    }

    /** With this environment (the networks' accounts). */
    public static TestTeam create(String yaml, Instant start, Map<String, String> env) {
        return new TestTeam(yaml, start, memoryUrl(), env);
    }

    /** Another instance (or a restarted one) on the same database. */
    public static TestTeam onDatabase(String yaml, Instant start, String dbUrl) {
        return new TestTeam(yaml, start, dbUrl, Map.of());
    }

    public static TestTeam onDatabase(String yaml, Instant start, String dbUrl, Map<String, String> env) {
        return new TestTeam(yaml, start, dbUrl, env);
    }

    public static String memoryUrl() {
        return "jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";
    }

    public ReminderService reminders() {
        return r.reminders(r.router().add(SurfaceKind.SLACK, slack).add(SurfaceKind.DISCORD, discord));
    }

    public static ChatUser slackUser(String id, String name) {
        return ChatUser.of(SurfaceKind.SLACK, "T1", id, name);
    }

    @Override
    public void close() {
        wiring.close();
    }
}
