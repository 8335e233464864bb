package io.candor.cli;

import io.candor.config.CandorConfig;
import io.candor.history.History;
import io.candor.history.HistorySettings;
import io.candor.store.StorageSettings;
import java.time.Clock;

/** Finds and opens the history database for a command: --db, else $CANDOR_DB, else storage.url. */
final class HistoryAccess {
    private HistoryAccess() {
    }

    static String location(CandorConfig cfg, String db) {
        return StorageSettings.from(cfg).location(db, System.getenv());
    }

    static HistorySettings settings(CandorConfig cfg) {
        return cfg.section("history", HistorySettings.class);
    }

    /**
     * The history a review runs against. With {@code --no-remember} and no database file
     * yet there is nothing to compare with, so no database is created. When the database
     * cannot be used, says so on stderr and returns an unavailable history: the review
     * still runs and its notes say history was not checked.
     */
    static History forReview(CandorConfig cfg, String db, boolean noRemember, Clock clock) {
        HistorySettings settings = settings(cfg);
        String location = location(cfg, db);
        if (noRemember && StorageSettings.isMissingFile(location)) {
            return History.empty(settings, clock);
        }
        History h = History.openOrUnavailable(location, settings, clock);
        h.problem().ifPresent(why -> System.err.println("candor: " + why + " (reviewing without history)"));
        return h;
    }
}
