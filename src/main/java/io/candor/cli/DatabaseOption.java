package io.candor.cli;

/** Where the mentions database is: --db, else CANDOR_DB, else a file under ./data/. */
final class DatabaseOption {
    static final String DEFAULT = "./data/candor";

    private DatabaseOption() {
    }

    static String resolve(String option) {
        if (option != null && !option.isBlank()) {
            return option;
        }
        String env = System.getenv("CANDOR_DB");
        return env == null || env.isBlank() ? DEFAULT : env;
    }
}
