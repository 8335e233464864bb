package io.candor.remind;

import io.candor.chat.Reply;
import io.candor.identity.PersonRef;
import io.candor.mention.BusinessHours;
import io.candor.mention.Flag;
import io.candor.mention.MentionLines;
import io.candor.mention.People;
import io.candor.mention.model.Mention;
import io.candor.prompts.Prompts;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Writes a day's reminders: one DM per assignee with their own mentions, oldest first (nobody
 * with nothing waiting gets one), and one short team summary with the counts and the
 * unassigned mentions. Each message carries only the lines it shows and counts the rest, so a
 * backlog of 100,000 never has to be read to write it. Pure: no clock, no database, no sending.
 */
public final class DailyReminders {
    private static final int SUMMARY_LINES = 10;

    private final ReminderSettings settings;
    private final MentionLines text;
    private final People people;
    private final Prompts prompts;
    private final Duration minAge;

    public DailyReminders(ReminderSettings settings, MentionLines text, People people, Prompts prompts) {
        this.settings = settings;
        this.text = text;
        this.people = people;
        this.prompts = prompts;
        this.minAge = MentionLines.hours(settings.minAgeHours());
    }

    /**
     * Which mentions count at an instant, by when they were received: those received by
     * {@code dueBy} are old enough for a reminder (all, when empty), those by {@code escalatedBy}
     * are past the escalation age.
     */
    public record Ages(Optional<Instant> dueBy, Optional<Instant> escalatedBy) {
    }

    public Ages ages(Instant now) {
        BusinessHours hours = text.businessHours();
        return new Ages(hours.receivedBy(now, minAge), hours.receivedBy(now, text.escalateAfter()));
    }

    /**
     * A person's DM: the heading counts all {@code waiting} mentions ({@code escalated} of them past
     * the escalation age); the lines are the oldest of them, at most {@code dm_lines}.
     */
    public Reply.Mentions dm(PersonRef owner, int waiting, int escalated, List<Mention> oldest, Instant now) {
        List<Reply.MentionLine> lines = lines(oldest, settings.dmLines(), now);
        String heading = prompts.render("mentions:reminder.dm-heading", Map.of("name", people.display(owner),
                "count", waiting, "one", waiting == 1, "escalated", Flag.of(escalated)));
        return new Reply.Mentions(heading, lines, prompts.render("mentions:reminder.dm-footer"),
                Math.max(0, waiting - lines.size()));
    }

    /** What the team summary counts: every mention a reminder counts, and those nobody owns. */
    public record Totals(int total, int people, int escalated, int unassigned) {
    }

    /** The team's summary: the counts, then the oldest unassigned mentions, at most ten. */
    public Reply.Mentions summary(Totals t, List<Mention> oldestUnassigned, Instant now) {
        String heading = prompts.render("mentions:reminder.summary-heading", Map.of("total", t.total(), "people", t.people(),
                "escalated", Flag.of(t.escalated()), "unassigned", Flag.of(t.unassigned())));
        List<Reply.MentionLine> shown = lines(oldestUnassigned, SUMMARY_LINES, now);
        String footer = t.unassigned() == 0 ? "" : prompts.render("mentions:reminder.summary-footer",
                Map.of("more", Flag.of(Math.max(0, t.unassigned() - shown.size()))));
        return new Reply.Mentions(heading, shown, footer);
    }

    /** How many unassigned mentions the summary shows. */
    public int summaryLines() {
        return SUMMARY_LINES;
    }

    private List<Reply.MentionLine> lines(List<Mention> oldest, int max, Instant now) {
        BusinessHours hours = text.businessHours();
        List<Reply.MentionLine> out = new ArrayList<>(Math.min(max, oldest.size()));
        for (Mention m : oldest.subList(0, Math.min(max, oldest.size()))) {
            Duration age = hours.between(m.receivedAt(), now);
            out.add(new Reply.MentionLine(Long.toString(m.id()), MentionLines.platformName(m.platform()),
                    m.author(), text.quote(m.text()), m.url() == null ? "" : m.url(), text.age(age), text.escalated(age)));
        }
        return out;
    }

    public ReminderSettings settings() {
        return settings;
    }

    static String dmKey(PersonRef recipient, LocalDate day) {
        return "dm:" + recipient.key() + ":" + day;
    }

    static String summaryKey(LocalDate day) {
        return "summary:" + day;
    }
}
