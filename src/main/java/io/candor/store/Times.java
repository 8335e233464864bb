package io.candor.store;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/**
 * Times as the stores write and read them: {@code TIMESTAMP WITH TIME ZONE} columns, written in
 * UTC, read back as instants. Both drivers (H2, PostgreSQL) take and give an OffsetDateTime.
 */
final class Times {
    private Times() {
    }

    static OffsetDateTime ts(Instant i) {
        return OffsetDateTime.ofInstant(i, ZoneOffset.UTC);
    }

    /** The column's instant, or null when it is NULL. */
    static Instant instant(ResultSet rs, int col) throws SQLException {
        OffsetDateTime t = rs.getObject(col, OffsetDateTime.class);
        return t == null ? null : t.toInstant();
    }
}
