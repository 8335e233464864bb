package io.candor.remind;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.SchedulerName;
import com.github.kagkarlsson.scheduler.exceptions.TaskInstanceException;
import com.github.kagkarlsson.scheduler.logging.LogLevel;
import com.github.kagkarlsson.scheduler.task.TaskInstanceId;
import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.Schedules;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import javax.sql.DataSource;

/**
 * Runs the reminder check on db-scheduler in cluster mode: its one row in
 * {@code scheduled_tasks} is shared by every Candor instance on the database, and each run is
 * picked by exactly one of them (an optimistic lock on the row; each instance has its own
 * scheduler name, and a run whose instance died is taken over once its heartbeat is stale).
 * The check itself is idempotent (each reminder is claimed in the database before it is
 * sent), so catch-up after downtime or two instances checking at once never send twice.
 */
public final class ReminderScheduler implements AutoCloseable {
    public static final String TASK = "candor-daily-reminders";

    private final Scheduler scheduler;
    private final String name;

    private ReminderScheduler(Scheduler scheduler, String name) {
        this.scheduler = scheduler;
        this.name = name;
    }

    /** The recurring task: every few minutes, send what is due at the clock's now. */
    public static RecurringTask<Void> task(ReminderService service, Clock clock, ReminderSettings settings) {
        return Tasks.recurring(TASK, Schedules.fixedDelay(Duration.ofMinutes(settings.checkEveryMinutes())))
                .execute((instance, ctx) -> service.runDue(clock.instant()));
    }

    /** Starts the scheduler under a name unique to this process; first sends anything already due today. */
    public static ReminderScheduler start(DataSource db, ReminderService service, Clock clock, ReminderSettings settings) {
        return start(db, service, clock, settings, java.util.List.of(), instanceName());
    }

    /**
     * The same, with more recurring tasks on the same scheduler (the weekly stats digest), under
     * this instance's name.
     *
     * @param name this instance's name in {@code scheduled_tasks.picked_by} (at most 50 characters)
     */
    public static ReminderScheduler start(DataSource db, ReminderService service, Clock clock, ReminderSettings settings,
                                          java.util.List<RecurringTask<Void>> more, String name) {
        service.runDue(clock.instant());
        String n = name.length() <= 50 ? name : name.substring(0, 50);
        java.util.List<RecurringTask<?>> tasks = new java.util.ArrayList<>(more);
        tasks.add(0, task(service, clock, settings));
        Scheduler s = Scheduler.create(db)
                .startTasks(tasks)
                .schedulerName(new SchedulerName.Fixed(n))
                .threads(1)
                .pollingInterval(Duration.ofSeconds(30))
                .heartbeatInterval(Duration.ofSeconds(30))
                // a run that fails (the database gone) is one line, not a stack trace every few minutes
                .failureLogging(LogLevel.WARN, false)
                .build();
        s.start();
        return new ReminderScheduler(s, n);
    }

    /** host:pid, so {@code scheduled_tasks.picked_by} says which instance holds a run. */
    public static String instanceName() {
        String host;
        try {
            host = java.net.InetAddress.getLocalHost().getHostName();
        } catch (java.io.IOException e) {
            host = "candor";
        }
        return host + ":" + ProcessHandle.current().pid();
    }

    public String name() {
        return name;
    }

    /**
     * Makes the check due now and looks for it at once, rather than at the next poll. Called
     * on several instances together, the check still runs once: whichever picks the row.
     */
    public void checkNow() {
        try {
            scheduler.reschedule(TaskInstanceId.of(TASK, RecurringTask.INSTANCE), Instant.now());
        } catch (TaskInstanceException busy) {
            // another instance is running the check right now, or rescheduled it a moment before this one
            return;
        }
        scheduler.triggerCheckForDueExecutions();
    }

    @Override
    public void close() {
        scheduler.stop();
    }
}
