package io.candor.store;

import io.candor.identity.PersonRef;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.sql.Statement;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * How many open and in-progress mentions each owner holds, in {@code mention_owner_counts}
 * (migration V14), changed by {@link MentionStore} in the transaction of the mention it counts.
 * Reading a count costs one row however many mentions the owner has.
 */
final class OwnerCounts {
    /** The key of the mentions nobody owns (no person's key is empty). */
    static final String NOBODY = "";

    private OwnerCounts() {
    }

    static String key(Optional<PersonRef> owner) {
        return owner.map(PersonRef::key).orElse(NOBODY);
    }

    /** A change to some owners' counts, collected while a transaction writes its mentions. */
    static final class Delta {
        // applied in key order, so that two transactions never wait on each other's rows crosswise
        private final Map<String, Long> byOwner = new TreeMap<>();

        void waitingLeft(Optional<PersonRef> owner) {
            byOwner.merge(key(owner), -1L, Long::sum);
        }

        void waitingCame(Optional<PersonRef> owner) {
            byOwner.merge(key(owner), 1L, Long::sum);
        }

        /** Writes the changes on {@code c}, inside the caller's transaction. */
        void apply(Connection c) throws SQLException {
            for (Map.Entry<String, Long> e : byOwner.entrySet()) {
                if (e.getValue() != 0) {
                    add(c, e.getKey(), e.getValue());
                }
            }
        }
    }

    private static void add(Connection c, String owner, long delta) throws SQLException {
        if (update(c, owner, delta)) {
            return;
        }
        // the owner's first mention; another instance may be adding the same row right now
        Savepoint before = c.setSavepoint();
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO mention_owner_counts (owner, waiting) VALUES (?, ?)")) {
            ps.setString(1, owner);
            ps.setLong(2, delta);
            ps.executeUpdate();
        } catch (SQLException e) {
            if (!StoreErrors.duplicateKey(e)) {
                throw e;
            }
            c.rollback(before);
            if (!update(c, owner, delta)) {
                throw e;
            }
        }
    }

    private static boolean update(Connection c, String owner, long delta) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "UPDATE mention_owner_counts SET waiting = waiting + ? WHERE owner = ?")) {
            ps.setLong(1, delta);
            ps.setString(2, owner);
            return ps.executeUpdate() > 0;
        }
    }

    /** One owner's count (nobody's for {@link #NOBODY}). */
    static long of(Connection c, String owner) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT waiting FROM mention_owner_counts WHERE owner = ?")) {
            ps.setString(1, owner);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getLong(1) : 0;
            }
        }
    }

    /** Every owner who holds a waiting mention, with how many, in key order. */
    static Map<String, Long> holding(Connection c) throws SQLException {
        Map<String, Long> out = new LinkedHashMap<>();
        try (Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT owner, waiting FROM mention_owner_counts WHERE waiting > 0 ORDER BY owner")) {
            while (rs.next()) {
                out.put(rs.getString(1), rs.getLong(2));
            }
        }
        return out;
    }

    /** Counts every owner's waiting mentions again from the rows, for mentions written by other means. */
    static MentionStore.Recount recount(Connection c) throws SQLException {
        Map<String, Long> before = holding(c);
        try (Statement s = c.createStatement()) {
            s.executeUpdate("DELETE FROM mention_owner_counts");
            s.executeUpdate("INSERT INTO mention_owner_counts (owner, waiting) SELECT COALESCE(assignee, ''), COUNT(*)"
                    + " FROM mentions WHERE state IN ('open', 'in_progress') GROUP BY COALESCE(assignee, '')");
        }
        Map<String, Long> after = holding(c);
        Set<String> owners = new HashSet<>(before.keySet());
        owners.addAll(after.keySet());
        int mended = 0;
        for (String owner : owners) {
            mended += before.getOrDefault(owner, 0L).equals(after.getOrDefault(owner, 0L)) ? 0 : 1;
        }
        return new MentionStore.Recount(after.values().stream().mapToLong(Long::longValue).sum(), after.size(), mended);
    }
}
