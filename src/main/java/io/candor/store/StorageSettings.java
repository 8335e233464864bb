package io.candor.store;

import java.nio.file.Path;
import java.util.Map;

/**
 * The {@code storage:} section of candor.yaml: where the history (and mentions) database
 * lives. {@code CANDOR_DB} in the environment wins over the file; {@code --db} wins over both.
 * Left empty, it is a file in the user's data folder, so a command run in any directory
 * finds the same history and leaves nothing behind in that directory.
 */
public record StorageSettings(String url) {
    /** What help texts call the default: the data folder of the XDG base directory spec. */
    public static final String DEFAULT_DESCRIBED = "$XDG_DATA_HOME/candor/candor, i.e. ~/.local/share/candor/candor.mv.db";

    public StorageSettings {
        url = url == null || url.isBlank() ? null : url.strip();
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
        return url != null ? url : defaultLocation(env, System.getProperty("user.home", ".")).toString();
    }

    /**
     * {@code $XDG_DATA_HOME/candor/candor} ({@code ~/.local/share/candor/candor} when unset or
     * not absolute, as the spec says); {@code %LOCALAPPDATA%\candor\candor} on Windows.
     */
    static Path defaultLocation(Map<String, String> env, String home) {
        String xdg = env.get("XDG_DATA_HOME");
        Path base;
        if (xdg != null && !xdg.isBlank() && Path.of(xdg.strip()).isAbsolute()) {
            base = Path.of(xdg.strip());
        } else if (env.get("LOCALAPPDATA") != null && !env.get("LOCALAPPDATA").isBlank()
                && System.getProperty("os.name", "").startsWith("Windows")) {
            base = Path.of(env.get("LOCALAPPDATA"));
        } else {
            base = Path.of(home, ".local", "share");
        }
        return base.resolve("candor").resolve("candor");
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
