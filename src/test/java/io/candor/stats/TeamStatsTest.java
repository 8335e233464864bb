package io.candor.stats;

import static org.assertj.core.api.Assertions.assertThat;

import io.candor.TestTeam;
import io.candor.chat.ChatUser;
import io.candor.chat.Feedback;
import io.candor.platform.Platform;
import io.candor.review.Review;
import io.candor.review.Verdict;
import io.candor.stats.StatsReport.Kind;
import io.candor.stats.StatsReport.Scope;
import io.candor.store.JdbcFeedbackBook;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class TeamStatsTest {
    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");
    private static final ChatUser ALICE = TestTeam.slackUser("UALICE", "alice");
    private static final ChatUser BOB = TestTeam.slackUser("UBOB", "bob");

    private static Instant paris(String localDateTime) {
        return ZonedDateTime.of(java.time.LocalDateTime.parse(localDateTime), PARIS).toInstant();
    }

    private static Instant newYork(String localDateTime) {
        return ZonedDateTime.of(java.time.LocalDateTime.parse(localDateTime), NEW_YORK).toInstant();
    }

    private static Scope scope(StatsReport r, Kind kind, String key) {
        return r.scopes().stream().filter(s -> s.kind() == kind && s.key().equals(key)).findFirst().orElseThrow();
    }

    @Test
    void aMentionFromFridayEveningAnsweredMondayMorningTookTwoBusinessHoursNotThreeDays() {
        try (StatsRig rig = new StatsRig(paris("2026-11-20T16:00"))) {
            long id = rig.mention("x", "alice");
            rig.team.clock.set(paris("2026-11-23T10:00"));
            rig.answer(id, ALICE);

            StatsReport r = rig.report("7d", null, Optional.empty(), Optional.empty(), true);
            assertThat(r.team().replies().answered()).isEqualTo(1);
            assertThat(r.team().replies().medianHours()).isEqualTo(2.0);
            assertThat(r.team().replies().withinTarget()).isEqualTo(1.0);
            assertThat(scope(r, Kind.PERSON, "alice").replies().medianHours()).isEqualTo(2.0);
            assertThat(scope(r, Kind.PLATFORM, "twitter").replies().received()).isEqualTo(1);
        }
    }

    @Test
    void theNightClocksGoBackChangesNoWorkingHour() {
        // Paris leaves summer time on Sunday 25 October 2026: Friday is UTC+2, Monday UTC+1
        try (StatsRig rig = new StatsRig(paris("2026-10-23T16:00"))) {
            long id = rig.mention("linkedin", "alice");
            rig.team.clock.set(paris("2026-10-26T10:00"));
            rig.answer(id, ALICE);
            StatsReport r = rig.report("2026-10-19", "2026-10-26", Optional.empty(), Optional.empty(), true);
            assertThat(r.team().replies().medianHours()).isEqualTo(2.0);
        }
    }

    @Test
    void replyTimesCountInTheOwnersOwnZone() {
        try (StatsRig rig = new StatsRig(newYork("2026-11-24T03:00"))) {
            // 03:00 in New York is 09:00 in Paris: bob's working day has not started
            long early = rig.mention("bluesky", "bob");
            rig.team.clock.set(newYork("2026-11-24T09:00"));
            long onTime = rig.mention("bluesky", "bob");
            rig.team.clock.set(newYork("2026-11-24T10:00"));
            rig.answer(early, BOB);
            rig.team.clock.set(newYork("2026-11-24T15:00"));
            rig.answer(onTime, BOB);

            Scope bob = scope(rig.report("7d", null, Optional.empty(), Optional.empty(), true), Kind.PERSON, "bob");
            assertThat(bob.replies().answered()).isEqualTo(2);
            assertThat(bob.replies().medianHours()).isEqualTo(1.0); // 09:00 to 10:00 New York time
            assertThat(bob.replies().p90Hours()).isEqualTo(6.0);    // 09:00 to 15:00
            assertThat(bob.replies().withinTarget()).isEqualTo(0.5);
        }
    }

    @Test
    void openMentionsAreBandedByBusinessAgeAndTheOldestListedWithoutText() {
        try (StatsRig rig = new StatsRig(paris("2026-11-23T09:00"))) {
            long old = rig.mention("x", "alice");
            rig.team.clock.set(paris("2026-11-24T09:00"));
            rig.mention("x", null);
            rig.team.clock.set(paris("2026-11-24T15:00"));
            StatsReport r = rig.report("7d", null, Optional.empty(), Optional.empty(), true);
            // 14 business hours (≥8h, <24h band) and 6 business hours (4–8h band); bands <4, 4–8, 8–24, ≥24
            assertThat(r.team().replies().open()).isEqualTo(2);
            assertThat(r.team().replies().openByAge()).containsExactly(0, 1, 1, 0);
            assertThat(r.oldest().get(0).id()).isEqualTo(old);
            assertThat(r.oldest().get(0).ageHours()).isEqualTo(14.0);
            assertThat(r.oldest().get(1).owner()).isEmpty();
            // waiting past the target counts as missed; answered ones are what the median is of
            assertThat(r.team().replies().withinTarget()).isEqualTo(0.0);
            assertThat(r.team().replies().medianHours()).isNull();
        }
    }

    @Test
    void draftsReadyAtFirstReviewCountNewDraftsNotEditsAskedAgain() {
        try (StatsRig rig = new StatsRig(paris("2026-11-23T10:00"))) {
            String pitch = "Thanks for asking! Check out my channel and DM me for a deal, link in bio, limited offer ends tonight";
            Review first = rig.review(ALICE, pitch, Platform.LINKEDIN);
            rig.team.clock.set(paris("2026-11-23T10:20"));
            Review edit = rig.review(ALICE, pitch + " today", Platform.LINKEDIN);
            rig.team.clock.set(paris("2026-11-24T11:00"));
            Review fresh = rig.review(ALICE, "We wrote up how our support team triages questions on Mondays: what worked and what did not",
                    Platform.LINKEDIN);

            StatsReport r = rig.report("7d", null, Optional.empty(), Optional.empty(), true);
            StatsReport.Drafts d = scope(r, Kind.PERSON, "alice").drafts();
            assertThat(d.reviewed()).isEqualTo(3);
            assertThat(d.firstLooks()).isEqualTo(2);
            long readyAtFirst = java.util.stream.Stream.of(first, fresh).filter(x -> x.verdict() == Verdict.READY).count();
            assertThat(d.firstReady()).isEqualTo((int) readyAtFirst);
            long ready = java.util.stream.Stream.of(first, edit, fresh).filter(x -> x.verdict() == Verdict.READY).count();
            assertThat(d.ready()).isEqualTo((int) ready);
            assertThat(first.findings()).isNotEmpty();
            assertThat(r.findings()).extracting(StatsReport.RuleFigure::rule).contains(first.findings().get(0).rule());
            assertThat(scope(r, Kind.PLATFORM, "linkedin").drafts().reviewed()).isEqualTo(3);
        }
    }

    @Test
    void aWeekWithNoDataIsAGapNotAZero() {
        try (StatsRig rig = new StatsRig(paris("2026-11-03T10:00"))) {
            long a = rig.mention("x", "alice");
            rig.team.clock.set(paris("2026-11-03T11:00"));
            rig.answer(a, ALICE);
            rig.team.clock.set(paris("2026-11-17T10:00"));
            long b = rig.mention("x", "alice");
            rig.team.clock.set(paris("2026-11-17T13:00"));
            rig.answer(b, ALICE);

            StatsReport r = rig.report("2026-11-02", "2026-11-22", Optional.empty(), Optional.empty(), true);
            assertThat(r.teamWeeks()).extracting(StatsReport.Week::start).containsExactly(
                    LocalDate.of(2026, 11, 2), LocalDate.of(2026, 11, 9), LocalDate.of(2026, 11, 16));
            assertThat(r.teamWeeks()).extracting(StatsReport.Week::medianReplyHours).containsExactly(1.0, null, 3.0);
            assertThat(Sparkline.of(r.teamWeeks().stream().map(StatsReport.Week::medianReplyHours).toList()))
                    .isEqualTo("▁ █");
            String text = rig.stats.text().render(r, Optional.empty());
            assertThat(text).contains("`▁ █`");
        }
    }

    @Test
    void aPersonWithNoMentionsGetsZerosAndTheTextSaysSo() {
        try (StatsRig rig = new StatsRig(paris("2026-11-23T10:00"))) {
            rig.mention("x", "alice");
            StatsReport r = rig.report("7d", null, Optional.of("carol"), Optional.empty(), true);
            assertThat(r.scopes()).extracting(Scope::key).containsExactly("", "carol", "twitter");
            Scope carol = scope(r, Kind.PERSON, "carol");
            assertThat(carol.replies().received()).isZero();
            assertThat(carol.replies().medianHours()).isNull();
            assertThat(carol.drafts().readyAtFirst()).isNull();
            assertThat(r.oldest()).isEmpty(); // alice's waiting mention is hers, not carol's
            assertThat(rig.stats.text().render(r, Optional.empty())).contains("carol: 0 in, 0 answered");
        }
    }

    @Test
    void aPlatformFilterLimitsEveryFigure() {
        try (StatsRig rig = new StatsRig(paris("2026-11-23T10:00"))) {
            rig.mention("x", "alice");
            rig.mention("linkedin", "alice");
            rig.review(ALICE, "Our team wrote about the winter schedule for the support desk", Platform.LINKEDIN);
            rig.review(ALICE, "Our team wrote about the summer schedule for the help desk", Platform.TWITTER);
            StatsReport r = rig.report("7d", null, Optional.empty(), Optional.of("linkedin"), true);
            assertThat(r.team().replies().received()).isEqualTo(1);
            assertThat(r.team().drafts().reviewed()).isEqualTo(1);
            assertThat(r.scopes()).filteredOn(s -> s.kind() == Kind.PLATFORM).extracting(Scope::key).containsExactly("linkedin");
        }
    }

    @Test
    void statsNeverCarryDraftOrMentionText() {
        try (StatsRig rig = new StatsRig(paris("2026-11-23T10:00"))) {
            long id = rig.mention("x", "alice");
            rig.review(ALICE, "Buy now, guaranteed the #1 best results, DM me", Platform.TWITTER);
            rig.team.clock.set(paris("2026-11-23T12:00"));
            rig.answer(id, ALICE);
            new JdbcFeedbackBook(rig.team.db, rig.team.clock).record(ALICE, "pitch.hype", Feedback.MUTE);
            StatsReport r = rig.report("7d", null, Optional.empty(), Optional.empty(), true);
            assertThat(r.muted()).extracting(StatsReport.MutedRule::rule).containsExactly("pitch.hype");
            for (String out : new String[] {rig.stats.text().render(r, Optional.empty()), StatsFormats.json(r), StatsFormats.csv(r)}) {
                assertThat(out).doesNotContain(StatsRig.SECRET).doesNotContain("Buy now").doesNotContain("ship");
            }
        }
    }
}
