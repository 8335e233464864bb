package io.candor.store;

/**
 * The {@code storage:} section of candor.yaml: where the history (and mentions) database
 * lives. {@code CANDOR_DB} in the environment wins over the file; {@code --db} wins over both.
 */
public record StorageSettings(String url) {
    public static final String DEFAULT = "data/candor";

    public StorageSettings {
        url = url == null || url.isBlank() ? DEFAULT : url.strip();
    }

    /** The database location to use, given an explicit choice (may be null) and the environment. */
    public String location(String explicit, java.util.Map<String, String> env) {
        if (explicit != null && !explicit.isBlank()) {
            return explicit.strip();
        }
        String fromEnv = env.get("CANDOR_DB");
        return fromEnv != null && !fromEnv.isBlank() ? fromEnv.strip() : url;
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
