package io.candor.remind;

import static org.assertj.core.api.Assertions.assertThat;

import io.candor.TestTeam;
import io.candor.chat.ChatPort;
import io.candor.chat.ChatUser;
import io.candor.chat.DeliveryFailure;
import io.candor.chat.FakeChat;
import io.candor.chat.Reply;
import io.candor.identity.PersonRef;
import io.candor.identity.SurfaceKind;
import io.candor.mention.model.NewMention;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ReminderRetryTest {
    static final String YAML = TestTeam.PEOPLE + """
            reminders:
              time: "09:30"
              zone: UTC
              summary: {surface: slack, team: T1, channel: C-TEAM}
              retry_first_seconds: 60
              retry_window_minutes: 20
            """;

    private final TestTeam team = TestTeam.create(YAML, Instant.parse("2026-11-23T06:00:00Z"));

    /** Slack as seen by the core: direct messages to some people fail, always. */
    static final class Unreachable implements ChatPort {
        final FakeChat delivered = new FakeChat();
        final Set<String> failFor;
        final List<Instant> attempts = new ArrayList<>();
        Instant now;

        Unreachable(Set<String> failFor) {
            this.failFor = failFor;
        }

        @Override
        public void sendDirect(ChatUser to, Reply reply) {
            if (failFor.contains(to.id())) {
                attempts.add(now);
                throw new Failed();
            }
            delivered.sendDirect(to, reply);
        }

        @Override
        public void postToChannel(String t, String channel, Reply reply) {
            delivered.postToChannel(t, channel, reply);
        }
    }

    static final class Failed extends RuntimeException implements DeliveryFailure {
        Failed() {
            super("Slack chat.postMessage failed: HTTP 500");
        }

        @Override
        public String reason() {
            return "HTTP 500";
        }
    }

    @AfterEach
    void close() {
        team.close();
    }

    @Test
    void aReminderThatKeepsFailingIsTriedWithGrowingWaitsThenReportedInTheTeamChannel() {
        team.m.tracker().ingest(List.of(
                new NewMention("x", "1", "@fan", "Is it down?", null, Instant.parse("2026-11-20T10:00:00Z"), Optional.of(PersonRef.named("alice")), null),
                new NewMention("x", "2", "@fan", "Refund?", null, Instant.parse("2026-11-20T10:00:00Z"), Optional.of(PersonRef.named("bob")), null)),
                "test");
        Unreachable slack = new Unreachable(Set.of("UALICE"));
        ReminderService reminders = team.r.reminders(team.r.router().add(SurfaceKind.SLACK, slack));
        // the scheduler's check, every minute for an hour
        for (Instant t = Instant.parse("2026-11-23T15:00:00Z"); t.isBefore(Instant.parse("2026-11-23T16:00:00Z"));
             t = t.plus(Duration.ofMinutes(1))) {
            slack.now = t;
            reminders.runDue(t);
        }
        // 1, 2, 4, 8 minutes apart, and no try past the 20-minute window
        assertThat(slack.attempts).containsExactly(Instant.parse("2026-11-23T15:00:00Z"),
                Instant.parse("2026-11-23T15:01:00Z"), Instant.parse("2026-11-23T15:03:00Z"),
                Instant.parse("2026-11-23T15:07:00Z"), Instant.parse("2026-11-23T15:15:00Z"));
        // bob's went out once; the summary once; and the team channel is told alice's did not
        assertThat(slack.delivered.directRecipients()).containsExactly("UBOB");
        assertThat(slack.delivered.posts).hasSize(2);
        assertThat(slack.delivered.posts.get(1).channel()).isEqualTo("C-TEAM");
        assertThat(((Reply.Text) slack.delivered.posts.get(1).reply()).text())
                .contains("alice").contains("could not be delivered").contains("5 tries").contains("HTTP 500");
    }
}
