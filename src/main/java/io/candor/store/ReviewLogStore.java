package io.candor.store;

import io.candor.platform.Platform;
import io.candor.review.Writer;
import io.candor.text.Clip;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * What stats count about reviews (tables {@code review_day} and {@code review_rule_day},
 * migration V7__stats.sql, and their roll-ups {@code review_week} and {@code review_rule_span},
 * V9__stats_rollups.sql): per day, writer and platforms, how many drafts, their verdicts and
 * the rule ids found. Never a draft's text. Counts are added when a review is made, to the day
 * and to its roll-ups, so reading a year of a busy team moves thousands of rows, not a million.
 */
public final class ReviewLogStore {
    /** The longest roll-up span of rule hits, in days (review_rule_span, V9). */
    static final int LONGEST_SPAN = 512;

    private final Database db;

    public ReviewLogStore(Database db) {
        this.db = db;
    }

    /** One review as stats keep it: verdict id (ready, worth-another-look, rethink) and the rule ids found. */
    public record Entry(LocalDate day, Writer writer, List<Platform> platforms, String verdict, boolean firstLook,
                        List<String> rules) {
        public Entry {
            platforms = List.copyOf(platforms);
            rules = List.copyOf(new LinkedHashSet<>(rules));
        }
    }

    /** A day, writer and set of platforms: what counts are kept by. */
    public record Key(LocalDate day, Writer writer, List<Platform> platforms) {
    }

    /** One day's reviews by one writer for one set of platforms. */
    public record DayCount(Key key, int reviews, int ready, int anotherLook, int rethink, int firstLooks,
                           int firstReady) {
    }

    /** How many reviews found a rule, for one writer and set of platforms, over the days asked. */
    public record RuleCount(Writer writer, List<Platform> platforms, String rule, long hits) {
    }

    /** Adds reviews to the counts, in one transaction (a race with another instance is retried once). */
    public void add(List<Entry> entries) {
        if (entries.isEmpty()) {
            return;
        }
        Map<List<Object>, int[]> days = new LinkedHashMap<>();
        Map<List<Object>, int[]> weeks = new LinkedHashMap<>();
        Map<List<Object>, int[]> rules = new LinkedHashMap<>();
        Map<List<Object>, int[]> spans = new LinkedHashMap<>();
        for (Entry e : entries) {
            int[] n = new int[6]; // reviews, 3 verdicts, first looks, first ready
            n[0] = 1;
            n[switch (e.verdict()) {
                case "ready" -> 1;
                case "rethink" -> 3;
                default -> 2;
            }] = 1;
            if (e.firstLook()) {
                n[4] = 1;
                n[5] = e.verdict().equals("ready") ? 1 : 0;
            }
            Writer w = e.writer();
            List<Object> writer = List.of(clip(w.team(), 200), clip(w.author(), 200), clip(w.source(), 20),
                    clip(column(e.platforms()), 200));
            add(days, key(e.day(), writer), n);
            add(weeks, key(weekOf(e.day()), writer), n);
            long day = e.day().toEpochDay();
            for (String r : e.rules()) {
                String rule = clip(r, 120);
                add(rules, key(e.day(), writer, rule), ONE);
                for (int len = 2; len <= LONGEST_SPAN; len *= 2) {
                    add(spans, key(len, (int) (day - Math.floorMod(day, len)), writer, rule), ONE);
                }
            }
        }
        for (int attempt = 0; ; attempt++) {
            try {
                db.inTransaction(c -> {
                    upsert(c, "review_day", DAY_KEY, COUNTS, days);
                    upsert(c, "review_week", WEEK_KEY, COUNTS, weeks);
                    upsert(c, "review_rule_day", RULE_KEY, HITS, rules);
                    upsert(c, "review_rule_span", SPAN_KEY, HITS, spans);
                    return null;
                });
                return;
            } catch (SQLException e) {
                if (attempt == 0 && StoreErrors.duplicateKey(e)) {
                    continue; // another instance inserted the same row first: now it is an update
                }
                throw StoreUnavailableException.from(db.url(), e);
            }
        }
    }

    private static final int[] ONE = {1};
    private static final List<String> COUNTS = List.of("reviews", "ready", "another_look", "rethink", "first_looks",
            "first_ready");
    private static final List<String> HITS = List.of("hits");
    private static final List<String> WRITER = List.of("team", "author", "source", "platforms");
    private static final List<String> DAY_KEY = columns(List.of("local_day"), WRITER);
    private static final List<String> WEEK_KEY = columns(List.of("first_day"), WRITER);
    private static final List<String> RULE_KEY = columns(DAY_KEY, List.of("rule_id"));
    private static final List<String> SPAN_KEY = columns(List.of("span_days", "first_day"), WRITER, List.of("rule_id"));

    @SafeVarargs
    private static List<String> columns(List<String>... parts) {
        List<String> out = new ArrayList<>();
        for (List<String> p : parts) {
            out.addAll(p);
        }
        return List.copyOf(out);
    }

    private static List<Object> key(Object first, List<Object> writer, Object... more) {
        List<Object> k = new ArrayList<>(writer.size() + 1 + more.length);
        k.add(first);
        k.addAll(writer);
        k.addAll(List.of(more));
        return k;
    }

    private static List<Object> key(int len, int firstDay, List<Object> writer, String rule) {
        List<Object> k = new ArrayList<>(writer.size() + 3);
        k.add(len);
        k.add(firstDay);
        k.addAll(writer);
        k.add(rule);
        return k;
    }

    private static void add(Map<List<Object>, int[]> into, List<Object> key, int[] n) {
        int[] c = into.computeIfAbsent(key, k -> new int[n.length]);
        for (int i = 0; i < n.length; i++) {
            c[i] += n[i];
        }
    }

    /** The week's Monday as days since 1970-01-01 (review_week.first_day). */
    static int weekOf(LocalDate day) {
        return (int) day.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)).toEpochDay();
    }

    /** Adds {@code rows} (key values in {@code keys} order → amounts to add to {@code values}) to {@code table}. */
    private static void upsert(Connection c, String table, List<String> keys, List<String> values,
                               Map<List<Object>, int[]> rows) throws SQLException {
        if (rows.isEmpty()) {
            return;
        }
        List<List<Object>> order = new ArrayList<>(rows.keySet());
        List<List<Object>> missing = new ArrayList<>();
        String set = String.join(", ", values.stream().map(v -> v + " = " + v + " + ?").toList());
        String where = String.join(" AND ", keys.stream().map(k -> k + " = ?").toList());
        try (PreparedStatement ps = c.prepareStatement("UPDATE " + table + " SET " + set + " WHERE " + where)) {
            for (List<Object> k : order) {
                int[] n = rows.get(k);
                for (int i = 0; i < n.length; i++) {
                    ps.setInt(i + 1, n[i]);
                }
                bind(ps, n.length + 1, k);
                ps.addBatch();
            }
            int[] done = ps.executeBatch();
            for (int i = 0; i < done.length; i++) {
                if (done[i] == 0) {
                    missing.add(order.get(i));
                }
            }
        }
        if (missing.isEmpty()) {
            return;
        }
        String marks = String.join(", ", java.util.Collections.nCopies(keys.size() + values.size(), "?"));
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO " + table + " (" + String.join(", ", keys) + ", "
                + String.join(", ", values) + ") VALUES (" + marks + ")")) {
            for (List<Object> k : missing) {
                bind(ps, 1, k);
                int[] n = rows.get(k);
                for (int i = 0; i < n.length; i++) {
                    ps.setInt(k.size() + 1 + i, n[i]);
                }
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    private static void bind(PreparedStatement ps, int at, List<Object> key) throws SQLException {
        for (int i = 0; i < key.size(); i++) {
            ps.setObject(at + i, key.get(i));
        }
    }

    /**
     * The counts of days in [from, to]: whole weeks inside the period as one row each (its
     * {@code key().day()} is the Monday), the days at its edges one by one. Summing the rows
     * gives the same figures as summing every day, from about 300 rows a week fewer.
     */
    public void days(LocalDate from, LocalDate to, Consumer<DayCount> each) {
        LocalDate firstMonday = from.with(TemporalAdjusters.nextOrSame(DayOfWeek.MONDAY));
        LocalDate lastMonday = to.plusDays(1).with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)).minusWeeks(1);
        if (lastMonday.isBefore(firstMonday)) { // no whole week
            dayRows(from, to, each);
            return;
        }
        dayRows(from, firstMonday.minusDays(1), each);
        query("SELECT first_day, team, author, source, platforms, reviews, ready, another_look, rethink, first_looks,"
                + " first_ready FROM review_week WHERE first_day BETWEEN ? AND ?",
                List.of((int) firstMonday.toEpochDay(), (int) lastMonday.toEpochDay()),
                rs -> each.accept(count(rs, LocalDate.ofEpochDay(rs.getInt(1)))));
        dayRows(lastMonday.plusWeeks(1), to, each);
    }

    private void dayRows(LocalDate from, LocalDate to, Consumer<DayCount> each) {
        if (to.isBefore(from)) {
            return;
        }
        query("SELECT local_day, team, author, source, platforms, reviews, ready, another_look, rethink, first_looks,"
                + " first_ready FROM review_day WHERE local_day BETWEEN ? AND ?", List.of(from, to),
                rs -> each.accept(count(rs, rs.getObject(1, LocalDate.class))));
    }

    private static DayCount count(ResultSet rs, LocalDate day) throws SQLException {
        return new DayCount(new Key(day, Writer.stored(rs.getString(4), rs.getString(2), rs.getString(3)),
                platforms(rs.getString(5))), rs.getInt(6), rs.getInt(7), rs.getInt(8), rs.getInt(9), rs.getInt(10),
                rs.getInt(11));
    }

    /** The platforms column: their ids, comma-joined. */
    static String column(List<Platform> platforms) {
        return String.join(",", platforms.stream().map(Platform::id).toList());
    }

    /** The platforms a column names, each once, in its order; an id Candor no longer knows is left out. */
    static List<Platform> platforms(String column) {
        if (column == null || column.isBlank()) {
            return List.of();
        }
        return Arrays.stream(column.split(",")).map(Platform::find).flatMap(Optional::stream).distinct().toList();
    }

    /**
     * Rule counts per writer and platforms, summed over days in [from, to]: read from the fewest
     * aligned spans that cover the period (review_rule_span), single days from review_rule_day.
     */
    public void rules(LocalDate from, LocalDate to, Consumer<RuleCount> each) {
        Map<List<String>, long[]> sums = new LinkedHashMap<>();
        Row add = rs -> sums.computeIfAbsent(List.of(rs.getString(1), rs.getString(2), rs.getString(3),
                rs.getString(4), rs.getString(5)), k -> new long[1])[0] += rs.getLong(6);
        try (Connection c = db.connection();
             PreparedStatement day = c.prepareStatement("SELECT team, author, source, platforms, rule_id, hits"
                     + " FROM review_rule_day WHERE local_day = ?");
             PreparedStatement span = c.prepareStatement("SELECT team, author, source, platforms, rule_id, hits"
                     + " FROM review_rule_span WHERE span_days = ? AND first_day = ?")) {
            for (int[] s : spans(from.toEpochDay(), to.toEpochDay())) {
                if (s[0] == 1) {
                    day.setObject(1, LocalDate.ofEpochDay(s[1]));
                    read(day, add);
                } else {
                    span.setInt(1, s[0]);
                    span.setInt(2, s[1]);
                    read(span, add);
                }
            }
        } catch (SQLException e) {
            throw StoreUnavailableException.from(db.url(), e);
        }
        sums.forEach((k, n) -> each.accept(new RuleCount(Writer.stored(k.get(2), k.get(0), k.get(1)), platforms(k.get(3)),
                k.get(4), n[0])));
    }

    /**
     * Days {@code first..last} (days since 1970) as aligned spans {length, first day}, longest
     * first from the left: at most two of each length up to {@link #LONGEST_SPAN}, then whole
     * spans of that length.
     */
    static List<int[]> spans(long first, long last) {
        List<int[]> out = new ArrayList<>();
        for (long at = first; at <= last; ) {
            int len = 1;
            while (len < LONGEST_SPAN && Math.floorMod(at, 2L * len) == 0 && at + 2L * len - 1 <= last) {
                len *= 2;
            }
            out.add(new int[] {len, (int) at});
            at += len;
        }
        return out;
    }

    private interface Row {
        void read(ResultSet rs) throws SQLException;
    }

    private void query(String sql, List<Object> args, Row row) {
        try (Connection c = db.connection(); PreparedStatement ps = c.prepareStatement(sql)) {
            bind(ps, 1, args);
            read(ps, row);
        } catch (SQLException e) {
            throw StoreUnavailableException.from(db.url(), e);
        }
    }

    private static void read(PreparedStatement ps, Row row) throws SQLException {
        ps.setFetchSize(5_000);
        try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                row.read(rs);
            }
        }
    }

    private static String clip(String s, int max) {
        return s == null ? "" : Clip.head(s, max);
    }
}
