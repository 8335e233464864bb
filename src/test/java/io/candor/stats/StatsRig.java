package io.candor.stats;

import io.candor.TestTeam;
import io.candor.chat.ChatUser;
import io.candor.history.History;
import io.candor.history.HistoryReviewer;
import io.candor.history.HistoryRules;
import io.candor.history.HistorySettings;
import io.candor.identity.PersonRef;
import io.candor.mention.model.Ingested;
import io.candor.mention.model.NewMention;
import io.candor.platform.Platform;
import io.candor.review.Draft;
import io.candor.review.Review;
import io.candor.store.ReviewLogStore;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** A team with stats: mentions and reviews made through the real tracker and reviewer, on a clock the test moves. */
final class StatsRig implements AutoCloseable {
    static final String YAML = TestTeam.PEOPLE + """
            reminders:
              zone: Europe/Paris
              day_starts: "09:00"
              day_ends: "17:00"
            stats:
              reply_target_hours: 4
            """;
    /** A word that is in every draft and mention the rig makes, and must never come out of stats. */
    static final String SECRET = "zanzibarquux";

    final TestTeam team;
    final History history;
    final HistoryReviewer reviewer;
    final StatsModule stats;
    private int sources;

    StatsRig(Instant start) {
        this(YAML, start);
    }

    StatsRig(String yaml, Instant start) {
        team = TestTeam.create(yaml, start);
        history = History.over(team.db, team.config.section("history", HistorySettings.class), team.clock);
        reviewer = new HistoryReviewer(team.reviewer, history, HistoryRules.load(team.config.rules()), team.clock, true)
                .recording(new ReviewRecorder(new ReviewLogStore(team.db), team.settings.reminders().zoneId(), team.clock));
        stats = StatsModule.assemble(team.settings.stats(), team.settings.reminders().businessHours(), team.db, team.m.people(), team.reviewer.prompts(), team.clock);
    }

    /** A mention on {@code platform} arriving now, owned by {@code owner}; returns its id. */
    long mention(String platform, String owner) {
        List<Ingested> in = team.m.tracker().ingest(List.of(new NewMention(platform, "src-" + (++sources), "someone",
                "Hello " + SECRET + ", when do you ship?", null, team.clock.instant(), Optional.ofNullable(owner).map(PersonRef::named), null)), "webhook");
        return in.get(0).mention().id();
    }

    void answer(long id, ChatUser by) {
        team.m.tracker().done(by, Long.toString(id));
    }

    Review review(ChatUser writer, String text, Platform... platforms) {
        return reviewer.review(new Draft(text + " " + SECRET, List.of(platforms), Optional.empty(), writer.writer()));
    }

    StatsReport report(String since, String until, Optional<String> person, Optional<String> platform, boolean everyone) {
        Period p = Period.parse(since, until, team.clock.instant(), stats.stats().zone(), 30);
        return stats.stats().build(new StatsQuery(p, person.map(PersonRef::parse), platform, everyone));
    }

    ReviewLogStore reviews() {
        return new ReviewLogStore(team.db);
    }

    @Override
    public void close() {
        history.close();
        team.close();
    }
}
