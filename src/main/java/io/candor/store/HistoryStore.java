package io.candor.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The post history in SQL (table {@code history_post}, migration V1__history.sql). Every
 * failure becomes a {@link StoreUnavailableException} with a message a user can act on.
 * Thread-safe: each call takes its own pooled connection.
 */
public final class HistoryStore {
    private static final String COLUMNS = "team, author, source, platforms, posted_at, body, normalized, signature, import_key";
    private final Database db;

    public HistoryStore(Database db) {
        this.db = db;
    }

    /** What a running index needs of one stored post. */
    public record Signature(long id, String team, String author, String platforms, Instant postedAt, byte[] signature) {
    }

    /** Counts for {@code candor history stats}. */
    public record Stats(long posts, long withText, Instant oldest, Instant newest, Map<String, Long> bySource) {
    }

    /** Stores one reviewed draft; returns its id. */
    public long insert(HistoryRow row) {
        try (Connection c = db.connection();
             PreparedStatement ps = c.prepareStatement("INSERT INTO history_post (" + COLUMNS
                     + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", Statement.RETURN_GENERATED_KEYS)) {
            bind(ps, row, 1);
            ps.executeUpdate();
            try (ResultSet keys = ps.getGeneratedKeys()) {
                if (!keys.next()) {
                    throw new SQLException("no id came back for the new post");
                }
                return keys.getLong(1);
            }
        } catch (SQLException e) {
            throw StoreUnavailableException.from(db.url(), e);
        }
    }

    /**
     * Stores imported rows in one transaction, skipping any whose (team, import_key) is
     * already there, so a re-run after a crash adds nothing twice. Returns how many were new.
     * When this returns, the rows are committed.
     */
    public int insertImported(List<HistoryRow> rows) {
        if (rows.isEmpty()) {
            return 0;
        }
        String sql = "INSERT INTO history_post (" + COLUMNS + ") SELECT ?, ?, ?, ?, ?, ?, ?, ?, ? "
                + "WHERE NOT EXISTS (SELECT 1 FROM history_post WHERE team = ? AND import_key = ?)";
        try (Connection c = db.connection()) {
            boolean auto = c.getAutoCommit();
            c.setAutoCommit(false);
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                for (HistoryRow r : rows) {
                    bind(ps, r, 1);
                    ps.setString(10, r.team());
                    ps.setString(11, r.importKey());
                    ps.addBatch();
                }
                int added = 0;
                for (int n : ps.executeBatch()) {
                    added += Math.max(0, n);
                }
                c.commit();
                return added;
            } catch (SQLException e) {
                c.rollback();
                throw e;
            } finally {
                c.setAutoCommit(auto);
            }
        } catch (SQLException e) {
            throw StoreUnavailableException.from(db.url(), e);
        }
    }

    /** Streams every stored signature of posts since {@code since}, oldest first. */
    public void forEachSignature(Instant since, java.util.function.Consumer<Signature> each) {
        String sql = "SELECT id, team, author, platforms, posted_at, signature FROM history_post "
                + "WHERE posted_at >= ? ORDER BY id";
        try (Connection c = db.connection(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setFetchSize(5_000);
            ps.setObject(1, OffsetDateTime.ofInstant(since, ZoneOffset.UTC));
            Base64.Decoder b64 = Base64.getDecoder();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    each.accept(new Signature(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                            instant(rs, 5), b64.decode(rs.getString(6))));
                }
            }
        } catch (SQLException e) {
            throw StoreUnavailableException.from(db.url(), e);
        }
    }

    /** The text of a post, while it is kept. */
    public Optional<String> body(long id) {
        try (Connection c = db.connection();
             PreparedStatement ps = c.prepareStatement("SELECT body FROM history_post WHERE id = ?")) {
            ps.setLong(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.ofNullable(rs.getString(1)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw StoreUnavailableException.from(db.url(), e);
        }
    }

    public long count() {
        return single("SELECT COUNT(*) FROM history_post");
    }

    public Stats stats() {
        try (Connection c = db.connection(); Statement st = c.createStatement()) {
            long posts;
            long withText;
            Instant oldest = null;
            Instant newest = null;
            try (ResultSet rs = st.executeQuery("SELECT COUNT(*), COUNT(body), MIN(posted_at), MAX(posted_at) FROM history_post")) {
                rs.next();
                posts = rs.getLong(1);
                withText = rs.getLong(2);
                if (posts > 0) {
                    oldest = instant(rs, 3);
                    newest = instant(rs, 4);
                }
            }
            Map<String, Long> bySource = new LinkedHashMap<>();
            try (ResultSet rs = st.executeQuery("SELECT source, COUNT(*) FROM history_post GROUP BY source ORDER BY source")) {
                while (rs.next()) {
                    bySource.put(rs.getString(1), rs.getLong(2));
                }
            }
            return new Stats(posts, withText, oldest, newest, bySource);
        } catch (SQLException e) {
            throw StoreUnavailableException.from(db.url(), e);
        }
    }

    /** What a purge did. */
    public record Purged(long textsDeleted, long postsDeleted) {
    }

    /** Deletes texts posted before {@code textBefore} and whole posts before {@code postBefore}. */
    public Purged purge(Instant textBefore, Instant postBefore) {
        try (Connection c = db.connection();
             PreparedStatement posts = c.prepareStatement("DELETE FROM history_post WHERE posted_at < ?");
             PreparedStatement texts = c.prepareStatement(
                     "UPDATE history_post SET body = NULL, normalized = NULL WHERE posted_at < ? AND body IS NOT NULL")) {
            posts.setObject(1, OffsetDateTime.ofInstant(postBefore, ZoneOffset.UTC));
            long p = posts.executeUpdate();
            texts.setObject(1, OffsetDateTime.ofInstant(textBefore, ZoneOffset.UTC));
            long t = texts.executeUpdate();
            return new Purged(t, p);
        } catch (SQLException e) {
            throw StoreUnavailableException.from(db.url(), e);
        }
    }

    private long single(String sql) {
        try (Connection c = db.connection(); Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        } catch (SQLException e) {
            throw StoreUnavailableException.from(db.url(), e);
        }
    }

    private static void bind(PreparedStatement ps, HistoryRow r, int at) throws SQLException {
        ps.setString(at, r.team());
        ps.setString(at + 1, clip(r.author(), 200));
        ps.setString(at + 2, r.source());
        ps.setString(at + 3, clip(r.platforms(), 200));
        ps.setObject(at + 4, OffsetDateTime.ofInstant(r.postedAt(), ZoneOffset.UTC));
        ps.setString(at + 5, r.body());
        ps.setString(at + 6, r.normalized());
        ps.setString(at + 7, Base64.getEncoder().encodeToString(r.signature()));
        ps.setString(at + 8, r.importKey());
    }

    private static Instant instant(ResultSet rs, int col) throws SQLException {
        Object o = rs.getObject(col);
        if (o instanceof OffsetDateTime odt) {
            return odt.toInstant();
        }
        if (o instanceof Timestamp ts) {
            return ts.toInstant();
        }
        return rs.getObject(col, OffsetDateTime.class).toInstant();
    }

    private static String clip(String s, int max) {
        return s == null ? "" : s.length() <= max ? s : s.substring(0, max);
    }
}
