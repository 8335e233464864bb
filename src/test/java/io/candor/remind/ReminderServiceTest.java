package io.candor.remind;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.kagkarlsson.scheduler.testhelper.ManualScheduler;
import com.github.kagkarlsson.scheduler.testhelper.SettableClock;
import com.github.kagkarlsson.scheduler.testhelper.TestHelper;
import io.candor.TestTeam;
import io.candor.chat.FakeChat;
import io.candor.chat.Reply;
import io.candor.identity.PersonRef;
import io.candor.mention.model.NewMention;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ReminderServiceTest {
    // team zone UTC; alice in Paris (UTC+1 in winter), bob in New York (UTC-5), carol in Tokyo
    static final String YAML = TestTeam.PEOPLE + """
            reminders:
              time: "09:30"
              zone: UTC
              min_age_hours: 1
              escalate_after_hours: 16
              summary: {surface: slack, team: T1, channel: C-TEAM}
            """;
    static final Instant MONDAY = Instant.parse("2026-11-23T06:00:00Z");

    private final TestTeam team = TestTeam.create(YAML, MONDAY);

    @AfterEach
    void close() {
        team.close();
    }

    private void seed() {
        team.m.tracker().ingest(List.of(
                mention("a-new", "2026-11-20T16:00:00Z", "alice", "Friday afternoon question"),
                mention("a-old", "2026-11-16T10:00:00Z", "alice", "Last Monday's question, still open"),
                mention("b-1", "2026-11-20T12:00:00Z", "bob", "Bob's one"),
                mention("u-1", "2026-11-19T12:00:00Z", null, "Nobody's"),
                mention("a-fresh", "2026-11-23T05:59:00Z", "alice", "came in overnight")), "test");
    }

    private static NewMention mention(String id, String at, String who, String text) {
        return new NewMention("x", id, "@fan", text, "https://x.com/fan/status/" + id, Instant.parse(at), Optional.ofNullable(who).map(PersonRef::named), null);
    }

    @Test
    void eachPersonGetsTheirOwnAtTheirMorningOldestFirstOnce() {
        seed();
        ReminderService r = team.reminders();
        team.clock.set(Instant.parse("2026-11-23T08:29:00Z")); // 09:29 in Paris
        assertThat(r.runDue(team.clock.instant())).isEmpty();

        team.clock.set(Instant.parse("2026-11-23T08:30:00Z")); // 09:30 in Paris
        r.runDue(team.clock.instant());
        assertThat(team.slack.directRecipients()).containsExactly("UALICE");
        Reply.Mentions dm = (Reply.Mentions) team.slack.directs.get(0).reply();
        assertThat(dm.lines()).extracting(Reply.MentionLine::quote)
                .containsExactly("Last Monday's question, still open", "Friday afternoon question");
        assertThat(dm.lines()).extracting(Reply.MentionLine::escalated).containsExactly(true, false);
        assertThat(dm.lines().get(1).age()).isEqualTo("1 business h");
        assertThat(dm.heading()).contains("alice").contains("2 mentions").contains("1 past the escalation age");

        team.clock.set(Instant.parse("2026-11-23T08:45:00Z"));
        r.runDue(team.clock.instant());
        assertThat(team.slack.directs).hasSize(1);

        team.clock.set(Instant.parse("2026-11-23T14:30:00Z")); // 09:30 in New York, 14:30 UTC
        r.runDue(team.clock.instant());
        assertThat(team.slack.directRecipients()).containsExactly("UALICE", "UBOB");
        assertThat(team.slack.posts).hasSize(1);
        Reply.Mentions summary = (Reply.Mentions) team.slack.posts.get(0).reply();
        assertThat(team.slack.posts.get(0).channel()).isEqualTo("C-TEAM");
        assertThat(summary.heading()).contains("5 waiting").contains("1 with nobody on them");
        assertThat(summary.lines()).extracting(Reply.MentionLine::quote).containsExactly("Nobody's");
        assertThat(team.discord.directs).isEmpty(); // carol has nothing: no message
    }

    @Test
    void atNightEverywhereTheCheckSendsNothingWithoutReadingTheDatabase() {
        seed();
        ReminderService r = team.reminders();
        team.db.close(); // so that any read would fail the check
        // Saturday 03:00 UTC: the weekend in UTC, Paris and Tokyo, Friday 22:00 in New York
        Instant night = Instant.parse("2026-11-21T03:00:00Z");
        assertThat(r.runDue(night)).isEmpty();
        assertThat(r.preview(night)).isEmpty();
        assertThat(team.slack.directs).isEmpty();
    }

    @Test
    void aRestartSendsNothingTwiceAndCatchesUpTheSameDayOnly() {
        seed();
        team.clock.set(Instant.parse("2026-11-23T08:30:00Z"));
        team.reminders().runDue(team.clock.instant());
        assertThat(team.slack.directs).hasSize(1);

        // the process restarts at 11:00 UTC: alice is not sent again
        try (TestTeam restarted = TestTeam.onDatabase(YAML, Instant.parse("2026-11-23T11:00:00Z"), team.db.url())) {
            restarted.reminders().runDue(restarted.clock.instant());
            assertThat(restarted.slack.directs).isEmpty();
            assertThat(restarted.slack.posts).hasSize(1); // but the 09:30 UTC summary missed while down goes out now
            // down all day: starting at 19:00 UTC sends nothing (bob's day in New York is still on though)
            restarted.clock.set(Instant.parse("2026-11-23T23:00:00Z")); // 18:00 in New York
            restarted.reminders().runDue(restarted.clock.instant());
            assertThat(restarted.slack.directRecipients()).isEmpty();
        }
    }

    @Test
    void weekendsSendNothingAndMondayAgesSkipTheWeekend() {
        team.m.tracker().ingest(List.of(mention("f", "2026-11-20T16:30:00Z", "alice", "Friday evening")), "t");
        ReminderService r = team.reminders();
        r.runDue(Instant.parse("2026-11-21T09:30:00Z"));
        r.runDue(Instant.parse("2026-11-22T10:30:00Z"));
        assertThat(team.slack.directs).isEmpty();
        // Monday 08:30 UTC: only 30 business minutes old (Friday 16:30-17:00), under the minimum hour
        r.runDue(Instant.parse("2026-11-23T08:30:00Z"));
        assertThat(team.slack.directs).isEmpty();
        // Monday 10:00 UTC: 30 min on Friday + 1 h on Monday, not 65 hours
        r.runDue(Instant.parse("2026-11-23T10:00:00Z"));
        Reply.Mentions dm = (Reply.Mentions) team.slack.directs.get(0).reply();
        assertThat(dm.lines()).extracting(Reply.MentionLine::age).containsExactly("1 business h");
    }

    @Test
    void theReminderFollowsThePersonsZoneAcrossDst() {
        // Paris is UTC+2 until Sunday 25 October 2026, UTC+1 after
        team.m.tracker().ingest(List.of(mention("a", "2026-10-14T10:00:00Z", "alice", "old one")), "t");
        ReminderService r = team.reminders();
        r.runDue(Instant.parse("2026-10-23T07:30:00Z")); // Friday 09:30 CEST
        assertThat(team.slack.directs).hasSize(1);
        r.runDue(Instant.parse("2026-10-26T07:30:00Z")); // Monday 08:30 CET: too early now
        assertThat(team.slack.directs).hasSize(1);
        r.runDue(Instant.parse("2026-10-26T08:30:00Z")); // Monday 09:30 CET
        assertThat(team.slack.directs).hasSize(2);
    }

    @Test
    void twoInstancesOnOneDatabaseSendEachReminderOnce() throws Exception {
        seed();
        try (TestTeam other = TestTeam.onDatabase(YAML, MONDAY, team.db.url())) {
            Instant at = Instant.parse("2026-11-23T15:00:00Z");
            ReminderService a = team.reminders();
            ReminderService b = other.reminders();
            for (int round = 0; round < 3; round++) {
                CompletableFuture<?> x = CompletableFuture.runAsync(() -> a.runDue(at));
                CompletableFuture<?> y = CompletableFuture.runAsync(() -> b.runDue(at));
                CompletableFuture.allOf(x, y).get();
            }
            List<String> all = new java.util.ArrayList<>(team.slack.directRecipients());
            all.addAll(other.slack.directRecipients());
            assertThat(all).containsExactlyInAnyOrder("UALICE", "UBOB");
            assertThat(team.slack.posts.size() + other.slack.posts.size()).isEqualTo(1);
        }
    }

    @Test
    void dbSchedulerRunsTheCheckAsTheClockMoves() {
        seed();
        SettableClock schedulerClock = new SettableClock();
        schedulerClock.set(MONDAY);
        Clock clock = new Clock() {
            @Override
            public Instant instant() {
                return schedulerClock.now();
            }

            @Override
            public ZoneId getZone() {
                return ZoneOffset.UTC;
            }

            @Override
            public Clock withZone(ZoneId z) {
                return this;
            }
        };
        ReminderService service = team.reminders();
        ManualScheduler scheduler = TestHelper.createManualScheduler(team.db.dataSource())
                .clock(schedulerClock)
                .startTasks(List.of(ReminderScheduler.task(service, clock, team.r.settings())))
                .build();
        scheduler.start();
        try {
            scheduler.runAnyDueExecutions();
            assertThat(team.slack.directs).isEmpty(); // 06:00 UTC: nobody's morning yet
            for (int i = 0; i < 12 * 9; i++) { // the next nine hours, five minutes at a time
                scheduler.tick(java.time.Duration.ofMinutes(5));
                scheduler.runAnyDueExecutions();
            }
            assertThat(team.slack.directRecipients()).containsExactly("UALICE", "UBOB");
            assertThat(team.slack.posts).hasSize(1);
        } finally {
            scheduler.stop();
        }
    }

    @Test
    void snoozedAnsweredAndDismissedMentionsAreLeftOut() {
        seed();
        io.candor.chat.ChatUser alice = TestTeam.slackUser("UALICE", "alice");
        team.m.tracker().snooze(alice, "2", "2d"); // a-old, until Wednesday
        team.m.tracker().done(alice, "3");         // bob's only one
        team.m.tracker().dismiss(alice, "4");      // the unassigned one
        ReminderService r = team.reminders();
        r.runDue(Instant.parse("2026-11-23T15:00:00Z"));
        assertThat(team.slack.directRecipients()).containsExactly("UALICE");
        Reply.Mentions dm = (Reply.Mentions) team.slack.directs.get(0).reply();
        assertThat(dm.lines()).extracting(Reply.MentionLine::quote)
                .containsExactly("Friday afternoon question", "came in overnight");
        Reply.Mentions summary = (Reply.Mentions) team.slack.posts.get(0).reply();
        assertThat(summary.lines()).isEmpty();
        assertThat(summary.heading()).doesNotContain("nobody");
        r.runDue(Instant.parse("2026-11-25T15:00:00Z")); // Wednesday: the snooze is over
        Reply.Mentions wednesday = (Reply.Mentions) team.slack.directs.get(1).reply();
        assertThat(wednesday.lines()).extracting(Reply.MentionLine::quote).contains("Last Monday's question, still open");
    }

    @Test
    void nobodyWithNothingWaitingGetsAMessage() {
        ReminderService r = team.reminders();
        r.runDue(Instant.parse("2026-11-23T15:00:00Z"));
        assertThat(team.slack.directs).isEmpty();
        assertThat(team.slack.posts).isEmpty();
        FakeChat unused = team.discord;
        assertThat(unused.directs).isEmpty();
    }

    @Test
    void aLongBacklogShowsTheOldestLinesAndCountsEveryOne() {
        List<NewMention> backlog = new java.util.ArrayList<>();
        for (int i = 0; i < 27; i++) { // one a working hour back from Friday noon, the oldest last
            backlog.add(mention("bob-" + i, Instant.parse("2026-11-20T12:00:00Z").minusSeconds(3600L * i).toString(), "bob",
                    "question " + i));
        }
        backlog.add(mention("bob-young", "2026-11-23T14:10:00Z", "bob", "too young for today's reminder"));
        team.m.tracker().ingest(backlog, "test");
        team.m.tracker().snooze(TestTeam.slackUser("UBOB", "bob"), "27", "2d"); // bob-26, the oldest
        team.reminders().runDue(Instant.parse("2026-11-23T14:30:00Z")); // 09:30 in New York
        Reply.Mentions dm = (Reply.Mentions) team.slack.directs.get(0).reply();
        assertThat(dm.heading()).contains("26 mentions");
        assertThat(dm.lines()).hasSize(20).extracting(Reply.MentionLine::quote).startsWith("question 25", "question 24")
                .doesNotContain("question 26", "too young for today's reminder");
        assertThat(dm.more()).isEqualTo(6);
        assertThat(io.candor.render.ReplyText.render(dm, team.reviewer.prompts())).contains("…and 6 more not shown here");
        Reply.Mentions summary = (Reply.Mentions) team.slack.posts.get(0).reply();
        assertThat(summary.heading()).contains("26 waiting").contains("for one person");
    }

    @Test
    void betweenSendsTheCheckCountsNothingYetAMentionThatBecomesDueLaterStillGoesOut() throws Exception {
        seed();
        ReminderService r = team.reminders();
        r.runDue(Instant.parse("2026-11-23T08:30:00Z")); // alice, 09:30 in Paris
        r.runDue(Instant.parse("2026-11-23T09:30:00Z")); // the summary, 09:30 UTC
        assertThat(team.slack.directRecipients()).containsExactly("UALICE");
        assertThat(team.slack.posts).hasSize(1);

        List<String> queries = queriesDuring(() -> r.runDue(Instant.parse("2026-11-23T10:00:00Z")));
        assertThat(queries).noneMatch(q -> q.contains("GROUP BY")).noneMatch(q -> q.contains("TEXT"));
        assertThat(team.slack.directs).hasSize(1);

        // carol gets her first mention at 10:00 UTC (19:00 in Tokyo, after her day): not today
        team.m.tracker().ingest(List.of(mention("c-1", "2026-11-23T10:00:00Z", "carol", "for carol")), "test");
        // bob snoozes his only question at 14:00 UTC for two hours: it comes back at 11:00 in New York,
        // after his 09:30 reminder time
        team.clock.set(Instant.parse("2026-11-23T14:00:00Z"));
        team.m.tracker().snooze(TestTeam.slackUser("UBOB", "bob"), "3", "2h");
        r.runDue(Instant.parse("2026-11-23T14:30:00Z"));
        assertThat(team.slack.directRecipients()).containsExactly("UALICE"); // bob had nothing due at 09:30
        r.runDue(Instant.parse("2026-11-23T16:00:00Z"));
        assertThat(team.slack.directRecipients()).containsExactly("UALICE", "UBOB");
        assertThat(team.discord.directs).isEmpty();
    }

    /** The SQL the database ran while {@code action} did (H2's query statistics). */
    private List<String> queriesDuring(Runnable action) throws Exception {
        try (var c = team.db.connection(); var st = c.createStatement()) {
            st.execute("SET QUERY_STATISTICS TRUE");
            st.execute("SET QUERY_STATISTICS FALSE");
            st.execute("SET QUERY_STATISTICS TRUE"); // turned on afresh: what ran before is forgotten
            action.run();
            List<String> out = new java.util.ArrayList<>();
            try (var rs = st.executeQuery("SELECT SQL_STATEMENT FROM INFORMATION_SCHEMA.QUERY_STATISTICS")) {
                while (rs.next()) {
                    out.add(rs.getString(1).toUpperCase(java.util.Locale.ROOT));
                }
            }
            st.execute("SET QUERY_STATISTICS FALSE");
            assertThat(out).as("the statistics saw the check").anyMatch(q -> q.contains("REMINDERS"));
            return out;
        }
    }
}
