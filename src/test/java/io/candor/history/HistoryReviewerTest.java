package io.candor.history;

import static io.candor.history.Fixture.draft;
import static org.assertj.core.api.Assertions.assertThat;

import io.candor.review.Finding;
import io.candor.review.Review;
import io.candor.review.Verdict;
import java.time.Duration;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class HistoryReviewerTest {
    private static final String LAUNCH = "Big news! Our spring collection is live: 40 new pieces made from recycled cotton. https://shop.example.com/spring";
    private final Fixture fx = new Fixture();

    @AfterEach
    void close() {
        fx.history.close();
    }

    private static Finding only(Review r, String rule) {
        return r.findings().stream().filter(f -> f.rule().equals(rule)).findFirst()
                .orElseThrow(() -> new AssertionError("no " + rule + " in " + r.findings()));
    }

    @Test
    void sayWhenWhereAndWhoAndQuotesTheEarlierPost() {
        fx.post(LAUNCH, "Maya", 24 * 6 - 1, "linkedin"); // Thursday 16:00, six days before NOW (Wednesday)
        Review r = fx.reviewer(false).review(draft("Reposting: big news! Our spring collection is live: 40 new pieces made from recycled cotton 🌸 #spring",
                "Rui", "slack", "x"));
        Finding f = only(r, "broadcast.cross-platform");
        assertThat(f.message()).isEqualTo("The team posted almost the same text on LinkedIn on Thursday (Maya): “Big news! Our spring collection is live: 40…”.");
        assertThat(f.question()).isEqualTo("What would someone who follows you on both get from reading it twice?");
        assertThat(r.verdict()).isEqualTo(Verdict.ANOTHER_LOOK);
        assertThat(f.start()).isZero();
    }

    @Test
    void theSamePlatformAgainIsARepeatAndTodayReadsAsToday() {
        fx.post(LAUNCH, "Maya", 2, "linkedin");
        Finding f = only(fx.reviewer(false).review(draft(LAUNCH, "Rui", "cli", "linkedin")), "broadcast.repeat");
        assertThat(f.message()).startsWith("The team posted almost the same text on LinkedIn 2 hours ago (Maya)");
        fx.clock.advance(Duration.ofHours(6));
        assertThat(only(fx.reviewer(false).review(draft(LAUNCH, "Rui", "cli")), "broadcast.repeat").message())
                .startsWith("The team posted almost the same text on LinkedIn earlier today at 13:00 (Maya)");
        fx.clock.advance(Duration.ofHours(6));
        assertThat(only(fx.reviewer(false).review(draft(LAUNCH, "Rui", "cli")), "broadcast.repeat").message())
                .startsWith("The team posted almost the same text on LinkedIn yesterday at 13:00 (Maya)");
    }

    @Test
    void afterTheTextRetentionTheCopyIsStillNamedButNotQuoted() {
        fx.post(LAUNCH, "Maya", 24 * 40, "linkedin");
        fx.history.purge();
        Finding f = only(fx.reviewer(false).review(draft(LAUNCH, "Rui", "cli", "linkedin")), "broadcast.repeat");
        assertThat(f.message()).isEqualTo("The team posted almost the same text on LinkedIn on 23 January (Maya).");
        assertThat(fx.reviewer(false).when(Fixture.NOW.minus(Duration.ofDays(300)), Fixture.NOW)).isEqualTo("on 8 May 2025");
    }

    @Test
    void rememberingIsWhatMakesTheNextCopyVisible() {
        HistoryReviewer remembering = fx.reviewer(true);
        assertThat(remembering.review(draft(LAUNCH, "Maya", "cli")).findings()).extracting(Finding::rule)
                .doesNotContain("broadcast.repeat");
        assertThat(remembering.review(draft(LAUNCH, "Joe", "cli")).findings()).extracting(Finding::rule)
                .contains("broadcast.repeat");
        HistoryReviewer forgetful = fx.reviewer(false);
        String other = "Our office will be closed on Friday for the team retreat; support resumes Monday.";
        forgetful.review(draft(other, "Maya", "cli"));
        assertThat(forgetful.review(draft(other, "Joe", "cli")).findings()).isEmpty();
        assertThat(fx.history.store().orElseThrow().count()).isEqualTo(2);
    }

    @Test
    void aWritersOwnEarlierVersionInChatIsNotARepeat() {
        fx.seed(LAUNCH, "U123", 1);
        assertThat(fx.reviewer(false).review(draft(LAUNCH + " Which piece is your favourite?", "U123", "slack")).findings())
                .extracting(Finding::rule).doesNotContain("broadcast.repeat");
        assertThat(fx.reviewer(false).review(draft(LAUNCH, "U999", "slack")).findings())
                .extracting(Finding::rule).contains("broadcast.repeat");
    }

    @Test
    void reviewingTheSameDraftAgainIsNeverARepeatOnAnySurface() {
        HistoryReviewer remembering = fx.reviewer(true);
        for (String source : new String[] {"cli", "slack", "discord", "terminal"}) {
            remembering.review(draft(LAUNCH, "lee", source, "linkedin"));
            fx.clock.advance(Duration.ofDays(3)); // days later too: it was reviewed, not posted
            assertThat(remembering.review(draft(LAUNCH, "lee", source, "linkedin")).findings()).extracting(Finding::rule)
                    .as(source).doesNotContain("broadcast.repeat", "broadcast.cross-platform");
            assertThat(remembering.review(draft(LAUNCH, "lee", source)).findings()).extracting(Finding::rule)
                    .as(source).doesNotContain("broadcast.repeat", "broadcast.cross-platform");
        }
    }

    @Test
    void theSameTextReviewedForAnotherPlatformIsSaidToBeReviewedNotPosted() {
        fx.seed(LAUNCH, "lee", 2, "linkedin");
        Finding mine = only(fx.reviewer(false).review(draft(LAUNCH, "lee", "slack", "x")), "broadcast.cross-platform");
        assertThat(mine.message()).isEqualTo("You reviewed almost the same text for LinkedIn 2 hours ago: “Big news! Our spring collection is live: 40…”.");
        Finding theirs = only(fx.reviewer(false).review(draft(LAUNCH, "rui", "slack", "linkedin")), "broadcast.repeat");
        assertThat(theirs.message()).startsWith("lee reviewed almost the same text for LinkedIn 2 hours ago");
        // once it is posted, that is what counts
        fx.post(LAUNCH, "lee", 1, "linkedin");
        assertThat(only(fx.reviewer(false).review(draft(LAUNCH, "lee", "slack", "linkedin")), "broadcast.repeat").message())
                .startsWith("You posted almost the same text on LinkedIn an hour ago");
    }

    @Test
    void aCopyTrimmedForXIsFoundAndTheSharedPassageQuoted() {
        String facebook = "We are opening our second bakery on Rua Augusta this Saturday morning at nine. "
                + "The first hundred visitors get a free pastel de nata and a coffee on the house. "
                + "Bring your friends, your neighbours and your appetite, and tell us what you would like us to bake next!";
        fx.post(facebook, "lee", 24 * 12, "facebook");
        String x = "Second bakery opening on Rua Augusta! The first hundred visitors get a free pastel de nata and a coffee on the house.";
        Review r = fx.reviewer(false).review(draft(x, "rui", "cli", "x"));
        Finding f = only(r, "broadcast.cross-platform");
        assertThat(f.message()).isEqualTo("The team posted a text with the same passage on Facebook on 20 February (lee): "
                + "“The first hundred visitors get a free pastel…”.");
        assertThat(x.substring(f.start(), f.end())).isEqualTo("The first hundred visitors get a free pastel de nata and a coffee on the house");
        // the first two sentences alone: a shorter version
        String shorter = facebook.substring(0, facebook.indexOf("house.") + 6);
        assertThat(only(fx.reviewer(false).review(draft(shorter, "rui", "cli", "facebook")), "broadcast.repeat").message())
                .startsWith("The team posted a longer version of this text on Facebook on 20 February (lee)");
    }

    @Test
    void mutedHistoryRulesStaySilent() {
        fx.seed(LAUNCH, "Maya", 1);
        Review r = fx.reviewer(false).review(draft(LAUNCH, "Rui", "cli"), Set.of("broadcast.repeat"));
        assertThat(r.findings()).extracting(Finding::rule).doesNotContain("broadcast.repeat");
    }

    @Test
    void theThanksStreamCountsTodaysThankYousOnly() {
        for (int i = 0; i < 4; i++) {
            fx.seed("Thanks for the follow, friend number " + i + "!", "Sam", 30 + i); // yesterday and before
        }
        HistoryReviewer r = fx.reviewer(true);
        for (int i = 0; i < 4; i++) {
            assertThat(r.review(draft("Thanks for the follow, friend number " + (10 + i) + "!", "Sam", "cli")).findings())
                    .extracting(Finding::rule).doesNotContain("broadcast.thanks-stream");
        }
        Finding f = only(r.review(draft("Thanks for the follow, friend number 99!", "Sam", "cli")), "broadcast.thanks-stream");
        assertThat(f.message()).startsWith("Counting this one, the team has written 5 near-identical thank-yous or welcomes in the last 24 hours, like “Thanks for the follow, friend number");
    }

    @Test
    void otherTeamsHistoryIsNotThisTeams() {
        fx.seed(LAUNCH, "Maya", 1);
        var d = draft(LAUNCH, "Rui", "slack");
        var other = new io.candor.review.Draft(d.text(), d.platforms(), d.replyTo(),
                io.candor.review.Writer.stored("slack", "team-2", d.author()));
        assertThat(fx.reviewer(false).review(other).findings()).extracting(Finding::rule).doesNotContain("broadcast.repeat");
    }
}
