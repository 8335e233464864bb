package io.candor.history;

import static org.assertj.core.api.Assertions.assertThat;

import io.candor.store.Database;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** Rows kept before anchors existed are filed under anchors at the next start, from their text. */
class HistoryUpgradeTest {
    private static final String POST = "Our office will be closed on Friday for the team retreat; support replies resume Monday morning.";

    @Test
    void olderRowsAreFoundAgainAfterTheUpgrade() throws Exception {
        Fixture fx = new Fixture();
        fx.post(POST, "ana", 2, "linkedin");
        fx.post("A second post whose text is already gone by the time of the upgrade, sadly enough.", "ana", 24 * 60, "x");
        fx.history.purge(); // the 60-day-old post keeps only its signature
        try (Database db = Database.open(fx.url); Connection c = db.connection(); Statement st = c.createStatement()) {
            st.executeUpdate("UPDATE history_post SET anchors = NULL, shingles = 0, pairs = 0"); // as V5 left them
        }
        fx.history.close();

        try (History again = History.open(fx.url, Fixture.settings(), fx.clock)) {
            assertThat(again.similar(again.sketch(POST), "team-1", Instant.EPOCH, 5))
                    .singleElement().satisfies(e -> assertThat(e.posted()).isTrue());
            assertThat(again.indexed()).isEqualTo(1); // the one without text cannot be looked up any more
        }
        try (Database db = Database.open(fx.url); Connection c = db.connection(); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT COUNT(*) FROM history_post WHERE anchors IS NOT NULL")) {
            rs.next();
            assertThat(rs.getInt(1)).as("anchors saved, so the next start does not compute them again").isEqualTo(1);
        }
    }
}
