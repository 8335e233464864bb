package io.candor.stats;

import io.candor.config.CandorConfig;
import io.candor.mention.People;
import io.candor.remind.ReminderSettings;
import io.candor.store.Database;
import io.candor.store.ReviewLogStore;
import io.candor.store.StatsRollupTest;
import io.candor.store.StatsStore;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Stats over a year of a busy team: 100,000 mentions (90% answered, 40 owners, 5 networks)
 * and 1,000,000 reviews by 40 writers for 6 sets of platforms, with 8 rules found in most
 * writer-days (about 525,000 daily rule rows), in an H2 file. The tables are filled in bulk
 * with INSERT ... SELECT over H2's SYSTEM_RANGE (numbers scrambled by multiplication, so the
 * data is the same at every run), the roll-ups and first answers by the V9 migration's own statements. Prints
 * the fill time and six timed reports; the first one is cold (nothing of the file cached).
 *
 * <p>Run: {@code mvn -B -q test -Dtest=StatsBenchmark -Dsurefire.failIfNoSpecifiedTests=false}.
 * {@code -Dbench.db=/some/dir/candor} keeps the database there and reuses it at the next run
 * (for timing {@code java -jar target/candor.jar stats --db /some/dir/candor} as a whole process).
 */
class StatsBenchmark {
    static final Instant NOW = Instant.parse("2026-11-30T12:00:00Z");

    @Test
    void aYearOfABusyTeam() throws Exception {
        Path db = Path.of(System.getProperty("bench.db",
                Files.createTempDirectory("candor-stats-bench").resolve("candor").toString()));
        ZoneId zone = ZoneId.of("Europe/Paris");
        if (!Files.exists(Path.of(db + ".mv.db"))) {
            Files.createDirectories(db.getParent());
            try (Database d = Database.open(db.toString())) {
                fill(d);
            }
        }
        try (Database d = Database.open(db.toString())) {
            CandorConfig cfg = CandorConfig.defaults();
            TeamStats stats = new TeamStats(new ReviewLogStore(d), new StatsStore(d), People.from(cfg),
                    cfg.section("reminders", ReminderSettings.class).businessHours().in(zone), StatsSettings.defaults(),
                    Clock.fixed(NOW, ZoneOffset.UTC));
            Period year = Period.parse("365d", null, NOW, zone, 30);
            Period month = Period.parse("30d", null, NOW, zone, 30);
            ThreadMXBean cpu = ManagementFactory.getThreadMXBean();
            for (int i = 0; i < 6; i++) {
                long a = System.nanoTime();
                long aCpu = cpu.getCurrentThreadCpuTime();
                StatsReport all = stats.build(new StatsQuery(year, Optional.empty(), Optional.empty(), true));
                long b = System.nanoTime();
                long bCpu = cpu.getCurrentThreadCpuTime();
                StatsReport one = stats.build(new StatsQuery(month, Optional.of(io.candor.identity.PersonRef.parse("slack:T1:U3")), Optional.of("linkedin"), false));
                long c = System.nanoTime();
                System.out.printf("year, everyone: %d ms (%d ms CPU; %d mentions, %d reviews, median %.2f h);"
                                + " 30 days, one person, one platform: %d ms (%d reviews); load average %.1f%n",
                        (b - a) / 1_000_000, (bCpu - aCpu) / 1_000_000, all.team().replies().received(),
                        all.team().drafts().reviewed(), all.team().replies().medianHours(), (c - b) / 1_000_000,
                        one.team().drafts().reviewed(), ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
            }
        }
    }

    static void fill(Database db) throws Exception {
        long t0 = System.nanoTime();
        String now = "TIMESTAMP WITH TIME ZONE '2026-11-30 12:00:00+00'";
        String at = now + " - MOD(X * 2654435761, 31536000) * INTERVAL '1' SECOND";
        String answered = "MOD(X * 40503, 10) < 9";
        try (Connection c = db.connection(); Statement s = c.createStatement()) {
            s.execute("INSERT INTO mentions (id, platform, source_id, author, text, received_at, assignee, state, created_at)"
                    + " SELECT X, ARRAY['x', 'linkedin', 'bluesky', 'instagram', 'mastodon'][MOD(X * 7919, 5) + 1],"
                    + " 's' || X, '@someone', 'Hello there, a question about the product, number ' || X, " + at + ","
                    + " 'slack:T1:U' || MOD(X * 104729, 40), CASE WHEN " + answered + " THEN 'answered' ELSE 'open' END, "
                    + at + " FROM SYSTEM_RANGE(1, 100000)");
            s.execute("INSERT INTO mention_events (mention_id, at, actor, action)"
                    + " SELECT X, " + at + ", 'webhook', 'received' FROM SYSTEM_RANGE(1, 100000)");
            s.execute("INSERT INTO mention_events (mention_id, at, actor, action) SELECT X, " + at
                    + " + MOD(X * 48271, 259200) * INTERVAL '1' SECOND, 'someone', 'answered'"
                    + " FROM SYSTEM_RANGE(1, 100000) WHERE " + answered);
            long t1 = System.nanoTime();
            // 365 days × 40 writers × 6 platform sets = 87,600 rows holding 1,000,000 reviews: 11 or 12 each
            String row = "(D * 240 + W * 6 + P)";
            String reviews = "(11 + CASE WHEN " + row + " < 36400 THEN 1 ELSE 0 END)";
            String cells = " FROM (SELECT X AS D FROM SYSTEM_RANGE(0, 364)) d CROSS JOIN (SELECT X AS W FROM"
                    + " SYSTEM_RANGE(0, 39)) w CROSS JOIN (SELECT X AS P FROM SYSTEM_RANGE(0, 5)) p";
            String day = "DATE '2026-11-30' - D * INTERVAL '1' DAY";
            String platforms = "ARRAY['', 'twitter', 'linkedin', 'twitter,linkedin', 'bluesky', 'instagram'][P + 1]";
            s.execute("INSERT INTO review_day (local_day, team, author, source, platforms, reviews, ready, another_look,"
                    + " rethink, first_looks, first_ready) SELECT " + day + ", 'T1', 'U' || W, 'slack', " + platforms + ", "
                    + reviews + ", " + reviews + " / 3, " + reviews + " - 2 * (" + reviews + " / 3), " + reviews + " / 3, "
                    + reviews + " / 2, " + reviews + " / 6" + cells);
            s.execute("INSERT INTO review_rule_day (local_day, team, author, source, platforms, rule_id, hits) SELECT "
                    + day + ", 'T1', 'U' || W, 'slack', " + platforms + ", ARRAY['pitch.hype', 'context.bare-link',"
                    + " 'claims.superlative', 'broadcast.repeat', 'platform.length', 'pitch.unasked-offer',"
                    + " 'context.talks-at', 'pitch.self-promo'][R + 1], 1 + MOD(" + row + " * 8 + R, 3)" + cells
                    + " CROSS JOIN (SELECT X AS R FROM SYSTEM_RANGE(0, 7)) r WHERE MOD((" + row + " * 8 + R) * 2654435761, 4) <> 0");
            long t2 = System.nanoTime();
            for (String rollup : StatsRollupTest.backfill()) {
                s.execute(rollup);
            }
            long t3 = System.nanoTime();
            try (ResultSet rs = s.executeQuery("SELECT (SELECT SUM(reviews) FROM review_day), (SELECT COUNT(*) FROM"
                    + " review_rule_day), (SELECT COUNT(*) FROM review_rule_span), (SELECT COUNT(*) FROM review_week)")) {
                rs.next();
                System.out.printf("fill: 100,000 mentions %.1f s; %d reviews (%d daily rule rows) %.1f s;"
                                + " roll-ups and first answers (%d span rows, %d week rows) %.1f s%n", (t1 - t0) / 1e9, rs.getLong(1),
                        rs.getLong(2), (t2 - t1) / 1e9, rs.getLong(3), rs.getLong(4), (t3 - t2) / 1e9);
            }
        }
    }
}
