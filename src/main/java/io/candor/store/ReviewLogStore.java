package io.candor.store;

import io.candor.text.Clip;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * What stats count about reviews (tables {@code review_day} and {@code review_rule_day},
 * migration V20__stats.sql): per day, writer and platforms, how many drafts, their verdicts
 * and the rule ids found. Never a draft's text. Counts are added when a review is made, so
 * reading a year of a busy team moves thousands of rows, not a million.
 */
public final class ReviewLogStore {
    private static final String UNIQUE_VIOLATION = "23505";
    private static final String KEY = "local_day = ? AND team = ? AND author = ? AND source = ? AND platforms = ?";

    private final Database db;

    public ReviewLogStore(Database db) {
        this.db = db;
    }

    /** One review as stats keep it: verdict id (ready, worth-another-look, rethink) and the rule ids found. */
    public record Entry(LocalDate day, String team, String author, String source, String platforms,
                        String verdict, boolean firstLook, List<String> rules) {
        public Entry {
            team = clip(team, 200);
            author = clip(author, 200);
            source = clip(source, 20);
            platforms = clip(platforms, 200);
            rules = List.copyOf(new LinkedHashSet<>(rules));
        }

        Key key() {
            return new Key(day, team, author, source, platforms);
        }
    }

    /** A day, writer and set of platforms: what counts are kept by. */
    public record Key(LocalDate day, String team, String author, String source, String platforms) {
    }

    /** One day's reviews by one writer for one set of platforms. */
    public record DayCount(Key key, int reviews, int ready, int anotherLook, int rethink, int firstLooks,
                           int firstReady) {
    }

    /** How many reviews found a rule, for one writer and set of platforms, over the days asked. */
    public record RuleCount(String team, String author, String source, String platforms, String rule, long hits) {
    }

    /** Adds reviews to the counts, in one transaction (a race with another instance is retried once). */
    public void add(List<Entry> entries) {
        if (entries.isEmpty()) {
            return;
        }
        Map<Key, int[]> days = new LinkedHashMap<>();
        Map<List<Object>, Integer> rules = new LinkedHashMap<>();
        for (Entry e : entries) {
            int[] c = days.computeIfAbsent(e.key(), k -> new int[6]); // reviews, 3 verdicts, first looks, first ready
            c[0]++;
            c[switch (e.verdict()) {
                case "ready" -> 1;
                case "rethink" -> 3;
                default -> 2;
            }]++;
            if (e.firstLook()) {
                c[4]++;
                c[5] += e.verdict().equals("ready") ? 1 : 0;
            }
            for (String r : e.rules()) {
                rules.merge(List.of(e.key(), clip(r, 120)), 1, Integer::sum);
            }
        }
        for (int attempt = 0; ; attempt++) {
            try {
                db.inTransaction(c -> {
                    addDays(c, days);
                    addRules(c, rules);
                    return null;
                });
                return;
            } catch (SQLException e) {
                if (attempt == 0 && UNIQUE_VIOLATION.equals(e.getSQLState())) {
                    continue; // another instance inserted the same day's row first: now it is an update
                }
                throw StoreUnavailableException.from(db.url(), e);
            }
        }
    }

    private static void addDays(Connection c, Map<Key, int[]> days) throws SQLException {
        List<Key> missing = new ArrayList<>();
        List<Key> keys = new ArrayList<>(days.keySet());
        try (PreparedStatement ps = c.prepareStatement("UPDATE review_day SET reviews = reviews + ?, ready = ready + ?,"
                + " another_look = another_look + ?, rethink = rethink + ?, first_looks = first_looks + ?,"
                + " first_ready = first_ready + ? WHERE " + KEY)) {
            for (Key k : keys) {
                int[] n = days.get(k);
                for (int i = 0; i < 6; i++) {
                    ps.setInt(i + 1, n[i]);
                }
                bindKey(ps, 7, k);
                ps.addBatch();
            }
            int[] done = ps.executeBatch();
            for (int i = 0; i < done.length; i++) {
                if (done[i] == 0) {
                    missing.add(keys.get(i));
                }
            }
        }
        if (missing.isEmpty()) {
            return;
        }
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO review_day (local_day, team, author, source,"
                + " platforms, reviews, ready, another_look, rethink, first_looks, first_ready)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            for (Key k : missing) {
                bindKey(ps, 1, k);
                int[] n = days.get(k);
                for (int i = 0; i < 6; i++) {
                    ps.setInt(6 + i, n[i]);
                }
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    private static void addRules(Connection c, Map<List<Object>, Integer> rules) throws SQLException {
        if (rules.isEmpty()) {
            return;
        }
        List<List<Object>> keys = new ArrayList<>(rules.keySet());
        List<List<Object>> missing = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(
                "UPDATE review_rule_day SET hits = hits + ? WHERE " + KEY + " AND rule_id = ?")) {
            for (List<Object> k : keys) {
                ps.setInt(1, rules.get(k));
                bindKey(ps, 2, (Key) k.get(0));
                ps.setString(7, (String) k.get(1));
                ps.addBatch();
            }
            int[] done = ps.executeBatch();
            for (int i = 0; i < done.length; i++) {
                if (done[i] == 0) {
                    missing.add(keys.get(i));
                }
            }
        }
        if (missing.isEmpty()) {
            return;
        }
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO review_rule_day (local_day, team, author, source,"
                + " platforms, rule_id, hits) VALUES (?, ?, ?, ?, ?, ?, ?)")) {
            for (List<Object> k : missing) {
                bindKey(ps, 1, (Key) k.get(0));
                ps.setString(6, (String) k.get(1));
                ps.setInt(7, rules.get(k));
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    private static void bindKey(PreparedStatement ps, int at, Key k) throws SQLException {
        ps.setObject(at, k.day());
        ps.setString(at + 1, k.team());
        ps.setString(at + 2, k.author());
        ps.setString(at + 3, k.source());
        ps.setString(at + 4, k.platforms());
    }

    /** Every day's counts for days in [from, to]. */
    public void days(LocalDate from, LocalDate to, Consumer<DayCount> each) {
        query("SELECT local_day, team, author, source, platforms, reviews, ready, another_look, rethink, first_looks,"
                + " first_ready FROM review_day WHERE local_day BETWEEN ? AND ?", from, to,
                rs -> each.accept(new DayCount(new Key(rs.getObject(1, LocalDate.class), rs.getString(2),
                        rs.getString(3), rs.getString(4), rs.getString(5)), rs.getInt(6), rs.getInt(7), rs.getInt(8),
                        rs.getInt(9), rs.getInt(10), rs.getInt(11))));
    }

    /** Rule counts per writer and platforms, summed over days in [from, to]. */
    public void rules(LocalDate from, LocalDate to, Consumer<RuleCount> each) {
        query("SELECT team, author, source, platforms, rule_id, SUM(hits) FROM review_rule_day"
                + " WHERE local_day BETWEEN ? AND ? GROUP BY team, author, source, platforms, rule_id", from, to,
                rs -> each.accept(new RuleCount(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getString(5), rs.getLong(6))));
    }

    private interface Row {
        void read(ResultSet rs) throws SQLException;
    }

    private void query(String sql, LocalDate from, LocalDate to, Row row) {
        try (Connection c = db.connection(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setObject(1, from);
            ps.setObject(2, to);
            ps.setFetchSize(5_000);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    row.read(rs);
                }
            }
        } catch (SQLException e) {
            throw StoreUnavailableException.from(db.url(), e);
        }
    }

    private static String clip(String s, int max) {
        return s == null ? "" : Clip.head(s, max);
    }
}
