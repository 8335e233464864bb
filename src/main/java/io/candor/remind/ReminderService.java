package io.candor.remind;

import io.candor.chat.DeliveryFailure;
import io.candor.chat.Reply;
import io.candor.identity.PersonRef;
import io.candor.mention.BusinessHours;
import io.candor.mention.People;
import io.candor.mention.model.Mention;
import io.candor.prompts.Prompts;
import io.candor.store.MentionStore;
import io.candor.store.SentReminders;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Decides which reminders are due at a given instant and delivers each once. A person is due
 * from the reminder time in their own zone until the end of that working day, so a Candor
 * that was down at 09:30 catches up when it starts at 11:00, and sends nothing at 19:00.
 * Each reminder's key is claimed in the database before it is sent, so a restart or a
 * second instance never sends it twice; when the chat platform fails (a 500, a timeout) it
 * is tried again with a growing wait for {@code retry_window_minutes}, and one that still
 * fails is reported as an error in the log and in the team channel. A claim left behind by
 * a crash in the middle of a send is not retried: that one reminder may be lost, never doubled.
 */
public final class ReminderService {
    private static final Logger LOG = LoggerFactory.getLogger(ReminderService.class);
    /** Beyond this many owners, seeking each costs more than counting every waiting mention at 100,000. */
    private static final int OWNERS_TO_SEEK = 100;

    private final MentionStore store;
    private final SentReminders deliveries;
    private final DailyReminders builder;
    private final People people;
    private final ReminderSettings settings;
    private final ChatRouter router;
    private final Prompts prompts;
    private final Set<String> warned = ConcurrentHashMap.newKeySet();

    public ReminderService(MentionStore store, SentReminders deliveries, DailyReminders builder, People people,
                           ChatRouter router, Prompts prompts) {
        this.prompts = prompts;
        this.store = store;
        this.deliveries = deliveries;
        this.builder = builder;
        this.people = people;
        this.settings = builder.settings();
        this.router = router;
    }

    public ChatRouter router() {
        return router;
    }

    /** Reminders due now and not sent yet; {@code anyTime} ignores the time of day and weekday. */
    public List<Outgoing> due(Instant now, boolean anyTime) {
        if (anyTime) {
            return candidates(now, builder.ages(now), true, key -> true);
        }
        if (!anyWindowOpen(now)) {
            // nights and weekends everywhere: the check runs every few minutes, and would only
            // find that nobody is due
            return List.of();
        }
        LocalDate utc = now.atZone(ZoneOffset.UTC).toLocalDate();
        Set<String> notNow = deliveries.notDue(utc.minusDays(1), utc.plusDays(1), now);
        DailyReminders.Ages ages = builder.ages(now);
        if (everyOneSent(now, ages.dueBy(), notNow)) {
            return List.of(); // the checks between one morning's reminders and the next end here
        }
        return candidates(now, ages, false, key -> !notNow.contains(key));
    }

    /**
     * Whether no reminder due now is left to send, found without counting the waiting mentions:
     * one seek per owner (a team with more than {@link #OWNERS_TO_SEEK} owners is counted instead)
     * and, for a reminder not sent yet, one read of the oldest mention it would show.
     */
    private boolean everyOneSent(Instant now, Optional<Instant> dueBy, Set<String> notNow) {
        Optional<LocalDate> teamDay = dueDay(now, settings.zoneId(), false);
        if (teamDay.isPresent() && leftToSend(Optional.empty(), DailyReminders.summaryKey(teamDay.get()), notNow)
                && store.anyDue(MentionStore.Whose.ANYONE, now, dueBy)) {
            return false;
        }
        Optional<List<PersonRef>> owners = store.owners(OWNERS_TO_SEEK);
        if (owners.isEmpty()) {
            return false;
        }
        for (PersonRef owner : owners.get()) {
            Optional<LocalDate> day = dueDay(now, people.zone(owner).orElse(settings.zoneId()), false);
            if (day.isPresent() && leftToSend(Optional.of(owner), DailyReminders.dmKey(owner, day.get()), notNow)
                    && store.anyDue(MentionStore.Whose.of(owner), now, dueBy)) {
                return false;
            }
        }
        return true;
    }

    /** Not sent, and either reachable or not yet reported as unreachable (which a full check does once). */
    private boolean leftToSend(Optional<PersonRef> recipient, String key, Set<String> notNow) {
        return !notNow.contains(key) && (router.reaches(recipient) || !warned.contains(key));
    }

    /** A reminder that would go out at some instant, and whether it already went out. */
    public record Planned(Outgoing outgoing, boolean alreadySent, Optional<ChatRouter.Target> target) {
    }

    /** What is due at {@code now}, sent or not, and where each would go: for a dry run. */
    public List<Planned> preview(Instant now) {
        if (!anyWindowOpen(now)) {
            return List.of();
        }
        List<Outgoing> candidates = candidates(now, builder.ages(now), false, key -> true);
        Set<String> sent = candidates.isEmpty() ? Set.of() : sentAround(now);
        return candidates.stream().map(o -> new Planned(o, sent.contains(o.key()), router.target(o))).toList();
    }

    /** Sent keys for every local day {@code now} can be somewhere on Earth. */
    private Set<String> sentAround(Instant now) {
        LocalDate utc = now.atZone(ZoneOffset.UTC).toLocalDate();
        return deliveries.sent(utc.minusDays(1), utc.plusDays(1));
    }

    /**
     * The reminders due at {@code now} whose key is {@code wanted}. The counts come from one pass
     * over an index; a mention's text is read only for the lines a wanted reminder shows, so
     * the checks between one morning's reminders and the next read no text at all.
     */
    private List<Outgoing> candidates(Instant now, DailyReminders.Ages ages, boolean anyTime, Predicate<String> wanted) {
        List<MentionStore.OwnerCount> counts = store.waitingByOwner(now, ages.dueBy(), ages.escalatedBy());
        List<Outgoing> out = new ArrayList<>();
        int total = 0;
        int escalated = 0;
        int unassigned = 0;
        int owners = 0;
        for (MentionStore.OwnerCount c : counts) {
            total += c.waiting();
            escalated += c.escalated();
            if (c.owner().isEmpty()) {
                unassigned += c.waiting();
                continue;
            }
            owners++;
            PersonRef owner = c.owner().get();
            Optional<LocalDate> day = dueDay(now, people.zone(owner).orElse(settings.zoneId()), anyTime);
            String key = day.map(d -> DailyReminders.dmKey(owner, d)).orElse(null);
            if (key != null && wanted.test(key)) {
                List<Mention> oldest = store.oldestDue(MentionStore.Whose.of(owner), now, ages.dueBy(), settings.dmLines());
                out.add(Outgoing.to(owner, key, day.get(), builder.dm(owner, c.waiting(), c.escalated(), oldest, now),
                        c.waiting()));
            }
        }
        Optional<LocalDate> teamDay = dueDay(now, settings.zoneId(), anyTime);
        if (total > 0 && teamDay.isPresent() && wanted.test(DailyReminders.summaryKey(teamDay.get()))) {
            List<Mention> oldest = unassigned == 0 ? List.of()
                    : store.oldestDue(MentionStore.Whose.NOBODY, now, ages.dueBy(), builder.summaryLines());
            Reply summary = builder.summary(new DailyReminders.Totals(total, owners, escalated, unassigned), oldest, now);
            out.add(Outgoing.summary(DailyReminders.summaryKey(teamDay.get()), teamDay.get(), summary, total));
        }
        return out;
    }

    /** Whether anyone's reminder could be due now: the team's zone or a person's has its window open. */
    private boolean anyWindowOpen(Instant now) {
        if (dueDay(now, settings.zoneId(), false).isPresent()) {
            return true;
        }
        return people.zones().stream().anyMatch(z -> dueDay(now, z, false).isPresent());
    }

    /** The local day a reminder is due on at {@code now}, if the window is open. */
    Optional<LocalDate> dueDay(Instant now, ZoneId zone, boolean anyTime) {
        ZonedDateTime local = now.atZone(zone);
        if (anyTime) {
            return Optional.of(local.toLocalDate());
        }
        BusinessHours hours = settings.businessHours();
        LocalTime at = settings.at();
        LocalTime until = at.isBefore(hours.dayEnds()) ? hours.dayEnds() : LocalTime.MAX;
        LocalTime t = local.toLocalTime();
        boolean open = hours.isWorkday(local.toLocalDate()) && !t.isBefore(at) && t.isBefore(until);
        return open ? Optional.of(local.toLocalDate()) : Optional.empty();
    }

    /** Delivers reminders without recording them (the terminal chat's "remind now"). */
    public List<Outgoing> deliverNow(Instant now) {
        List<Outgoing> sent = new ArrayList<>();
        for (Outgoing o : due(now, true)) {
            router.target(o).ifPresent(t -> {
                t.send(o);
                sent.add(o);
            });
        }
        return sent;
    }

    /** Sends what is due, each exactly once; returns what was sent. */
    public List<Outgoing> runDue(Instant now) {
        if (!settings.enabled()) {
            return List.of();
        }
        List<Outgoing> sent = new ArrayList<>();
        for (Outgoing o : due(now, false)) {
            Optional<ChatRouter.Target> target = router.target(o);
            if (target.isEmpty()) {
                if (!warned.add(o.key())) {
                    continue; // said so once today already; the check runs every few minutes
                }
                LOG.warn("No chat surface reaches {} for today's reminder; add their slack or discord id under people:",
                        o.recipient().map(people::display).orElse("the summary channel"));
                continue;
            }
            Optional<SentReminders.Claim> claim = deliveries.claim(o.key(), o.recipient(), o.day(), o.mentions(), now);
            if (claim.isEmpty()) {
                continue; // delivered already, being delivered elsewhere, or its retry is not due yet
            }
            try {
                target.get().send(o);
            } catch (RuntimeException e) {
                failed(o, claim.get(), now, e);
                continue;
            }
            deliveries.delivered(o.key(), now);
            sent.add(o);
        }
        return sent;
    }

    /** Schedules the next try within the retry window and the working day, or gives up and says so. */
    private void failed(Outgoing o, SentReminders.Claim claim, Instant now, RuntimeException e) {
        // the kind of failure, never a message that could quote the reminder
        String why = e.getClass().getSimpleName() + (e instanceof DeliveryFailure f ? ": " + f.reason() : "");
        String who = o.recipient().map(people::display).orElse("the team summary");
        Instant retryAt = now.plus(settings.retryAfter(claim.attempt()));
        ZoneId zone = o.recipient().flatMap(people::zone).orElse(settings.zoneId());
        boolean inWindow = !retryAt.isAfter(claim.firstTriedAt().plus(settings.retryWindow()))
                && dueDay(retryAt, zone, false).filter(o.day()::equals).isPresent();
        if (inWindow) {
            deliveries.failed(o.key(), retryAt, why);
            LOG.warn("Reminder for {} failed (attempt {}: {}); trying again after {}", who, claim.attempt(), why, retryAt);
            return;
        }
        deliveries.failed(o.key(), null, why);
        LOG.error("Reminder for {} could not be delivered after {} attempt(s) ({}); giving up for {}", who,
                claim.attempt(), why, o.day());
        if (!o.summary()) {
            Outgoing notice = Outgoing.summary("undelivered:" + o.key(), o.day(),
                    Reply.text(prompts.render("mentions:reminder.undelivered", Map.of(
                            "name", who, "attempts", claim.attempt(), "why", why))), 0);
            router.target(notice).ifPresent(t -> {
                try {
                    t.send(notice);
                } catch (RuntimeException again) {
                    LOG.error("The team channel could not be told either ({})", again.getClass().getSimpleName());
                }
            });
        }
    }
}
