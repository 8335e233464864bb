package io.candor.store;

import static io.candor.store.Times.ts;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;

/**
 * How far Candor has read each Mastodon or Bluesky account, and which instance reads it now,
 * in the {@code network_cursors} table (V10). An instance polls an account only while it
 * holds the account's lease; it renews the lease as it goes and it runs out when the instance
 * dies, so another takes over where the saved cursor says.
 */
public final class NetworkCursorStore {

    private final Database db;

    public NetworkCursorStore(Database db) {
        this.db = db;
    }

    /** Where reading got to: the newest notification and own post seen (null: nothing read yet). */
    public record Cursor(String notifications, String posts) {
        public static final Cursor NONE = new Cursor(null, null);
    }

    /**
     * Takes (or renews) the account's lease for {@code owner} until {@code until}: true when
     * this owner holds it now, false when another owner's lease has not run out.
     */
    public boolean lease(String account, String owner, Instant now, Instant until) {
        Boolean held = tx(c -> {
            try (PreparedStatement ps = c.prepareStatement("UPDATE network_cursors SET lease_owner = ?, lease_until = ?,"
                    + " updated_at = ? WHERE account = ? AND (lease_owner = ? OR lease_owner IS NULL OR lease_until < ?)")) {
                ps.setString(1, owner);
                ps.setObject(2, ts(until));
                ps.setObject(3, ts(now));
                ps.setString(4, account);
                ps.setString(5, owner);
                ps.setObject(6, ts(now));
                if (ps.executeUpdate() == 1) {
                    return true;
                }
            }
            try (PreparedStatement ps = c.prepareStatement("SELECT 1 FROM network_cursors WHERE account = ?")) {
                ps.setString(1, account);
                try (ResultSet rs = ps.executeQuery()) {
                    if (rs.next()) {
                        return false; // someone else's lease, still running
                    }
                }
            }
            return null; // no row yet: inserted below, in a transaction of its own
        });
        return held != null ? held : firstLease(account, owner, now, until);
    }

    private boolean firstLease(String account, String owner, Instant now, Instant until) {
        try {
            return tx(c -> {
                try (PreparedStatement ps = c.prepareStatement("INSERT INTO network_cursors (account, lease_owner,"
                        + " lease_until, updated_at) VALUES (?, ?, ?, ?)")) {
                    ps.setString(1, account);
                    ps.setString(2, owner);
                    ps.setObject(3, ts(until));
                    ps.setObject(4, ts(now));
                    ps.executeUpdate();
                    return true;
                }
            });
        } catch (StoreUnavailableException e) {
            if (StoreErrors.duplicateKey(e)) {
                return false; // another instance inserted it first: the lease is theirs
            }
            throw e;
        }
    }

    public Cursor cursor(String account) {
        return tx(c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT notifications, posts FROM network_cursors WHERE account = ?")) {
                ps.setString(1, account);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? new Cursor(rs.getString(1), rs.getString(2)) : Cursor.NONE;
                }
            }
        });
    }

    /**
     * Saves how far reading got and renews the lease; a null part stays as it was. False (and
     * nothing saved) when the lease is no longer this owner's.
     */
    public boolean save(String account, String owner, Cursor cursor, Instant now, Instant until) {
        return tx(c -> {
            try (PreparedStatement ps = c.prepareStatement("UPDATE network_cursors SET"
                    + " notifications = COALESCE(?, notifications), posts = COALESCE(?, posts), lease_until = ?,"
                    + " updated_at = ? WHERE account = ? AND lease_owner = ?")) {
                ps.setString(1, cursor.notifications());
                ps.setString(2, cursor.posts());
                ps.setObject(3, ts(until));
                ps.setObject(4, ts(now));
                ps.setString(5, account);
                ps.setString(6, owner);
                return ps.executeUpdate() == 1;
            }
        });
    }

    /** Lets the lease go at once (this instance is stopping): another instance may take over. */
    public void release(String account, String owner) {
        tx(c -> {
            try (PreparedStatement ps = c.prepareStatement("UPDATE network_cursors SET lease_owner = NULL,"
                    + " lease_until = NULL WHERE account = ? AND lease_owner = ?")) {
                ps.setString(1, account);
                ps.setString(2, owner);
                ps.executeUpdate();
            }
            return null;
        });
    }

    private <T> T tx(Database.Work<T> work) {
        try {
            return db.inTransaction(work);
        } catch (SQLException e) {
            throw StoreUnavailableException.failed("network cursors", e);
        }
    }
}
