package io.candor.store;

import java.util.UUID;
import java.util.stream.Stream;

/**
 * The two databases Candor runs on, for tests that must hold on both: each store test takes a
 * {@code Backend} parameter from {@link #both()} and runs once on H2 and once on a real
 * PostgreSQL ({@link PostgresServer}, started by the test run itself).
 */
public enum Backend {
    H2 {
        @Override
        public String freshUrl() {
            return "jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";
        }
    },
    POSTGRES {
        @Override
        public String freshUrl() {
            return PostgresServer.shared().freshDatabase();
        }
    };

    /** A new, empty database of this kind; several {@link Database}s may open the same URL. */
    public abstract String freshUrl();

    public static Stream<Backend> both() {
        return Stream.of(H2, POSTGRES);
    }
}
