package io.candor.stats;

import io.candor.mention.BusinessHours;
import io.candor.mention.People;
import io.candor.prompts.Prompts;
import io.candor.remind.ChatRouter;
import io.candor.store.Database;
import io.candor.store.ReviewLogStore;
import io.candor.store.StatsStore;
import java.time.Clock;

/** Team stats put together from their settings: for {@code candor stats}, chat and the weekly digest. */
public record StatsModule(StatsSettings settings, TeamStats stats, StatsText text, StatsChart chart, StatsStore store,
                          Prompts prompts, Clock clock) {

    /** @param teamHours the team's working time (the reminders' days and hours), which reply times count */
    public static StatsModule assemble(StatsSettings settings, BusinessHours teamHours, Database db, People people,
                                       Prompts prompts, Clock clock) {
        StatsStore store = new StatsStore(db);
        TeamStats stats = new TeamStats(new ReviewLogStore(db), store, people, teamHours, settings, clock);
        return new StatsModule(settings, stats, new StatsText(prompts), new StatsChart(prompts), store, prompts, clock);
    }

    public ChatStats desk() {
        return new ChatStats(stats, text, chart, prompts);
    }

    /** The weekly digest, sent to the team channel (reminders.summary) through these surfaces. */
    public WeeklyDigest digest(ChatRouter router) {
        return new WeeklyDigest(this, router);
    }
}
