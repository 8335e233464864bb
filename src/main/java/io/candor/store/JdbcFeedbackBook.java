package io.candor.store;

import io.candor.chat.ChatUser;
import io.candor.chat.Feedback;
import io.candor.chat.FeedbackBook;
import io.candor.identity.ChatKey;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Feedback and muted rules in the database (tables from V4__feedback.sql), so a muted rule
 * stays muted across restarts and on every Candor instance of the team. While the database
 * is gone a review still runs: it uses the muted rules last read for that person (none if
 * never read), and says nothing about it beyond one log line a minute.
 */
public final class JdbcFeedbackBook implements FeedbackBook {
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(JdbcFeedbackBook.class);
    private final Database db;
    private final Clock clock;
    /** The muted rules last read per person, for reviews while the database is gone. */
    private final Map<ChatKey, Set<String>> lastRead = new java.util.concurrent.ConcurrentHashMap<>();
    private final java.util.concurrent.atomic.AtomicLong lastWarning = new java.util.concurrent.atomic.AtomicLong();

    public JdbcFeedbackBook(Database db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    @Override
    public void record(ChatUser user, String rule, Feedback feedback) {
        Timestamp now = Timestamp.from(clock.instant());
        try (Connection c = db.connection()) {
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO feedback_event"
                    + " (surface, team, user_id, rule_id, kind, created_at) VALUES (?, ?, ?, ?, ?, ?)")) {
                bindUser(ps, user);
                ps.setString(4, rule);
                ps.setString(5, feedback.name());
                ps.setTimestamp(6, now);
                ps.executeUpdate();
            }
            if (feedback == Feedback.MUTE && !isMuted(c, user, rule)) {
                try (PreparedStatement ps = c.prepareStatement("INSERT INTO muted_rule"
                        + " (surface, team, user_id, rule_id, muted_at) VALUES (?, ?, ?, ?, ?)")) {
                    bindUser(ps, user);
                    ps.setString(4, rule);
                    ps.setTimestamp(5, now);
                    ps.executeUpdate();
                } catch (SQLException e) {
                    // two presses of Mute racing each other: the rule is muted, which is what was asked
                    if (!isDuplicate(e)) {
                        throw e;
                    }
                }
            }
        } catch (SQLException e) {
            throw new StoreUnavailableException("could not save feedback: " + StoreErrors.reason(e), e);
        }
    }

    @Override
    public Set<String> muted(ChatUser user) {
        try (Connection c = db.connection();
             PreparedStatement ps = c.prepareStatement(
                     "SELECT rule_id FROM muted_rule WHERE surface = ? AND team = ? AND user_id = ?")) {
            bindUser(ps, user);
            Set<String> out = new TreeSet<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(rs.getString(1));
                }
            }
            Set<String> muted = Set.copyOf(out);
            lastRead.put(user.key(), muted);
            return muted;
        } catch (SQLException e) {
            long now = System.nanoTime();
            long last = lastWarning.get();
            if ((last == 0 || now - last > 60_000_000_000L) && lastWarning.compareAndSet(last, now)) {
                LOG.warn("Could not read muted rules ({}); reviews use the ones last read", StoreErrors.reason(e));
            }
            return lastRead.getOrDefault(user.key(), Set.of());
        }
    }

    @Override
    public boolean unmute(ChatUser user, String rule) {
        try (Connection c = db.connection();
             PreparedStatement ps = c.prepareStatement(
                     "DELETE FROM muted_rule WHERE surface = ? AND team = ? AND user_id = ? AND rule_id = ?")) {
            bindUser(ps, user);
            ps.setString(4, rule);
            return ps.executeUpdate() > 0;
        } catch (SQLException e) {
            throw new StoreUnavailableException("could not unmute: " + StoreErrors.reason(e), e);
        }
    }

    /** Presses per rule and kind, for a team looking at which rules help: rule -> kind -> count. */
    public Map<String, Map<Feedback, Integer>> tally() {
        try (Connection c = db.connection();
             PreparedStatement ps = c.prepareStatement("SELECT rule_id, kind, COUNT(*) FROM feedback_event"
                     + " GROUP BY rule_id, kind ORDER BY rule_id, kind");
             ResultSet rs = ps.executeQuery()) {
            Map<String, Map<Feedback, Integer>> out = new LinkedHashMap<>();
            while (rs.next()) {
                out.computeIfAbsent(rs.getString(1), k -> new LinkedHashMap<>())
                        .put(Feedback.valueOf(rs.getString(2)), rs.getInt(3));
            }
            return out;
        } catch (SQLException e) {
            throw new StoreUnavailableException("could not read feedback: " + StoreErrors.reason(e), e);
        }
    }

    private static boolean isMuted(Connection c, ChatUser user, String rule) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT 1 FROM muted_rule WHERE surface = ? AND team = ? AND user_id = ? AND rule_id = ?")) {
            bindUser(ps, user);
            ps.setString(4, rule);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        }
    }

    private static void bindUser(PreparedStatement ps, ChatUser user) throws SQLException {
        ps.setString(1, user.surface().id());
        ps.setString(2, user.team());
        ps.setString(3, user.id());
    }

    private static boolean isDuplicate(SQLException e) {
        return e.getSQLState() != null && e.getSQLState().startsWith("23");
    }
}
