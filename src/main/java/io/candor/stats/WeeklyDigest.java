package io.candor.stats;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.Schedules;
import io.candor.chat.Reply;
import io.candor.remind.ChatRouter;
import io.candor.remind.Outgoing;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The weekly digest: the team's figures over the last {@code stats.digest.weeks} weeks, with
 * the chart, in the team channel (reminders.summary) on the configured day and time of the
 * team's zone. Team figures only: no one's own row goes to a channel. The week is claimed in
 * the database before sending, so restarts and several instances send it once; a send that
 * fails releases the claim and the next check tries again, until the week is over.
 */
public final class WeeklyDigest {
    public static final String TASK = "candor-weekly-digest";
    private static final Logger LOG = LoggerFactory.getLogger(WeeklyDigest.class);

    private final StatsModule stats;
    private final ChatRouter router;

    WeeklyDigest(StatsModule stats, ChatRouter router) {
        this.stats = stats;
        this.router = router;
    }

    /** The recurring check for db-scheduler, next to the daily reminders'. */
    public RecurringTask<Void> task(Duration every) {
        return Tasks.recurring(TASK, Schedules.fixedDelay(every))
                .execute((instance, ctx) -> runDue(stats.clock().instant()));
    }

    /** The Monday of the week whose digest is due at {@code now}, if one is. */
    Optional<LocalDate> dueWeek(Instant now) {
        StatsSettings.Digest d = stats.settings().digest();
        if (!d.enabled()) {
            return Optional.empty();
        }
        ZonedDateTime local = now.atZone(stats.stats().zone());
        LocalDate week = TeamStats.weekStart(local.toLocalDate());
        ZonedDateTime dueAt = week.plusDays(d.dayOfWeek().getValue() - 1L).atTime(d.at()).atZone(stats.stats().zone());
        return local.isBefore(dueAt) ? Optional.empty() : Optional.of(week);
    }

    /** Sends this week's digest when it is due and was not sent; true when it went out now. */
    public boolean runDue(Instant now) {
        Optional<LocalDate> week = dueWeek(now);
        if (week.isEmpty() || stats.store().digestSent(week.get())) {
            return false;
        }
        Outgoing o = Outgoing.summary("digest:" + week.get(), week.get(), Reply.text(""), 0);
        Optional<ChatRouter.Target> target = router.target(o);
        if (target.isEmpty()) {
            return false; // no team channel on a running surface: nothing to claim
        }
        if (!stats.store().claimDigest(week.get(), now)) {
            return false;
        }
        try {
            target.get().send(Outgoing.summary(o.key(), o.day(), build(week.get(), now), 0));
        } catch (RuntimeException e) {
            stats.store().digestFailed(week.get());
            LOG.warn("The weekly digest could not be sent ({}); trying again at the next check", e.getClass().getSimpleName());
            return false;
        }
        stats.store().digestSent(week.get(), now);
        return true;
    }

    /** The digest itself: the weeks before the one it is sent in. */
    Reply build(LocalDate week, Instant now) {
        int weeks = stats.settings().digest().weeks();
        Period p = new Period(week.minusWeeks(weeks), week.minusDays(1), stats.stats().zone());
        StatsReport all = stats.stats().build(new StatsQuery(p, Optional.empty(), Optional.empty(), false));
        // a channel sees team figures: no list of whose mentions are oldest
        StatsReport r = new StatsReport(all.period(), all.at(), all.targetHours(), all.ageBands(), all.scopes(),
                all.teamWeeks(), all.person(), all.personWeeks(), java.util.List.of(), all.findings(), all.muted());
        String text = stats.prompts().render("stats:digest.heading", Map.of("weeks", weeks)) + "\n"
                + stats.text().render(r, Optional.empty());
        return new Reply.Figures(text, Optional.of(new Reply.Chart("candor-weekly-" + week + ".png",
                stats.prompts().render("stats:chart.title"), stats.chart().altText(), stats.chart().png(r))));
    }
}
