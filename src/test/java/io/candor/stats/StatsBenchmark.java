package io.candor.stats;

import io.candor.config.CandorConfig;
import io.candor.mention.People;
import io.candor.remind.ReminderSettings;
import io.candor.store.Database;
import io.candor.store.ReviewLogStore;
import io.candor.store.StatsStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Stats over a year of a busy team: 100,000 mentions (90% answered) and 1,000,000 reviews by
 * 40 writers, in an H2 file. Reviews go in through the real write path (daily counts); the
 * mentions table is filled with batched inserts. Prints fill time and five timed builds.
 * Run: mvn -Dtest=StatsBenchmark -Dsurefire.excludes=none test
 */
class StatsBenchmark {
    @Test
    void aYearOfABusyTeam() throws Exception {
        Path dir = Files.createTempDirectory("candor-stats-bench");
        Instant now = Instant.parse("2026-11-30T12:00:00Z");
        ZoneId zone = ZoneId.of("Europe/Paris");
        try (Database db = Database.open(dir.resolve("candor").toString())) {
            Random r = new Random(7);
            long t0 = System.nanoTime();
            String[] platforms = {"x", "linkedin", "bluesky", "instagram", "mastodon"};
            try (Connection c = db.connection()) {
                c.setAutoCommit(false);
                try (PreparedStatement m = c.prepareStatement("INSERT INTO mentions (id, platform, source_id, author, text,"
                        + " received_at, assignee, state, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)");
                     PreparedStatement e = c.prepareStatement("INSERT INTO mention_events (mention_id, at, actor, action)"
                             + " VALUES (?, ?, ?, ?)")) {
                    for (int i = 1; i <= 100_000; i++) {
                        Instant at = now.minusSeconds(r.nextInt(365 * 86_400));
                        boolean answered = r.nextInt(10) < 9;
                        m.setLong(1, i);
                        m.setString(2, platforms[r.nextInt(platforms.length)]);
                        m.setString(3, "s" + i);
                        m.setString(4, "@someone");
                        m.setString(5, "Hello there, a question about the product, number " + i);
                        m.setObject(6, OffsetDateTime.ofInstant(at, ZoneOffset.UTC));
                        m.setString(7, "slack:T1:U" + r.nextInt(40));
                        m.setString(8, answered ? "answered" : "open");
                        m.setObject(9, OffsetDateTime.ofInstant(at, ZoneOffset.UTC));
                        m.addBatch();
                        e.setLong(1, i);
                        e.setObject(2, OffsetDateTime.ofInstant(at, ZoneOffset.UTC));
                        e.setString(3, "webhook");
                        e.setString(4, "received");
                        e.addBatch();
                        if (answered) {
                            e.setLong(1, i);
                            e.setObject(2, OffsetDateTime.ofInstant(at.plusSeconds(r.nextInt(3 * 86_400)), ZoneOffset.UTC));
                            e.setString(3, "someone");
                            e.setString(4, "answered");
                            e.addBatch();
                        }
                        if (i % 5_000 == 0) {
                            m.executeBatch();
                            e.executeBatch();
                            c.commit();
                        }
                    }
                }
            }
            long t1 = System.nanoTime();
            ReviewLogStore reviews = new ReviewLogStore(db);
            String[] verdicts = {"ready", "worth-another-look", "rethink"};
            String[] targets = {"", "twitter", "linkedin", "twitter,linkedin", "bluesky", "instagram"};
            String[] rules = {"pitch.hype", "context.bare-link", "claims.superlative", "broadcast.repeat",
                    "platform.length", "pitch.unasked-offer", "context.talks-at", "pitch.self-promo"};
            LocalDate today = now.atZone(zone).toLocalDate();
            for (int b = 0; b < 100; b++) {
                List<ReviewLogStore.Entry> batch = new ArrayList<>(10_000);
                for (int i = 0; i < 10_000; i++) {
                    List<String> found = new ArrayList<>();
                    for (int k = r.nextInt(3); k > 0; k--) {
                        found.add(rules[r.nextInt(rules.length)]);
                    }
                    batch.add(new ReviewLogStore.Entry(today.minusDays(r.nextInt(365)), "T1", "U" + r.nextInt(40), "slack",
                            targets[r.nextInt(targets.length)], verdicts[r.nextInt(3)], r.nextBoolean(), found));
                }
                reviews.add(batch);
            }
            long t2 = System.nanoTime();
            System.out.printf("fill: 100,000 mentions in %.1f s; 1,000,000 reviews in %.1f s%n", (t1 - t0) / 1e9, (t2 - t1) / 1e9);

            CandorConfig cfg = CandorConfig.defaults();
            TeamStats stats = new TeamStats(reviews, new StatsStore(db), People.from(cfg),
                    cfg.section("reminders", ReminderSettings.class).businessHours().in(zone), StatsSettings.defaults(),
                    Clock.fixed(now, ZoneOffset.UTC));
            Period year = Period.parse("365d", null, now, zone, 30);
            Period month = Period.parse("30d", null, now, zone, 30);
            for (int i = 0; i < 5; i++) {
                long a = System.nanoTime();
                StatsReport all = stats.build(new StatsQuery(year, Optional.empty(), Optional.empty(), true));
                long b = System.nanoTime();
                StatsReport last = stats.build(new StatsQuery(month, Optional.of("slack:T1:U3"), Optional.of("linkedin"), false));
                long c = System.nanoTime();
                System.out.printf("year, everyone: %d ms (%d mentions, %d reviews); 30 days, one person, one platform: %d ms%n",
                        (b - a) / 1_000_000, all.team().replies().received(), all.team().drafts().reviewed(),
                        (c - b) / 1_000_000, last.team().drafts().reviewed());
            }
        }
    }
}
