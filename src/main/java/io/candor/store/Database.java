package io.candor.store;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.SQLExceptionOverride;
import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Optional;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;

/**
 * The one place that opens the history and mentions database: a HikariCP pool over H2
 * (embedded file by default, in mixed mode so other Candor processes on the machine can use it
 * too) or PostgreSQL (one database shared by several Candor instances), with the schema brought
 * up to date by the same Flyway migrations in {@code src/main/resources/db/migration}. Failures
 * become a {@link StoreUnavailableException} whose message a user can act on.
 */
public final class Database implements AutoCloseable {
    /** How long a readiness answer is reused: an unauthenticated probe must not become a write flood. */
    private static final long PROBE_REUSE_NANOS = 1_000_000_000L;

    private final HikariDataSource pool;
    private final String url;
    private final Object probeLock = new Object();
    private long probedAt;
    private Optional<String> lastProbe = Optional.empty();

    private Database(HikariDataSource pool, String url) {
        this.pool = pool;
        this.url = url;
    }

    static {
        // H2's automatic mixed mode (AUTO_SERVER) lets a second process (a CLI command beside
        // `candor serve`) in over TCP; that server listens on loopback only. H2 reads this once.
        if (System.getProperty("h2.bindAddress") == null) {
            System.setProperty("h2.bindAddress", "127.0.0.1");
        }
    }

    /**
     * Opens (creating if needed) the database at {@code location}: a JDBC URL, or a file
     * path such as {@code ./data/candor} (H2 adds {@code .mv.db}). Default pool; the user name
     * and password of a server database from {@code CANDOR_DB_USER} and {@code CANDOR_DB_PASSWORD}.
     */
    public static Database open(String location) {
        return open(location, StorageSettings.defaults(), System.getenv());
    }

    /**
     * Opens the database at {@code location} with the pool of {@code settings}; {@code env}
     * gives {@code CANDOR_DB_USER} and {@code CANDOR_DB_PASSWORD} when set (never logged).
     */
    public static Database open(String location, StorageSettings settings, Map<String, String> env) {
        String url = toUrl(location);
        StorageSettings.Pool size = settings.pool();
        HikariConfig cfg = new HikariConfig();
        cfg.setJdbcUrl(url);
        String user = env.get(StorageSettings.USER_VARIABLE);
        String password = env.get(StorageSettings.PASSWORD_VARIABLE);
        if (user != null && !user.isBlank()) {
            cfg.setUsername(user.strip());
        }
        if (password != null && !password.isEmpty()) {
            cfg.setPassword(password);
        }
        cfg.setMaximumPoolSize(size.maxSize());
        cfg.setMinimumIdle(size.minIdle());
        cfg.setPoolName("candor");
        cfg.setInitializationFailTimeout(1); // fail at once on a locked file or an unreachable server, do not wait 5 s
        cfg.setConnectionTimeout(size.connectionTimeoutMs());
        cfg.setValidationTimeout(Math.min(2_000, size.connectionTimeoutMs()));
        if (url.startsWith("jdbc:postgresql:")) {
            // a server that vanishes must fail a request within the pool's wait, not hang on a dead socket
            cfg.addDataSourceProperty("connectTimeout", Math.max(1, size.connectionTimeoutMs() / 1000));
            cfg.addDataSourceProperty("socketTimeout", 120); // a statement on a vanished host fails instead of hanging
            cfg.addDataSourceProperty("tcpKeepAlive", true);
            cfg.addDataSourceProperty("ApplicationName", "candor");
        }
        HikariDataSource[] self = new HikariDataSource[1];
        cfg.setExceptionOverride(new SQLExceptionOverride() {
            @java.lang.Override
            public SQLExceptionOverride.Override adjudicate(SQLException e) {
                if (!StoreErrors.fatal(e)) {
                    return SQLExceptionOverride.Override.CONTINUE_EVICT;
                }
                // H2 closes itself for good when a write fails (disk full), and a PostgreSQL
                // server that restarted has cut every connection: every pooled connection is
                // dead. Dropping them all lets the next one reconnect, so Candor recovers by
                // itself once the disk has room again or the server is back.
                if (self[0] != null && self[0].getHikariPoolMXBean() != null) {
                    self[0].getHikariPoolMXBean().softEvictConnections();
                }
                return SQLExceptionOverride.Override.MUST_EVICT;
            }
        });
        HikariDataSource pool = null;
        try {
            if (url.startsWith("jdbc:h2:file:")) {
                privateFile(Path.of(url.substring("jdbc:h2:file:".length()).split(";")[0]));
            }
            pool = new HikariDataSource(cfg);
            self[0] = pool;
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
    static final int SCHEMA_VERSION = 14;

    static boolean current(DataSource pool) {
        // versions are text: MAX would put "9" after "10", so the newest is found as a number
        try (Connection c = pool.getConnection();
             var rs = c.createStatement().executeQuery(
                     "SELECT \"version\" FROM \"flyway_schema_history\" WHERE \"success\" AND \"version\" IS NOT NULL")) {
            int newest = -1;
            while (rs.next()) {
                try {
                    newest = Math.max(newest, Integer.parseInt(rs.getString(1).strip()));
                } catch (NumberFormatException e) {
                    return false; // not a version this code wrote: let Flyway look
                }
            }
            return newest == SCHEMA_VERSION;
        } catch (SQLException e) {
            return false; // a new database, or not made by Flyway: let Flyway look
        }
    }


    /**
     * For a process that opens the database for a moment (a review, stats, a list): H2 closes
     * the file without compacting it, which can take a second on a large file at every exit.
     * A long-running {@code candor serve} compacts as it runs; imports and purges, which write
     * or free much, still compact when they close. Call before the first open.
     */
    public static void closeWithoutCompacting() {
        if (System.getProperty("h2.maxCompactTime") == null) {
            System.setProperty("h2.maxCompactTime", "0"); // H2's MAX_COMPACT_TIME for every database this process opens
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
            // H2's trace file records failed statements with their values: drafts and mentions
            return location.startsWith("jdbc:h2:") && !location.toUpperCase(java.util.Locale.ROOT).contains("TRACE_LEVEL_FILE")
                    ? location + ";TRACE_LEVEL_FILE=0" : location;
        }
        String path = location.endsWith(".mv.db") ? location.substring(0, location.length() - 6) : location;
        Path p = Path.of(path).toAbsolutePath();
        // WRITE_DELAY=0 in the URL, not only as a statement: it must hold again when the pool reopens the file.
        // AUTO_SERVER=TRUE: H2's mixed mode. The first process to open the file serves it on a loopback
        // port written in its lock file; another process (`candor remind --dry-run` beside `candor serve`)
        // connects there instead of being locked out, and takes over serving when the first one stops.
        // (H2 then closes the file itself when the JVM exits: mixed mode does not allow DB_CLOSE_ON_EXIT=FALSE.)
        return "jdbc:h2:file:" + p + ";LOCK_TIMEOUT=5000;TRACE_LEVEL_FILE=0;WRITE_DELAY=0;AUTO_SERVER=TRUE;QUERY_CACHE_SIZE=32";
    }

    /**
     * The database holds drafts and mentions: a folder Candor creates for it is readable by
     * its owner only (0700), and so is a new database file (0600), made empty before H2
     * opens it so it is never readable by others, not even for a moment.
     */
    private static void privateFile(Path base) throws IOException {
        Path file = Path.of(base + ".mv.db").toAbsolutePath();
        Path dir = file.getParent();
        boolean posix = dir != null && dir.getFileSystem().supportedFileAttributeViews().contains("posix");
        if (dir != null && !Files.isDirectory(dir)) {
            Files.createDirectories(dir);
            if (posix) {
                Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwx------"));
            }
        }
        if (posix && !Files.exists(file)) {
            try {
                Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            } catch (FileAlreadyExistsException raced) {
                // another process made it first: it chose its permissions
            }
        }
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

    /** True when this is a PostgreSQL server shared by several Candor instances. */
    public boolean isPostgres() {
        return url.startsWith("jdbc:postgresql:");
    }

    /** The URL with any password in it replaced, for messages and logs. */
    public static String redact(String location) {
        return location == null ? "" : location
                .replaceAll("(?i)(password=)[^&;]*", "$1***")
                .replaceAll("(//[^/:@]+:)[^@/]*@", "$1***@");
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
                c.setAutoCommit(auto);
                return t;
            } catch (SQLException | RuntimeException e) {
                // a dead connection fails its rollback too: keep the first error, it says why
                try {
                    c.rollback();
                    c.setAutoCommit(auto);
                } catch (SQLException again) {
                    e.addSuppressed(again);
                }
                throw e;
            }
        }
    }

    /** True when a connection can be had and answers a query (not only H2's isValid, which a closed database passes). */
    public boolean healthy() {
        return probe().isEmpty();
    }

    /**
     * Whether the database takes a write now: empty when it does, else why not ("the disk is
     * full"). Writes one row of {@code store_probe}, since a full disk or a read-only file
     * still answers reads. The answer is reused for a second, so probes cannot flood it.
     */
    public Optional<String> probe() {
        synchronized (probeLock) {
            long now = System.nanoTime();
            if (probedAt != 0 && now - probedAt < PROBE_REUSE_NANOS) {
                return lastProbe;
            }
            Optional<String> result;
            try {
                inTransaction(c -> {
                    try (PreparedStatement ps = c.prepareStatement("UPDATE store_probe SET probed_at = ? WHERE id = 1")) {
                        ps.setObject(1, OffsetDateTime.now(ZoneOffset.UTC));
                        if (ps.executeUpdate() == 0) {
                            try (PreparedStatement in = c.prepareStatement(
                                    "INSERT INTO store_probe (id, probed_at) VALUES (1, ?)")) {
                                in.setObject(1, OffsetDateTime.now(ZoneOffset.UTC));
                                in.executeUpdate();
                            }
                        }
                    }
                    return null;
                });
                result = Optional.empty();
            } catch (SQLException | RuntimeException e) {
                result = Optional.of(StoreErrors.reason(e));
            }
            probedAt = System.nanoTime();
            lastProbe = result;
            return result;
        }
    }

    @Override
    public void close() {
        pool.close();
    }
}
