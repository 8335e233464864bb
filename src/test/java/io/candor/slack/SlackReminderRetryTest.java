package io.candor.slack;

import static org.assertj.core.api.Assertions.assertThat;

import io.candor.TestTeam;
import io.candor.identity.PersonRef;
import io.candor.identity.SurfaceKind;
import io.candor.mention.model.NewMention;
import io.candor.remind.ReminderService;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Slack answers 500 at reminder time, then works: everyone still gets exactly one reminder that day. */
class SlackReminderRetryTest {
    static final String YAML = TestTeam.PEOPLE + """
            reminders:
              time: "09:30"
              zone: UTC
              summary: {surface: slack, team: T1, channel: C-TEAM}
              retry_first_seconds: 60
              retry_window_minutes: 30
            """;

    private final TestTeam team = TestTeam.create(YAML, Instant.parse("2026-11-23T06:00:00Z"));
    private SlackRig rig;

    @AfterEach
    void close() {
        if (rig != null) {
            rig.close();
        }
        team.close();
    }

    @Test
    void aSlack500AtReminderTimeIsRetriedAndEachPersonGetsOneDm() throws Exception {
        rig = new SlackRig();
        team.m.tracker().ingest(List.of(
                new NewMention("x", "1", "@fan", "Is it down?", null, Instant.parse("2026-11-20T10:00:00Z"), Optional.of(PersonRef.named("alice")), null),
                new NewMention("x", "2", "@fan", "Refund?", null, Instant.parse("2026-11-20T10:00:00Z"), Optional.of(PersonRef.named("bob")), null)),
                "test");
        ReminderService reminders = team.r.reminders(team.r.router().add(SurfaceKind.SLACK, rig.surface.port()));
        for (int i = 0; i < 3; i++) {
            rig.slack.answerOnce("chat.postMessage", 500, "{\"ok\":false,\"error\":\"internal_error\"}", Map.of());
        }

        // 15:00 UTC: alice's, bob's and the team's reminders are all due, and Slack fails all three
        assertThat(reminders.runDue(Instant.parse("2026-11-23T15:00:00Z"))).isEmpty();
        // the retry waits its backoff: nothing half a minute later
        assertThat(reminders.runDue(Instant.parse("2026-11-23T15:00:30Z"))).isEmpty();
        // then goes out, once
        assertThat(reminders.runDue(Instant.parse("2026-11-23T15:01:00Z"))).hasSize(3);
        assertThat(reminders.runDue(Instant.parse("2026-11-23T15:10:00Z"))).isEmpty();
        assertThat(reminders.runDue(Instant.parse("2026-11-23T16:00:00Z"))).isEmpty();

        List<String> channels = rig.slack.calls("chat.postMessage").stream().map(c -> c.param("channel")).toList();
        // two attempts each (the 500, then the delivery), and no third
        assertThat(channels).containsExactlyInAnyOrder("DUALICE", "DUBOB", "C-TEAM", "DUALICE", "DUBOB", "C-TEAM");
    }
}
