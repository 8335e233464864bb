package io.candor;

import io.candor.chat.ChatUser;
import io.candor.chat.FakeChat;
import io.candor.cli.BotWiring;
import io.candor.config.CandorConfig;
import io.candor.identity.SurfaceKind;
import io.candor.mention.MentionsModule;
import io.candor.mention.People;
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
    /** The whole bot on this team's database and clock: {@code wiring.bot()} answers /coach. */
    public final BotWiring wiring;
    public final FakeChat slack = new FakeChat();
    public final FakeChat discord = new FakeChat();
    public final CandorConfig config;

    private TestTeam(String yaml, Instant start, String dbUrl) {
        try {
            // config/ inside a private folder: its sibling prompts/ must not be someone else's
            Path dir = Files.createDirectories(Files.createTempDirectory("candor-team").resolve("config"));
            Path file = dir.resolve("candor.yaml");
            Files.writeString(file, yaml);
            config = CandorConfig.load(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        clock = new TestClock(start);
        db = Database.open(dbUrl);
        reviewer = new Reviewer(config);
        // the bot as serve and chat put it together: history, stats recording, feedback in the database
        wiring = BotWiring.assemble(config, reviewer, db, People.from(config), clock);
        r = wiring.remind();
        m = wiring.mentions();
    }

    public static TestTeam create(String yaml, Instant start) {
        return new TestTeam(yaml, start, memoryUrl());
    }

    /** Another instance (or a restarted one) on the same database. */
    public static TestTeam onDatabase(String yaml, Instant start, String dbUrl) {
        return new TestTeam(yaml, start, dbUrl);
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
        db.close();
    }
}
