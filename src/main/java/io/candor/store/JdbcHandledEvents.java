package io.candor.store;

import io.candor.chat.HandledEvents;
import io.candor.chat.InMemoryHandledEvents;
import io.candor.identity.SurfaceKind;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Handled events in the {@code handled_events} table (V8): the instance whose insert of a key
 * succeeds handles the event; every other instance on the database sees the key taken and
 * drops its copy. A repeat within this process is answered from memory without asking the
 * database. When the database fails, the claim falls back to this process's memory (one line
 * in the log a minute): an event may then be handled by two instances, never by none.
 */
public final class JdbcHandledEvents implements HandledEvents {
    private static final Logger LOG = LoggerFactory.getLogger(JdbcHandledEvents.class);
    /** Slack retries within minutes and Discord replays on resume within minutes: a day is ample. */
    static final Duration KEEP = Duration.ofDays(1);
    private static final Duration SWEEP_EVERY = Duration.ofMinutes(10);
    private static final int MAX_KEY = 200;

    private final Database db;
    private final Clock clock;
    private final InMemoryHandledEvents local = new InMemoryHandledEvents();
    private final String insert;
    private volatile Instant nextSweep = Instant.MIN;
    private volatile Instant lastWarning = Instant.MIN;

    public JdbcHandledEvents(Database db, Clock clock) {
        this.db = db;
        this.clock = clock;
        String sql = "INSERT INTO handled_events (surface, event_key, seen_at) VALUES (?, ?, ?)";
        // PostgreSQL: no error (and no line in the server's log) for a key another instance took
        this.insert = db.isPostgres() ? sql + " ON CONFLICT DO NOTHING" : sql;
    }

    @Override
    public boolean claim(SurfaceKind surface, String key) {
        if (key == null || key.isBlank()) {
            return true;
        }
        String k = key.length() <= MAX_KEY ? key : key.substring(0, MAX_KEY);
        if (!local.claim(surface, k)) {
            return false;
        }
        Instant now = clock.instant();
        try (Connection c = db.connection(); PreparedStatement ps = c.prepareStatement(insert)) {
            ps.setString(1, surface.id());
            ps.setString(2, k);
            ps.setObject(3, OffsetDateTime.ofInstant(now, ZoneOffset.UTC));
            boolean first = ps.executeUpdate() == 1;
            sweepIfDue(c, now);
            return first;
        } catch (SQLException e) {
            if (StoreErrors.duplicateKey(e)) {
                return false; // H2: another instance inserted it first
            }
            if (now.isAfter(lastWarning.plus(Duration.ofMinutes(1)))) {
                lastWarning = now;
                LOG.warn("Could not record a handled {} event in the database ({}); this instance alone remembers it",
                        surface, StoreErrors.reason(e));
            }
            return true;
        }
    }

    private void sweepIfDue(Connection c, Instant now) throws SQLException {
        if (now.isBefore(nextSweep)) {
            return;
        }
        nextSweep = now.plus(SWEEP_EVERY);
        try (PreparedStatement ps = c.prepareStatement("DELETE FROM handled_events WHERE seen_at < ?")) {
            ps.setObject(1, OffsetDateTime.ofInstant(now.minus(KEEP), ZoneOffset.UTC));
            ps.executeUpdate();
        }
    }

    /** Rows kept now (for tests and the sweep's check). */
    long stored() {
        try (Connection c = db.connection(); var rs = c.createStatement().executeQuery("SELECT COUNT(*) FROM handled_events")) {
            rs.next();
            return rs.getLong(1);
        } catch (SQLException e) {
            throw StoreUnavailableException.from(db.url(), e);
        }
    }
}
