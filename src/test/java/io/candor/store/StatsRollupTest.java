package io.candor.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.candor.identity.PersonRef;
import io.candor.mention.model.MentionState;
import io.candor.mention.model.NewMention;
import io.candor.review.Writer;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The fast reads of {@code candor stats} (weeks, spans of days, first answers kept on the
 * mention) against the plain computation over every day and every event, on random data,
 * on H2 and on PostgreSQL; and the V9 migration's backfill against the write path.
 */
public class StatsRollupTest {
    private static final LocalDate START = LocalDate.of(2026, 1, 1);
    private static final String[] AUTHORS = {"U1", "U2", "alice"};
    private static final String[] SOURCES = {"slack", "slack", "terminal"};
    private static final String[] PLATFORMS = {"", "twitter", "twitter,linkedin"};
    private static final String[] RULES = {"pitch.hype", "context.bare-link", "claims.superlative", "platform.length"};
    private static final String[] VERDICTS = {"ready", "worth-another-look", "rethink"};

    @ParameterizedTest
    @MethodSource("io.candor.store.Backend#both")
    void weeksAndSpansAddUpToTheSameFiguresAsEveryDay(Backend backend) throws Exception {
        Random r = new Random(11);
        try (Database db = Database.open(backend.freshUrl())) {
            ReviewLogStore store = new ReviewLogStore(db);
            fill(store, r);
            List<LocalDate[]> periods = new ArrayList<>(List.of(
                    new LocalDate[] {START, START.plusDays(399)},
                    new LocalDate[] {LocalDate.of(2026, 3, 2), LocalDate.of(2026, 3, 8)}, // one whole week
                    new LocalDate[] {LocalDate.of(2026, 3, 4), LocalDate.of(2026, 3, 4)}));
            for (int i = 0; i < 40; i++) {
                LocalDate from = START.minusDays(5).plusDays(r.nextInt(400));
                periods.add(new LocalDate[] {from, from.plusDays(r.nextInt(i < 20 ? 20 : 300))});
            }
            for (LocalDate[] p : periods) {
                assertThat(fastCounts(store, p[0], p[1])).as("counts %s to %s", p[0], p[1])
                        .isEqualTo(plainCounts(db, p[0], p[1]));
                assertThat(fastRules(store, p[0], p[1])).as("rules %s to %s", p[0], p[1])
                        .isEqualTo(plainRules(db, p[0], p[1]));
            }
        }
    }

    @ParameterizedTest
    @MethodSource("io.candor.store.Backend#both")
    void theMigrationBuildsTheSameRollupsAsTheWritePath(Backend backend) throws Exception {
        try (Database db = Database.open(backend.freshUrl())) {
            fill(new ReviewLogStore(db), new Random(5));
            MentionStore mentions = new MentionStore(db);
            Instant t = Instant.parse("2026-03-02T08:00:00Z");
            long id = mentions.ingest(List.of(new NewMention("x", "s1", "someone", "hi", null, t, Optional.empty(), null)),
                    "webhook", t, m -> Optional.of(PersonRef.named("alice"))).get(0).mention().id();
            answer(mentions, id, t.plusSeconds(3_600));
            mentions.change(id, "alice", t.plusSeconds(4_000), MentionStore.Change.taken(MentionState.OPEN, PersonRef.named("alice"),
                    "reopened", null));
            answer(mentions, id, t.plusSeconds(9_000));
            String[] tables = {"review_week", "review_rule_span", "mentions"};
            Map<String, List<String>> written = new HashMap<>();
            for (String table : tables) {
                written.put(table, rows(db, table));
            }
            try (Connection c = db.connection(); Statement s = c.createStatement()) {
                s.execute("DELETE FROM review_week");
                s.execute("DELETE FROM review_rule_span");
                s.execute("UPDATE mentions SET answered_at = NULL");
                for (String statement : backfill()) {
                    s.execute(statement);
                }
            }
            for (String table : tables) {
                assertThat(rows(db, table)).as(table).isEqualTo(written.get(table));
            }
            assertThat(written.get("mentions").get(0)).contains(OffsetDateTime.parse("2026-03-02T09:00:00Z").toInstant().toString());
        }
    }

    @ParameterizedTest
    @MethodSource("io.candor.store.Backend#both")
    void firstAnswersKeptOnTheMentionMatchTheEvents(Backend backend) throws Exception {
        Random r = new Random(3);
        try (Database db = Database.open(backend.freshUrl())) {
            MentionStore mentions = new MentionStore(db);
            Instant base = Instant.parse("2026-01-05T08:00:00Z");
            for (int i = 0; i < 60; i++) {
                Instant at = base.plusSeconds(r.nextInt(60 * 86_400));
                long id = mentions.ingest(List.of(new NewMention(i % 2 == 0 ? "x" : "linkedin", "s" + i, "someone",
                        "hi", null, at, Optional.empty(), null)), "webhook", at, m -> Optional.of(PersonRef.named("alice"))).get(0).mention().id();
                Instant now = at;
                for (int k = r.nextInt(4); k > 0; k--) { // answered, sometimes reopened and answered again
                    now = now.plusSeconds(r.nextInt(20 * 86_400));
                    answer(mentions, id, now);
                    if (r.nextBoolean()) {
                        now = now.plusSeconds(600);
                        mentions.change(id, "alice", now, MentionStore.Change.taken(MentionState.OPEN, PersonRef.named("alice"),
                                "reopened", null));
                    }
                }
            }
            StatsStore stats = new StatsStore(db);
            for (int i = 0; i < 20; i++) {
                Instant from = base.plusSeconds(r.nextInt(70 * 86_400));
                Instant to = from.plusSeconds(r.nextInt(30 * 86_400));
                Map<Long, String> fast = new TreeMap<>();
                stats.mentions(from, to, m -> assertThat(fast.put(m.id(), m.toString())).isNull());
                assertThat(fast).as("%s to %s", from, to).isEqualTo(plainMentions(db, from, to));
            }
        }
    }

    private static void answer(MentionStore mentions, long id, Instant at) {
        mentions.change(id, "alice", at, MentionStore.Change.state(MentionState.ANSWERED, "answered", null));
    }

    private static void fill(ReviewLogStore store, Random r) {
        for (int batch = 0; batch < 30; batch++) {
            List<ReviewLogStore.Entry> entries = new ArrayList<>();
            for (int i = r.nextInt(30); i > 0; i--) {
                int w = r.nextInt(AUTHORS.length);
                List<String> found = new ArrayList<>();
                for (int k = r.nextInt(3); k > 0; k--) {
                    found.add(RULES[r.nextInt(RULES.length)]);
                }
                entries.add(new ReviewLogStore.Entry(START.plusDays(r.nextInt(400)), Writer.stored(SOURCES[w], "T1", AUTHORS[w]),
                        ReviewLogStore.platforms(PLATFORMS[r.nextInt(PLATFORMS.length)]), VERDICTS[r.nextInt(3)],
                        r.nextBoolean(), found));
            }
            store.add(entries);
        }
    }

    /** Totals per writer and platforms, and per week (cut to the period), as TeamStats adds them up. */
    private static Map<String, List<Integer>> fastCounts(ReviewLogStore store, LocalDate from, LocalDate to) {
        Map<String, List<Integer>> out = new TreeMap<>();
        store.days(from, to, d -> {
            assertThat(d.key().day()).isBetween(from, to);
            List<Integer> n = List.of(d.reviews(), d.ready(), d.anotherLook(), d.rethink(), d.firstLooks(), d.firstReady());
            Writer w = d.key().writer();
            add(out, w.team() + "/" + w.author() + "/" + w.source() + "/" + ReviewLogStore.column(d.key().platforms()), n);
            add(out, "week " + d.key().day().with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)), n);
        });
        return out;
    }

    private static Map<String, List<Integer>> plainCounts(Database db, LocalDate from, LocalDate to) throws Exception {
        Map<String, List<Integer>> out = new TreeMap<>();
        query(db, "SELECT local_day, team, author, source, platforms, reviews, ready, another_look, rethink, first_looks,"
                + " first_ready FROM review_day WHERE local_day BETWEEN ? AND ?", rs -> {
                    List<Integer> n = List.of(rs.getInt(6), rs.getInt(7), rs.getInt(8), rs.getInt(9), rs.getInt(10),
                            rs.getInt(11));
                    add(out, rs.getString(2) + "/" + rs.getString(3) + "/" + rs.getString(4) + "/" + rs.getString(5), n);
                    add(out, "week " + rs.getObject(1, LocalDate.class).with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)), n);
                }, from, to);
        return out;
    }

    private static void add(Map<String, List<Integer>> into, String key, List<Integer> n) {
        into.merge(key, n, (a, b) -> {
            List<Integer> sum = new ArrayList<>();
            for (int i = 0; i < a.size(); i++) {
                sum.add(a.get(i) + b.get(i));
            }
            return sum;
        });
    }

    private static Map<String, Long> fastRules(ReviewLogStore store, LocalDate from, LocalDate to) {
        Map<String, Long> out = new TreeMap<>();
        store.rules(from, to, c -> assertThat(out.put(c.writer().team() + "/" + c.writer().author() + "/"
                + c.writer().source() + "/" + ReviewLogStore.column(c.platforms()) + "/" + c.rule(), c.hits()))
                .as("one row per writer, platforms and rule").isNull());
        return out;
    }

    private static Map<String, Long> plainRules(Database db, LocalDate from, LocalDate to) throws Exception {
        Map<String, Long> out = new TreeMap<>();
        query(db, "SELECT team, author, source, platforms, rule_id, SUM(hits) FROM review_rule_day"
                + " WHERE local_day BETWEEN ? AND ? GROUP BY team, author, source, platforms, rule_id",
                rs -> out.put(rs.getString(1) + "/" + rs.getString(2) + "/" + rs.getString(3) + "/" + rs.getString(4)
                        + "/" + rs.getString(5), rs.getLong(6)), from, to);
        return out;
    }

    /** What stats read before V9: every event, grouped, joined to a scan of the mentions. */
    private static Map<Long, String> plainMentions(Database db, Instant from, Instant to) throws Exception {
        Map<Long, Instant> answered = new HashMap<>();
        query(db, "SELECT mention_id, MIN(at) FROM mention_events WHERE action = 'answered' AND at >= ?"
                + " GROUP BY mention_id", rs -> answered.put(rs.getLong(1), rs.getObject(2, OffsetDateTime.class)
                .toInstant()), ts(from));
        Map<Long, String> out = new TreeMap<>();
        query(db, "SELECT id, platform, assignee, state, received_at FROM mentions"
                + " WHERE (received_at >= ? AND received_at < ?) OR state IN ('open', 'in_progress')", rs -> {
                    long id = rs.getLong(1);
                    out.put(id, new StatsStore.MentionTiming(id, rs.getString(2), MentionStore.assignee(rs.getString(3)),
                            MentionState.parse(rs.getString(4)),
                            rs.getObject(5, OffsetDateTime.class).toInstant(), answered.get(id)).toString());
                }, ts(from), ts(to));
        return out;
    }

    private static OffsetDateTime ts(Instant i) {
        return OffsetDateTime.ofInstant(i, java.time.ZoneOffset.UTC);
    }

    private interface Row {
        void read(ResultSet rs) throws Exception;
    }

    private static void query(Database db, String sql, Row row, Object... args) throws Exception {
        try (Connection c = db.connection(); PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                ps.setObject(i + 1, args[i]);
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    row.read(rs);
                }
            }
        }
    }

    /** A table's rows as sorted strings; instants in UTC so both databases print them alike. */
    private static List<String> rows(Database db, String table) throws Exception {
        List<String> out = new ArrayList<>();
        String columns = table.equals("mentions") ? "id, answered_at" : "*";
        query(db, "SELECT " + columns + " FROM " + table, rs -> {
            Object[] v = new Object[rs.getMetaData().getColumnCount()];
            for (int i = 0; i < v.length; i++) {
                Object o = rs.getObject(i + 1);
                v[i] = o instanceof java.sql.Timestamp || o instanceof OffsetDateTime
                        ? rs.getObject(i + 1, OffsetDateTime.class).toInstant() : o;
            }
            out.add(Arrays.toString(v));
        });
        out.sort(null);
        return out;
    }

    /** The V9 migration's statements that fill the roll-ups and the first answers from what was there. */
    public static List<String> backfill() throws Exception {
        String sql;
        try (var in = StatsRollupTest.class.getResourceAsStream("/db/migration/V9__stats_rollups.sql")) {
            sql = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        List<String> out = Arrays.stream(sql.replaceAll("(?m)--.*$", "").split(";")).map(String::strip)
                .filter(s -> s.startsWith("INSERT INTO review_") || s.startsWith("UPDATE mentions")).toList();
        assertThat(out).hasSize(3);
        return out;
    }
}
