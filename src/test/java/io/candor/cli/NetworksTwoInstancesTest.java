package io.candor.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.candor.TestTeam;
import io.candor.network.BlueskyStandIn;
import io.candor.network.MastodonStandIn;
import io.candor.store.Backend;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Two {@code candor serve} instances on one PostgreSQL, both reading the same Mastodon and
 * Bluesky accounts every second: each mention is taken in once (one "received" event each),
 * the team's reply closes its mention once, and when the instance reading an account stops,
 * the other carries on from the saved cursor.
 */
class NetworksTwoInstancesTest {
    private static final String YAML = TestTeam.PEOPLE + """
            networks: {poll_seconds: 1}
            storage: {refresh_every_ms: 200}
            """;

    @Test
    void eachMentionIsTakenInOnceAndTheSurvivorCarriesOn() throws Exception {
        try (MastodonStandIn mastodon = new MastodonStandIn(); BlueskyStandIn bluesky = new BlueskyStandIn()) {
            Instant now = Instant.now();
            String first = null;
            for (int i = 0; i < 300; i++) {
                String id = mastodon.mention("fan" + i + "@example.social", "<p>question " + i + "</p>",
                        now.minusSeconds(3_600 - i));
                first = first == null ? id : first;
            }
            for (int i = 0; i < 150; i++) {
                bluesky.mention("fan" + i + ".bsky.social", "question " + i, now.minusSeconds(3_600 - i));
            }
            Map<String, String> env = Map.of("CANDOR_MASTODON_URL", mastodon.url(), "CANDOR_MASTODON_TOKEN",
                    MastodonStandIn.TOKEN, "CANDOR_BLUESKY_URL", bluesky.url(), "CANDOR_BLUESKY_HANDLE",
                    BlueskyStandIn.HANDLE, "CANDOR_BLUESKY_APP_PASSWORD", BlueskyStandIn.APP_PASSWORD);
            String db = Backend.POSTGRES.freshUrl();
            InstanceRig a = new InstanceRig(YAML, db, Clock.systemUTC(), "instance-a", env, List.of());
            InstanceRig b = new InstanceRig(YAML, db, Clock.systemUTC(), "instance-b", env, List.of());
            try {
                await().atMost(Duration.ofSeconds(30)).until(() -> count(db, "SELECT COUNT(*) FROM mentions") == 450);
                mastodon.teamPost("<p>@fan0 Here is the answer.</p>", Instant.now(), first);
                String sourceId = first;
                await().atMost(Duration.ofSeconds(20)).until(() -> count(db, "SELECT COUNT(*) FROM mentions WHERE state ="
                        + " 'answered' AND source_id = '" + sourceId + "'") == 1);
                Thread.sleep(2_500); // both instances poll a few more times
                assertThat(count(db, "SELECT COUNT(*) FROM mentions")).isEqualTo(450);
                assertThat(count(db, "SELECT COUNT(*) FROM mention_events WHERE action = 'received'")).isEqualTo(450);
                assertThat(count(db, "SELECT COUNT(*) FROM mention_events WHERE action = 'answered'")).isEqualTo(1);

                // the instance that reads Mastodon stops; mentions keep coming; the other one takes over
                InstanceRig holder = owner(db).equals("instance-a") ? a : b;
                InstanceRig other = holder == a ? b : a;
                holder.close();
                for (int i = 0; i < 20; i++) {
                    mastodon.mention("late" + i + "@example.social", "<p>late " + i + "</p>", Instant.now());
                }
                await().atMost(Duration.ofSeconds(20)).until(() -> count(db, "SELECT COUNT(*) FROM mentions") == 470);
                assertThat(count(db, "SELECT COUNT(*) FROM mention_events WHERE action = 'received'")).isEqualTo(470);
                assertThat(owner(db)).isEqualTo(other == a ? "instance-a" : "instance-b");
            } finally {
                a.close();
                b.close();
            }
        }
    }

    private static String owner(String db) throws SQLException {
        try (Connection c = DriverManager.getConnection(db);
             ResultSet rs = c.createStatement().executeQuery("SELECT lease_owner FROM network_cursors WHERE account LIKE 'mastodon:%'")) {
            rs.next();
            return rs.getString(1);
        }
    }

    private static long count(String db, String sql) throws SQLException {
        try (Connection c = DriverManager.getConnection(db); ResultSet rs = c.createStatement().executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
