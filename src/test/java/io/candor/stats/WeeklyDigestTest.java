package io.candor.stats;

import static org.assertj.core.api.Assertions.assertThat;

import io.candor.TestTeam;
import io.candor.chat.ChatPort;
import io.candor.chat.ChatUser;
import io.candor.chat.FakeChat;
import io.candor.chat.Reply;
import io.candor.identity.SurfaceKind;
import io.candor.remind.ChatRouter;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import org.junit.jupiter.api.Test;

class WeeklyDigestTest {
    private static final String YAML = StatsRig.YAML.replace("reminders:\n",
            "reminders:\n  summary: {surface: slack, team: T1, channel: C-TEAM}\n") + """
              digest: {enabled: true, day: mon, time: "09:00", weeks: 2}
            """;

    private static Instant paris(String t) {
        return ZonedDateTime.of(java.time.LocalDateTime.parse(t), ZoneId.of("Europe/Paris")).toInstant();
    }

    @Test
    void sentOnceAWeekAtItsTimeAcrossRestartsAndInstancesWithTeamFiguresOnly() {
        try (StatsRig first = new StatsRig(YAML, paris("2026-11-17T10:00"))) {
            long id = first.mention("x", "alice");
            first.team.clock.set(paris("2026-11-17T12:00"));
            first.answer(id, TestTeam.slackUser("UALICE", "alice"));
            FakeChat slack = new FakeChat();
            WeeklyDigest digest = first.stats.digest(first.team.r.router().add(SurfaceKind.SLACK, slack));

            first.team.clock.set(paris("2026-11-23T08:59"));
            assertThat(digest.runDue(first.team.clock.instant())).as("before its time").isFalse();
            first.team.clock.set(paris("2026-11-23T09:00"));
            assertThat(digest.runDue(first.team.clock.instant())).isTrue();
            assertThat(digest.runDue(paris("2026-11-23T09:05"))).as("once").isFalse();
            // another instance (or this one restarted) on the same database sends nothing more this week
            FakeChat other = new FakeChat();
            WeeklyDigest second = StatsModule.assemble(first.team.settings.stats(), first.team.settings.reminders().businessHours(), first.team.db, first.team.m.people(),
                    first.team.reviewer.prompts(), first.team.clock).digest(first.team.r.router().add(SurfaceKind.SLACK, other));
            assertThat(second.runDue(paris("2026-11-25T10:00"))).isFalse();
            assertThat(other.posts).isEmpty();

            assertThat(slack.posts).hasSize(1);
            FakeChat.Posted p = slack.posts.get(0);
            assertThat(p.channel()).isEqualTo("C-TEAM");
            Reply.Figures f = (Reply.Figures) p.reply();
            assertThat(f.text()).contains("the last 2 weeks").contains("2026-11-09 to 2026-11-22")
                    .contains("team: 1 in, 1 answered, median 2.0 h").doesNotContain("alice:")
                    .doesNotContain(StatsRig.SECRET);
            assertThat(f.chart()).isPresent();
            assertThat(second.runDue(paris("2026-11-30T09:00"))).as("next week's").isTrue();
        }
    }

    @Test
    void aFailedSendIsTriedAgainAtTheNextCheck() {
        try (StatsRig rig = new StatsRig(YAML, paris("2026-11-23T09:00"))) {
            int[] tries = {0};
            FakeChat ok = new FakeChat();
            ChatPort flaky = new ChatPort() {
                @Override
                public void sendDirect(ChatUser to, Reply reply) {
                }

                @Override
                public void postToChannel(String team, String channel, Reply reply) {
                    if (tries[0]++ == 0) {
                        throw new IllegalStateException("Slack answered 500");
                    }
                    ok.postToChannel(team, channel, reply);
                }
            };
            WeeklyDigest digest = rig.stats.digest(rig.team.r.router().add(SurfaceKind.SLACK, flaky));
            assertThat(digest.runDue(paris("2026-11-23T09:00"))).isFalse();
            assertThat(digest.runDue(paris("2026-11-23T09:05"))).isTrue();
            assertThat(ok.posts).hasSize(1);
        }
    }

    @Test
    void offUnlessEnabled() {
        try (StatsRig rig = new StatsRig(paris("2026-11-23T09:00"))) {
            FakeChat slack = new FakeChat();
            ChatRouter router = rig.team.r.router().add(SurfaceKind.SLACK, slack);
            assertThat(rig.stats.digest(router).runDue(paris("2026-11-23T10:00"))).isFalse();
            assertThat(slack.posts).isEmpty();
        }
    }
}
