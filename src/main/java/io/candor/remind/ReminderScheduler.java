package io.candor.remind;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.Schedules;
import java.time.Clock;
import java.time.Duration;
import javax.sql.DataSource;

/**
 * Runs the reminder check on db-scheduler, which keeps its state in the shared database so
 * several Candor instances run each check once between them. The check itself is
 * idempotent (sent keys), so running it often is safe and gives catch-up after downtime.
 */
public final class ReminderScheduler implements AutoCloseable {
    public static final String TASK = "candor-daily-reminders";

    private final Scheduler scheduler;

    private ReminderScheduler(Scheduler scheduler) {
        this.scheduler = scheduler;
    }

    /** The recurring task: every few minutes, send what is due at the clock's now. */
    public static RecurringTask<Void> task(ReminderService service, Clock clock, ReminderSettings settings) {
        return Tasks.recurring(TASK, Schedules.fixedDelay(Duration.ofMinutes(settings.checkEveryMinutes())))
                .execute((instance, ctx) -> service.runDue(clock.instant()));
    }

    /** Starts the scheduler; first sends anything already due today (catch-up after downtime). */
    public static ReminderScheduler start(DataSource db, ReminderService service, Clock clock, ReminderSettings settings) {
        return start(db, service, clock, settings, java.util.List.of());
    }

    /** The same, with more recurring tasks on the same scheduler (the weekly stats digest). */
    public static ReminderScheduler start(DataSource db, ReminderService service, Clock clock, ReminderSettings settings,
                                          java.util.List<RecurringTask<Void>> more) {
        service.runDue(clock.instant());
        java.util.List<RecurringTask<?>> tasks = new java.util.ArrayList<>(more);
        tasks.add(0, task(service, clock, settings));
        Scheduler s = Scheduler.create(db)
                .startTasks(tasks)
                .threads(1)
                .pollingInterval(Duration.ofSeconds(30))
                .build();
        s.start();
        return new ReminderScheduler(s);
    }

    @Override
    public void close() {
        scheduler.stop();
    }
}
