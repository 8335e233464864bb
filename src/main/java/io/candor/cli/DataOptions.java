package io.candor.cli;

import io.candor.config.CandorConfig;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/**
 * {@code --db} and {@code -c/--config}: the same names, help and defaults in every command that
 * reads the settings or the database (picocli mixin).
 */
final class DataOptions {
    @Option(names = "--db", paramLabel = "PATH",
            description = "Database: a file path or JDBC URL (default: $CANDOR_DB, else storage.url in the settings, "
                    + "else ~/.local/share/candor/candor; candor chat keeps its own in memory).")
    String db;

    @Option(names = {"-c", "--config"}, paramLabel = "FILE",
            description = "Settings file (default: $CANDOR_CONFIG, else config/candor.yaml, else the built-in defaults).")
    Path config;

    /** The settings this command runs with: {@link CandorConfig#load} of --config. */
    CandorConfig config() {
        return CandorConfig.load(config);
    }
}
