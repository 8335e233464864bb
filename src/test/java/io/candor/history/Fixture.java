package io.candor.history;

import io.candor.config.CandorConfig;
import io.candor.platform.Platform;
import io.candor.remind.TestClock;
import io.candor.review.Draft;
import io.candor.review.Reviewer;
import io.candor.review.Writer;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Shared set-up: default settings, a fresh in-memory H2 history and a movable clock (UTC). */
final class Fixture {
    static final CandorConfig CONFIG = CandorConfig.defaults();
    static final Reviewer RULES = new Reviewer(CONFIG);
    static final HistoryRules HISTORY_RULES = HistoryRules.load(CONFIG.rules());
    // a Wednesday, so "two days ago" has a weekday name
    static final Instant NOW = Instant.parse("2026-03-04T15:00:00Z");

    final TestClock clock = new TestClock(NOW);
    final History history;
    final String url = "jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";

    Fixture() {
        this(settings());
    }

    Fixture(HistorySettings settings) {
        history = History.open(url, settings, clock);
    }

    static HistorySettings settings() {
        HistorySettings s = CONFIG.section("history", HistorySettings.class);
        return new HistorySettings(s.enabled(), s.keepTextDays(), s.keepSignatureDays(), s.similarity(), s.containment(),
                s.minSharedWords(), s.minWholeWords(), s.minWords(), s.crossPlatformDays(), s.thanksMaxWords(), s.thanksCount(), s.thanksWindowHours(),
                s.thanksWords(), s.repostPrefixes(), s.shortWords(), s.quoteWords(), s.purgeEveryHours(), "UTC");
    }

    HistoryReviewer reviewer(boolean remember) {
        return new HistoryReviewer(RULES, history, HISTORY_RULES, clock, remember);
    }

    static Draft draft(String text, String author, String source, String... platforms) {
        List<Platform> ps = java.util.Arrays.stream(platforms).map(p -> Platform.find(p).orElseThrow()).toList();
        return new Draft(text, ps, Optional.empty(), Writer.stored(source, "team-1", author));
    }

    /** Keeps a post as published {@code hoursAgo} before NOW (imported, or marked "I posted this"). */
    void post(String text, String author, double hoursAgo, String... platforms) {
        clock.set(NOW.minusSeconds((long) (hoursAgo * 3600)));
        history.recordPosted(draft(text, author, "import", platforms));
        clock.set(NOW);
    }

    /** Remembers a draft as if it was reviewed {@code hoursAgo} before NOW. */
    void seed(String text, String author, double hoursAgo, String... platforms) {
        seedReply(text, author, hoursAgo, null, platforms);
    }

    /** Remembers a reply to {@code replyTo} (null: none) as if it was reviewed {@code hoursAgo} before NOW. */
    void seedReply(String text, String author, double hoursAgo, String replyTo, String... platforms) {
        clock.set(NOW.minusSeconds((long) (hoursAgo * 3600)));
        reviewer(true).review(draft(text, author, "cli", platforms).withReplyTo(replyTo));
        clock.set(NOW);
    }
}
