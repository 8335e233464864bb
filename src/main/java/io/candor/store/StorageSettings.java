package io.candor.store;

import io.candor.config.CandorConfig;
import io.candor.config.ConfigException;
import io.candor.config.StrictSettings;
import java.nio.file.Path;
import java.util.Map;

/**
 * The {@code storage:} section of candor.yaml: where the history, mentions and feedback
 * database lives and how many connections a Candor process keeps to it. {@code CANDOR_DB} in
 * the environment wins over the file; {@code --db} wins over both. The user name and password
 * of a server database (PostgreSQL) come only from the environment: {@code CANDOR_DB_USER},
 * {@code CANDOR_DB_PASSWORD}. Left empty, the database is {@code candor.mv.db} in the data folder
 * ({@link #dataFolder}), so a command run in any directory finds the same history and leaves
 * nothing behind there.
 */
public record StorageSettings(String url, Pool pool, Integer refreshEveryMs) {
    /** The rule for the data folder, as help texts, {@code config check} and the README state it. */
    public static final String FOLDER_RULE = "$XDG_DATA_HOME/candor, else $HOME/.local/share/candor";
    public static final String USER_VARIABLE = "CANDOR_DB_USER";
    public static final String PASSWORD_VARIABLE = "CANDOR_DB_PASSWORD";

    /**
     * HikariCP's pool, per process: with several instances on one PostgreSQL the server must
     * allow {@code max_size} times the instances (plus the CLI) connections.
     *
     * @param maxSize             connections at most
     * @param minIdle             connections kept open while idle
     * @param connectionTimeoutMs how long a request waits for a connection before it fails
     *                            (and the webhook answers 503) when the database is gone or busy
     */
    public record Pool(Integer maxSize, Integer minIdle, Integer connectionTimeoutMs) {
        public Pool {
            maxSize = maxSize == null ? 8 : maxSize;
            minIdle = minIdle == null ? 1 : minIdle;
            connectionTimeoutMs = connectionTimeoutMs == null ? 3000 : connectionTimeoutMs;
            if (maxSize < 1 || minIdle < 0 || minIdle > maxSize) {
                throw new ConfigException("storage.pool: max_size must be at least 1 and min_idle between 0 and max_size");
            }
            if (connectionTimeoutMs < 250) {
                throw new ConfigException("storage.pool.connection_timeout_ms must be at least 250 (HikariCP's minimum)");
            }
        }
    }

    /**
     * @param refreshEveryMs how often {@code candor serve} reads the history rows other processes
     *                       stored (another instance, a CLI review), so its in-memory copy index
     *                       finds their posts too
     */
    public StorageSettings {
        url = url == null || url.isBlank() ? null : url.strip();
        pool = pool == null ? new Pool(null, null, null) : pool;
        refreshEveryMs = refreshEveryMs == null ? 1000 : refreshEveryMs;
        if (refreshEveryMs < 50) {
            throw new ConfigException("storage.refresh_every_ms must be at least 50");
        }
    }

    public static StorageSettings defaults() {
        return new StorageSettings(null, null, null);
    }

    /** The section read strictly: a misspelt key is an error naming the file and the key. */
    public static StorageSettings from(CandorConfig cfg) {
        return StrictSettings.decode(cfg.node("storage"), StorageSettings.class, cfg.where() + ": storage");
    }

    /** The database location to use, given an explicit choice (may be null) and the environment. */
    public String location(String explicit, Map<String, String> env) {
        if (explicit != null && !explicit.isBlank()) {
            return explicit.strip();
        }
        String fromEnv = env.get("CANDOR_DB");
        if (fromEnv != null && !fromEnv.isBlank()) {
            return fromEnv.strip();
        }
        return url != null ? url : dataFolder(env).resolve("candor").toString();
    }

    /** Where {@link #location} came from, for {@code candor config check}. */
    public String source(String explicit, Map<String, String> env) {
        if (explicit != null && !explicit.isBlank()) {
            return "--db";
        }
        String fromEnv = env.get("CANDOR_DB");
        if (fromEnv != null && !fromEnv.isBlank()) {
            return "$CANDOR_DB";
        }
        return url != null ? "storage.url" : "the data folder";
    }

    /**
     * The data folder: {@code $XDG_DATA_HOME/candor} (when set and absolute, as the XDG spec
     * says), else {@code $HOME/.local/share/candor}. {@code $HOME}, not Java's {@code user.home}
     * (which comes from the password file), so the database follows the same home as
     * {@code bin/candor}'s start-up cache; {@code user.home} only when {@code $HOME} is unset.
     */
    public static Path dataFolder(Map<String, String> env) {
        String xdg = env.get("XDG_DATA_HOME");
        if (xdg != null && !xdg.isBlank() && Path.of(xdg.strip()).isAbsolute()) {
            return Path.of(xdg.strip(), "candor");
        }
        String home = env.get("HOME");
        if (home == null || home.isBlank()) {
            home = System.getProperty("user.home", ".");
        }
        return Path.of(home.strip(), ".local", "share", "candor");
    }

    /** Opens the database {@link #location} names, with this pool and the credentials in {@code env}. */
    public Database open(String explicit, Map<String, String> env) {
        return Database.open(location(explicit, env), this, env);
    }

    /** True when {@code location} is a file database that has not been created yet. */
    public static boolean isMissingFile(String location) {
        if (location.startsWith("jdbc:")) {
            return false;
        }
        String p = location.endsWith(".mv.db") ? location : location + ".mv.db";
        return !java.nio.file.Files.exists(java.nio.file.Path.of(p));
    }
}
