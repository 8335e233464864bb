package io.candor.store;

import io.candor.text.Clip;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

/**
 * The post history in SQL (tables {@code history_post} and {@code history_text}, migration
 * V1__history.sql). Every failure becomes a {@link StoreUnavailableException} with a
 * message a user can act on. Thread-safe: each call takes its own pooled connection.
 */
public final class HistoryStore {
    private static final String INSERT_POST = "INSERT INTO history_post "
            + "(team, author, source, platforms, posted_at, signature, import_key, posted, anchors, shingles, pairs, conversation) "
            + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
    /** What the index needs of a post, for loading it and for following other processes' inserts. */
    private static final String COLUMNS = "SELECT id, team, author, platforms, posted_at, signature, anchors, shingles,"
            + " pairs, posted, conversation IS NOT NULL FROM history_post";
    private static final String INSERT_TEXT = "INSERT INTO history_text (post_id, body, normalized) VALUES (?, ?, ?)";
    private final Database db;

    public HistoryStore(Database db) {
        this.db = db;
    }

    /** What a running index needs of one stored post. */
    public record Signature(long id, String team, String author, String platforms, Instant postedAt, byte[] signature,
                            String anchors, int shingles, int pairs, boolean posted, boolean conversation) {
    }

    /** Counts for {@code candor history stats}: reviewed drafts and published posts apart. */
    public record Stats(long posts, long reviewed, long published, long withText, Instant oldest, Instant newest,
                        Map<String, Long> bySource) {
    }

    /** What a purge did. */
    public record Purged(long textsDeleted, long postsDeleted) {
    }

    /** Stores one reviewed draft (post and text in one transaction); returns its id. */
    public long insert(HistoryRow row) {
        try {
            return db.inTransaction(c -> {
                long id = insertPosts(c, List.of(row)).get(0);
                insertTexts(c, List.of(row.withId(id)));
                return id;
            });
        } catch (SQLException e) {
            throw StoreUnavailableException.from(db.url(), e);
        }
    }

    /**
     * Stores imported rows in one transaction, leaving out any whose import key is already
     * there (or repeats within the batch), so a re-run after a crash adds nothing twice.
     * Returns how many were new. When this returns, the rows are committed.
     */
    public int insertImported(List<HistoryRow> rows) {
        if (rows.isEmpty()) {
            return 0;
        }
        try {
            return db.inTransaction(c -> {
                Set<Long> seen = existingKeys(c, rows);
                List<HistoryRow> fresh = new ArrayList<>(rows.size());
                for (HistoryRow r : rows) {
                    if (seen.add(r.importKey())) {
                        fresh.add(r);
                    }
                }
                List<Long> ids = insertPosts(c, fresh);
                List<HistoryRow> texts = new ArrayList<>(fresh.size());
                for (int i = 0; i < fresh.size(); i++) {
                    if (fresh.get(i).body() != null) {
                        texts.add(fresh.get(i).withId(ids.get(i)));
                    }
                }
                insertTexts(c, texts);
                return fresh.size();
            });
        } catch (SQLException e) {
            throw StoreUnavailableException.from(db.url(), e);
        }
    }

    /** Ids H2 hands out between two writes of its sequence (see {@link #prepareForImport()}). */
    static final int IMPORT_ID_CACHE = 10_000;

    /**
     * Before a large import into H2: the post ids come from a sequence that H2 refills 32 at a
     * time, and each refill commits, which stores every changed page of the database (the
     * import's too). At a million rows that was most of the import's time and wrote the file
     * over fifteen times. Ids are cached 10,000 at a time instead (ids stay unique and rising;
     * a process killed mid-import skips the unused rest, a gap history already allows for).
     * Kept in the database; only speed depends on it, so a failure changes nothing else.
     * PostgreSQL is left as it is: there each session has its own cache, which would make ids
     * of several instances interleave out of order.
     */
    public void prepareForImport() {
        if (!db.url().startsWith("jdbc:h2:")) {
            return;
        }
        try (Connection c = db.connection(); Statement st = c.createStatement()) {
            try (ResultSet rs = st.executeQuery("SELECT IDENTITY_CACHE FROM INFORMATION_SCHEMA.COLUMNS WHERE TABLE_SCHEMA = SCHEMA()"
                    + " AND TABLE_NAME = 'HISTORY_POST' AND COLUMN_NAME = 'ID'")) {
                if (!rs.next() || rs.getLong(1) >= IMPORT_ID_CACHE) {
                    return;
                }
            }
            st.execute("ALTER TABLE history_post ALTER COLUMN id SET CACHE " + IMPORT_ID_CACHE);
        } catch (SQLException e) {
            // another process holds the table: the import runs as before, only slower
        }
    }

    private static Set<Long> existingKeys(Connection c, List<HistoryRow> rows) throws SQLException {
        Set<Long> out = new HashSet<>();
        int chunk = 500;
        for (int from = 0; from < rows.size(); from += chunk) {
            List<HistoryRow> part = rows.subList(from, Math.min(rows.size(), from + chunk));
            String marks = String.join(", ", java.util.Collections.nCopies(part.size(), "?"));
            try (PreparedStatement ps = c.prepareStatement("SELECT import_key FROM history_post WHERE import_key IN (" + marks + ")")) {
                for (int i = 0; i < part.size(); i++) {
                    ps.setLong(i + 1, part.get(i).importKey());
                }
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(rs.getLong(1));
                    }
                }
            }
        }
        return out;
    }

    private static List<Long> insertPosts(Connection c, List<HistoryRow> rows) throws SQLException {
        List<Long> ids = new ArrayList<>(rows.size());
        if (rows.isEmpty()) {
            return ids;
        }
        Base64.Encoder b64 = Base64.getEncoder();
        try (PreparedStatement ps = c.prepareStatement(INSERT_POST, new String[] {"id"})) {
            for (HistoryRow r : rows) {
                ps.setString(1, clip(r.team(), 200));
                ps.setString(2, clip(r.author(), 200));
                ps.setString(3, r.source());
                ps.setString(4, clip(r.platforms(), 200));
                ps.setObject(5, OffsetDateTime.ofInstant(r.postedAt(), ZoneOffset.UTC));
                ps.setString(6, b64.encodeToString(r.signature()));
                if (r.importKey() == null) {
                    ps.setNull(7, java.sql.Types.BIGINT);
                } else {
                    ps.setLong(7, r.importKey());
                }
                ps.setBoolean(8, r.posted());
                ps.setString(9, r.anchors());
                ps.setInt(10, r.shingles());
                ps.setInt(11, r.pairs());
                ps.setString(12, r.conversation() == null ? null : clip(r.conversation(), 200));
                ps.addBatch();
            }
            ps.executeBatch();
            try (ResultSet keys = ps.getGeneratedKeys()) {
                while (keys.next()) {
                    ids.add(keys.getLong(1));
                }
            }
        }
        if (ids.size() != rows.size()) {
            throw new SQLException("the database returned " + ids.size() + " ids for " + rows.size() + " new posts");
        }
        return ids;
    }

    private static void insertTexts(Connection c, List<HistoryRow> rows) throws SQLException {
        if (rows.isEmpty()) {
            return;
        }
        try (PreparedStatement ps = c.prepareStatement(INSERT_TEXT)) {
            for (HistoryRow r : rows) {
                if (r.body() == null) {
                    continue;
                }
                ps.setLong(1, r.id());
                ps.setString(2, r.body());
                ps.setString(3, r.normalized() == null ? "" : r.normalized());
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    /**
     * Streams every stored signature of posts since {@code since}, in id order. Reads the
     * narrow post table front to back (H2 keeps it in id order; PostgreSQL walks its primary
     * key), in one transaction so PostgreSQL streams rows instead of loading them all.
     */
    public void forEachSignature(Instant since, Consumer<Signature> each) {
        read(COLUMNS + " ORDER BY id", List.of(), s -> {
            if (!s.postedAt().isBefore(since)) {
                each.accept(s);
            }
        });
    }

    /**
     * Streams the signatures of posts with an id above {@code after} or inside one of the
     * {@code gaps} ({first, last} pairs), in id order: what other processes stored since this
     * one last looked. Served by the primary key, so it costs next to nothing when there is
     * nothing new.
     */
    public void forEachSignatureAfter(long after, List<long[]> gaps, Consumer<Signature> each) {
        StringBuilder sql = new StringBuilder(COLUMNS + " WHERE id > ?");
        List<Long> args = new ArrayList<>(List.of(after));
        for (long[] g : gaps) {
            sql.append(" OR id BETWEEN ? AND ?");
            args.add(g[0]);
            args.add(g[1]);
        }
        read(sql.append(" ORDER BY id").toString(), args, each);
    }

    private void read(String sql, List<Long> args, Consumer<Signature> each) {
        try (Connection c = db.connection()) {
            boolean auto = c.getAutoCommit();
            c.setAutoCommit(false);
            // H2 otherwise builds the whole result before the first row, and a result of more than
            // its 40,000 rows in memory is written to a temporary file and read back: a third of
            // the time it took to load a million signatures. Lazily, rows come as the scan reads them.
            boolean lazy = db.url().startsWith("jdbc:h2:");
            if (lazy) {
                setLazy(c, true);
            }
            try (PreparedStatement st = c.prepareStatement(sql)) {
                for (int i = 0; i < args.size(); i++) {
                    st.setLong(i + 1, args.get(i));
                }
                st.setFetchSize(10_000);
                Base64.Decoder b64 = Base64.getDecoder();
                try (ResultSet rs = st.executeQuery()) {
                    while (rs.next()) {
                        each.accept(new Signature(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                                instant(rs, 5), b64.decode(rs.getString(6)), rs.getString(7), rs.getInt(8), rs.getInt(9),
                                rs.getBoolean(10), rs.getBoolean(11)));
                    }
                }
            } finally {
                c.rollback();
                c.setAutoCommit(auto);
                if (lazy) {
                    setLazy(c, false); // the connection goes back to the pool as it came
                }
            }
        } catch (SQLException e) {
            throw StoreUnavailableException.from(db.url(), e);
        }
    }

    private static void setLazy(Connection c, boolean on) throws SQLException {
        try (Statement st = c.createStatement()) {
            st.execute("SET LAZY_QUERY_EXECUTION " + (on ? "TRUE" : "FALSE"));
        }
    }

    /**
     * Rows stored before anchors existed that still have their normalized text: their ids and
     * that text, so the index can file them under anchors too (see {@link #setAnchors}).
     */
    public void forEachWithoutAnchors(Instant since, java.util.function.BiConsumer<Long, String> each) {
        String sql = "SELECT p.id, t.normalized, p.posted_at FROM history_post p JOIN history_text t ON t.post_id = p.id "
                + "WHERE p.anchors IS NULL";
        try (Connection c = db.connection(); Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            while (rs.next()) {
                if (!instant(rs, 3).isBefore(since)) {
                    each.accept(rs.getLong(1), rs.getString(2));
                }
            }
        } catch (SQLException e) {
            throw StoreUnavailableException.from(db.url(), e);
        }
    }

    /** Stores the anchors and set sizes computed for older rows, in one transaction. */
    public void setAnchors(List<HistoryRow> rows) {
        if (rows.isEmpty()) {
            return;
        }
        try {
            db.inTransaction(c -> {
                try (PreparedStatement ps = c.prepareStatement(
                        "UPDATE history_post SET anchors = ?, shingles = ?, pairs = ? WHERE id = ?")) {
                    for (HistoryRow r : rows) {
                        ps.setString(1, r.anchors());
                        ps.setInt(2, r.shingles());
                        ps.setInt(3, r.pairs());
                        ps.setLong(4, r.id());
                        ps.addBatch();
                    }
                    ps.executeBatch();
                }
                return null;
            });
        } catch (SQLException e) {
            throw StoreUnavailableException.from(db.url(), e);
        }
    }

    /** The platforms a post went (or was meant) to, as the comma list the table keeps. */
    public Optional<String> platformsOf(long id) {
        try (Connection c = db.connection();
             PreparedStatement ps = c.prepareStatement("SELECT platforms FROM history_post WHERE id = ?")) {
            ps.setLong(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.ofNullable(rs.getString(1)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw StoreUnavailableException.from(db.url(), e);
        }
    }

    /** The text of a post, while it is kept. */
    public Optional<String> body(long id) {
        try (Connection c = db.connection();
             PreparedStatement ps = c.prepareStatement("SELECT body FROM history_text WHERE post_id = ?")) {
            ps.setLong(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.ofNullable(rs.getString(1)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw StoreUnavailableException.from(db.url(), e);
        }
    }

    /** The conversations of these posts (null for a post kept without one), by id. */
    public Map<Long, String> conversations(java.util.Collection<Long> ids) {
        Map<Long, String> out = new java.util.HashMap<>();
        if (ids.isEmpty()) {
            return out;
        }
        String marks = String.join(", ", java.util.Collections.nCopies(ids.size(), "?"));
        try (Connection c = db.connection();
             PreparedStatement ps = c.prepareStatement("SELECT id, conversation FROM history_post WHERE id IN (" + marks + ")")) {
            int i = 1;
            for (long id : ids) {
                ps.setLong(i++, id);
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.put(rs.getLong(1), rs.getString(2));
                }
            }
            return out;
        } catch (SQLException e) {
            throw StoreUnavailableException.from(db.url(), e);
        }
    }

    public long count() {
        try (Connection c = db.connection(); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT COUNT(*) FROM history_post")) {
            rs.next();
            return rs.getLong(1);
        } catch (SQLException e) {
            throw StoreUnavailableException.from(db.url(), e);
        }
    }

    public Stats stats() {
        try (Connection c = db.connection(); Statement st = c.createStatement()) {
            long posts;
            long published;
            Instant oldest = null;
            Instant newest = null;
            try (ResultSet rs = st.executeQuery("SELECT COUNT(*), MIN(posted_at), MAX(posted_at), "
                    + "COALESCE(SUM(CASE WHEN posted THEN 1 ELSE 0 END), 0) FROM history_post")) {
                rs.next();
                posts = rs.getLong(1);
                published = rs.getLong(4);
                if (posts > 0) {
                    oldest = instant(rs, 2);
                    newest = instant(rs, 3);
                }
            }
            long withText;
            try (ResultSet rs = st.executeQuery("SELECT COUNT(*) FROM history_text")) {
                rs.next();
                withText = rs.getLong(1);
            }
            Map<String, Long> bySource = new LinkedHashMap<>();
            try (ResultSet rs = st.executeQuery("SELECT source, COUNT(*) FROM history_post GROUP BY source ORDER BY source")) {
                while (rs.next()) {
                    bySource.put(rs.getString(1), rs.getLong(2));
                }
            }
            return new Stats(posts, posts - published, published, withText, oldest, newest, bySource);
        } catch (SQLException e) {
            throw StoreUnavailableException.from(db.url(), e);
        }
    }

    /** Deletes texts of posts before {@code textBefore} and whole posts before {@code postBefore}. */
    public Purged purge(Instant textBefore, Instant postBefore) {
        try (Connection c = db.connection();
             PreparedStatement texts = c.prepareStatement("DELETE FROM history_text WHERE post_id IN "
                     + "(SELECT id FROM history_post WHERE posted_at < ?)");
             PreparedStatement posts = c.prepareStatement("DELETE FROM history_post WHERE posted_at < ?")) {
            texts.setObject(1, OffsetDateTime.ofInstant(textBefore, ZoneOffset.UTC));
            long t = texts.executeUpdate();
            posts.setObject(1, OffsetDateTime.ofInstant(postBefore, ZoneOffset.UTC));
            long p = posts.executeUpdate();
            return new Purged(t, p);
        } catch (SQLException e) {
            throw StoreUnavailableException.from(db.url(), e);
        }
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
        return s == null ? "" : Clip.head(s, max);
    }
}
