package io.candor.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.candor.TestTeam;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@code candor serve} stops in the reverse order it started: the HTTP server stops taking
 * requests before the webhook writes what it accepted, and the database closes last.
 */
class InstanceShutdownTest {
    @Test
    void everythingStopsInTheReverseOrderItStartedTheServerBeforeTheWebhookTheDatabaseLast() throws Exception {
        InstanceRig rig = new InstanceRig(TestTeam.PEOPLE, TestTeam.memoryUrl(), Clock.systemUTC(), "shutdown-order");
        List<String> started = rig.instance.parts().created();
        rig.close();

        assertThat(started).containsSubsequence("database", "webhook", "web server", "history purge", "slack",
                "reminder scheduler");
        List<String> reverse = new ArrayList<>(started);
        Collections.reverse(reverse);
        assertThat(rig.instance.parts().closed()).isEqualTo(reverse)
                .containsSubsequence("slack", "history purge", "web server", "webhook", "database").endsWith("database");
    }

    @Test
    void aPartThatFailsToCloseDoesNotKeepTheOthersOpen() {
        List<String> closed = new ArrayList<>();
        Parts parts = new Parts();
        parts.add("database", () -> closed.add("database"));
        parts.add("webhook", () -> {
            throw new IllegalStateException("queue stuck");
        });
        parts.add("web server", () -> closed.add("web server"));

        parts.close();
        parts.close(); // a second close closes nothing again

        assertThat(closed).containsExactly("web server", "database");
        assertThat(parts.closed()).containsExactly("web server", "webhook", "database");
    }
}
