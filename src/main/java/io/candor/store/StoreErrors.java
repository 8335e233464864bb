package io.candor.store;

import java.sql.SQLException;
import java.util.Locale;

/**
 * What went wrong with the database, in words a person can act on. Never the database's own
 * message: H2 and PostgreSQL quote the values and statement that failed, and those values are
 * drafts and mentions, which must not reach a log or an HTTP answer.
 */
public final class StoreErrors {
    /** H2: the database closed itself after a write failed (disk full, file gone). */
    private static final String UNIQUE_VIOLATION = "23505";
    private static final int H2_DATABASE_CLOSED = 90098;
    private static final int H2_CLOSED_AT_SHUTDOWN = 90121;
    private static final int H2_CONNECTION_BROKEN = 90067;

    private StoreErrors() {
    }

    /** A short reason: "the disk is full", "it is read-only …", or the error's SQLState. */
    public static String reason(Throwable e) {
        String all = chain(e);
        String state = serverState(e);
        if (state.startsWith("08") || all.contains("connection refused") || all.contains("connection attempt failed")
                || all.contains("unknownhost")) {
            return "the database server cannot be reached";
        }
        if (state.startsWith("28")) {
            return "the database server refused the user name or password (CANDOR_DB_USER, CANDOR_DB_PASSWORD)";
        }
        if (state.equals("3D000")) {
            return "that database does not exist on the server (create it first)";
        }
        if (state.startsWith("57P")) {
            return "the database server is shutting down or starting up";
        }
        if (state.equals("53300")) {
            return "the database server has no connection free (raise its max_connections or lower storage.pool.max_size)";
        }
        if (all.contains("no space left") || all.contains("disk full") || all.contains("not enough space")) {
            return "the disk is full";
        }
        if (all.contains("read only") || all.contains("read-only") || all.contains("accessdenied")
                || all.contains("permission denied") || all.contains("not writable")) {
            return "the database file is read-only or its folder cannot be written";
        }
        if (all.contains("locked by another process") || all.contains("already in use")) {
            return "it is locked by another Candor process";
        }
        if (all.contains("file corrupted") || all.contains("corrupt") || all.contains("not a valid")) {
            return "the file is damaged";
        }
        // Flyway's validation: a migration this build has was applied to the file in another form
        // (a file left by a pre-release build); a newer version's later migrations pass validation
        if (all.contains("flywayvalidateexception")) {
            return "its tables were made by another build of Candor and differ from this one's"
                    + " (run that build, or move the file aside and Candor starts a new one)";
        }
        if (all.contains("connection is not available") || all.contains("timeout trying to lock")) {
            return "the database is busy (no connection or lock was free in time)";
        }
        SQLException sql = sql(e);
        if (sql != null && fatal(sql)) {
            return "the database closed after a failed write";
        }
        if (sql != null && sql.getSQLState() != null) {
            return (rejectedValue(e) ? "the database refused a value" : "database error") + " (SQLState "
                    + sql.getSQLState() + ")";
        }
        return "unexpected " + e.getClass().getSimpleName();
    }

    /**
     * True when the database refused what it was given (a value out of range, a constraint)
     * rather than failing itself: the request is at fault and retrying it will not help.
     */
    public static boolean rejectedValue(Throwable e) {
        SQLException sql = sql(e);
        if (sql == null || sql.getSQLState() == null) {
            return false;
        }
        String state = sql.getSQLState();
        return state.startsWith("22") || (state.startsWith("23") && !state.equals(UNIQUE_VIOLATION));
    }

    /**
     * True when the failure is a duplicate key (SQLState 23505, on H2 and PostgreSQL alike): the
     * row another instance, or this one a moment ago, inserted first.
     */
    static boolean duplicateKey(Throwable e) {
        SQLException sql = sql(e);
        return sql != null && UNIQUE_VIOLATION.equals(sql.getSQLState());
    }

    /**
     * True when the connection (or the whole embedded database) is gone and must be reopened:
     * H2 closed itself, or the connection broke (SQLState class 08), or PostgreSQL is shutting
     * down or restarting (57P01 to 57P03).
     */
    static boolean fatal(SQLException e) {
        for (SQLException s = e; s != null; s = s.getNextException()) {
            int code = s.getErrorCode();
            String state = s.getSQLState() == null ? "" : s.getSQLState();
            if (code == H2_DATABASE_CLOSED || code == H2_CLOSED_AT_SHUTDOWN || code == H2_CONNECTION_BROKEN
                    || state.startsWith("08") || state.startsWith("57P")) {
                return true;
            }
        }
        return false;
    }

    /**
     * The first SQLState in the cause chain that names a connection, login or server problem
     * (HikariCP's own timeout wraps the driver's error): "" when none does.
     */
    private static String serverState(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException s) {
                for (SQLException n = s; n != null; n = n.getNextException()) {
                    String st = n.getSQLState();
                    if (st != null && (st.startsWith("08") || st.startsWith("28") || st.startsWith("57P")
                            || st.equals("3D000") || st.equals("53300"))) {
                        return st;
                    }
                }
            }
        }
        return "";
    }

    private static SQLException sql(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException s) {
                return s;
            }
        }
        return null;
    }

    private static String chain(Throwable e) {
        StringBuilder sb = new StringBuilder();
        for (Throwable t = e; t != null; t = t.getCause()) {
            sb.append(t.getClass().getSimpleName()).append(": ").append(t.getMessage()).append('\n');
        }
        return sb.toString().toLowerCase(Locale.ROOT);
    }
}
