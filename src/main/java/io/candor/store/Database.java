package io.candor.store;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;

/**
 * The one place that opens the history and mentions database: a HikariCP pool over H2
 * (embedded file by default) or any JDBC URL, with the schema brought up to date by the
 * Flyway migrations in {@code src/main/resources/db/migration}. Failures become a
 * {@link StoreUnavailableException} whose message a user can act on.
 */
public final class Database implements AutoCloseable {
    private final HikariDataSource pool;
    private final String url;

    private Database(HikariDataSource pool, String url) {
        this.pool = pool;
        this.url = url;
    }

    /**
     * Opens (creating if needed) the database at {@code location}: a JDBC URL, or a file
     * path such as {@code ./data/candor} (H2 adds {@code .mv.db}).
     */
    public static Database open(String location) {
        String url = toUrl(location);
        HikariConfig cfg = new HikariConfig();
        cfg.setJdbcUrl(url);
        cfg.setMaximumPoolSize(8);
        cfg.setMinimumIdle(1);
        cfg.setPoolName("candor");
        cfg.setInitializationFailTimeout(1); // fail at once on a locked or broken file, do not wait 5 s
        cfg.setConnectionTimeout(5_000);
        HikariDataSource pool = null;
        try {
            if (url.startsWith("jdbc:h2:file:")) {
                Path file = Path.of(url.substring("jdbc:h2:file:".length()).split(";")[0]);
                Path dir = file.toAbsolutePath().getParent();
                if (dir != null) {
                    Files.createDirectories(dir);
                }
            }
            pool = new HikariDataSource(cfg);
            try (Connection c = pool.getConnection()) {
                c.isValid(2);
            }
            if (!current(pool)) {
                Flyway.configure().dataSource(pool).locations("classpath:db/migration").load().migrate();
            }
            return new Database(pool, url);
        } catch (SQLException | java.io.IOException | RuntimeException e) {
            if (pool != null) {
                pool.close();
            }
            throw StoreUnavailableException.from(location, e);
        }
    }

    /**
     * The newest migration in {@code db/migration}; {@code DatabaseTest} checks it against the
     * files. A database already at this version skips Flyway, which costs a third of a second
     * at every start of {@code candor review}.
     */
    static final int SCHEMA_VERSION = 5;

    private static boolean current(DataSource pool) {
        try (Connection c = pool.getConnection();
             var rs = c.createStatement().executeQuery(
                     "SELECT MAX(\"version\") FROM \"flyway_schema_history\" WHERE \"success\"")) {
            return rs.next() && String.valueOf(SCHEMA_VERSION).equals(rs.getString(1));
        } catch (SQLException e) {
            return false; // a new database, or not made by Flyway: let Flyway look
        }
    }

    /**
     * Starts loading the database engine's classes on a background thread. A command-line
     * run that will open the database calls this first, so the loading overlaps with
     * reading the settings instead of adding to the time a user waits.
     */
    public static void preload() {
        Thread t = new Thread(() -> {
            try (Connection c = java.sql.DriverManager.getConnection("jdbc:h2:mem:")) {
                c.createStatement().execute("SELECT 1");
                Class.forName("com.zaxxer.hikari.HikariDataSource");
            } catch (SQLException | ClassNotFoundException ignored) {
                // only a warm-up: the real open reports any problem
            }
        }, "candor-db-preload");
        t.setDaemon(true);
        t.start();
    }

    static String toUrl(String location) {
        if (location.startsWith("jdbc:")) {
            return location;
        }
        String path = location.endsWith(".mv.db") ? location.substring(0, location.length() - 6) : location;
        Path p = Path.of(path).toAbsolutePath();
        // DB_CLOSE_ON_EXIT=FALSE: the pool closes it; a JVM shutdown hook must not race it.
        return "jdbc:h2:file:" + p + ";DB_CLOSE_ON_EXIT=FALSE;LOCK_TIMEOUT=5000";
    }

    public DataSource dataSource() {
        return pool;
    }

    public Connection connection() throws SQLException {
        return pool.getConnection();
    }

    public String url() {
        return url;
    }

    /** Work on one connection inside a transaction. */
    public interface Work<T> {
        T run(Connection c) throws SQLException;
    }

    /** Runs the work in one transaction: committed when it returns, rolled back when it throws. */
    public <T> T inTransaction(Work<T> work) throws SQLException {
        try (Connection c = pool.getConnection()) {
            boolean auto = c.getAutoCommit();
            c.setAutoCommit(false);
            try {
                T t = work.run(c);
                c.commit();
                return t;
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            } finally {
                c.setAutoCommit(auto);
            }
        }
    }

    /** True when a connection can be had and answers. */
    public boolean healthy() {
        try (Connection c = pool.getConnection()) {
            return c.isValid(2);
        } catch (SQLException e) {
            return false;
        }
    }

    @Override
    public void close() {
        pool.close();
    }
}
