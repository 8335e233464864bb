package io.candor.stats;

import io.candor.config.CandorConfig;
import io.candor.mention.People;
import io.candor.remind.ChatRouter;
import io.candor.remind.ReminderSettings;
import io.candor.prompts.Prompts;
import io.candor.store.Database;
import io.candor.store.ReviewLogStore;
import io.candor.store.StatsStore;
import java.time.Clock;

/** Team stats put together from the settings: for {@code candor stats}, chat and the weekly digest. */
public record StatsModule(StatsSettings settings, TeamStats stats, StatsText text, StatsChart chart, StatsStore store,
                          Prompts prompts, Clock clock) {

    public static StatsModule assemble(CandorConfig cfg, Database db, People people, Prompts prompts, Clock clock) {
        StatsSettings settings = StatsSettings.from(cfg);
        ReminderSettings reminders = cfg.section("reminders", ReminderSettings.class);
        StatsStore store = new StatsStore(db);
        TeamStats stats = new TeamStats(new ReviewLogStore(db), store, people, reminders.businessHours(), settings, clock);
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
