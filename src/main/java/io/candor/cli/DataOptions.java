package io.candor.cli;

import io.candor.config.CandorConfig;
import io.candor.store.StorageSettings;
import java.nio.file.Path;
import java.time.Clock;
import picocli.CommandLine.Option;

/**
 * {@code --db} and {@code -c/--config}: the same names, help and defaults in every command that
 * reads the settings or the database (picocli mixin).
 */
public final class DataOptions {
    /**
     * The system property that carries the data folder this process would use into help texts
     * (picocli interpolates {@code ${sys:…}} when it prints them); set once by {@link #publishDataFolder}.
     */
    public static final String DATA_FOLDER_PROPERTY = "candor.data-folder";

    /** Makes help texts name the data folder of this environment. */
    public static void publishDataFolder() {
        System.setProperty(DATA_FOLDER_PROPERTY, StorageSettings.dataFolder(System.getenv()).toString());
    }

    @Option(names = "--db", paramLabel = "PATH",
            description = "Database: a file path or JDBC URL (default: $CANDOR_DB, else storage.url in the settings, "
                    + "else candor.mv.db in the data folder, " + StorageSettings.FOLDER_RULE
                    + ": here ${sys:" + DATA_FOLDER_PROPERTY + "}; candor chat keeps its own in memory).")
    String db;

    @Option(names = {"-c", "--config"}, paramLabel = "FILE",
            description = "Settings file (default: $CANDOR_CONFIG, else config/candor.yaml, else the built-in defaults).")
    Path config;

    /**
     * The settings this command runs with ({@link CandorConfig#load} of --config), every section
     * decoded now: a mistake anywhere in the file stops the command before it does anything.
     */
    Settings settings() {
        return Settings.read(CandorConfig.load(config));
    }

    /** The app over these settings and --db, on the system clock: parts are made as the command asks. */
    BotWiring app() {
        return app(Clock.systemUTC());
    }

    BotWiring app(Clock clock) {
        return BotWiring.of(settings(), db, System.getenv(), clock);
    }
}
