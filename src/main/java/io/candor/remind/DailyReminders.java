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
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Builds a day's reminders from the waiting mentions: one DM per assignee with their own,
 * oldest first (nobody with nothing waiting gets one), and one short team summary with
 * the counts and the unassigned mentions. Pure: no clock, no database, no sending.
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

    /** A person's DM and what it is about. */
    public record PersonReminder(PersonRef recipient, Reply.Mentions reply, int mentions, int escalated) {
    }

    /** Everything due on one day, before deciding who is due at this minute. */
    public record Plan(List<PersonReminder> people, Reply summary, int total, int unassigned) {
    }

    /** @param waiting open and in-progress mentions, oldest first */
    public Plan build(List<Mention> waiting, Instant now) {
        BusinessHours hours = text.businessHours();
        Map<PersonRef, List<Reply.MentionLine>> byPerson = new LinkedHashMap<>();
        Map<PersonRef, Integer> escalated = new HashMap<>();
        List<Reply.MentionLine> unassigned = new ArrayList<>();
        int total = 0;
        int escalatedTotal = 0;
        for (Mention m : waiting) {
            if (m.snoozedAt(now)) {
                continue;
            }
            Duration age = hours.between(m.receivedAt(), now);
            if (age.compareTo(minAge) < 0) {
                continue;
            }
            total++;
            Reply.MentionLine line = new Reply.MentionLine(Long.toString(m.id()), MentionLines.platformName(m.platform()),
                    m.author(), text.quote(m.text()), m.url() == null ? "" : m.url(), text.age(age), text.escalated(age));
            if (line.escalated()) {
                escalatedTotal++;
            }
            if (m.assignee().isEmpty()) {
                unassigned.add(line);
            } else {
                PersonRef owner = m.assignee().get();
                byPerson.computeIfAbsent(owner, k -> new ArrayList<>()).add(line);
                if (line.escalated()) {
                    escalated.merge(owner, 1, Integer::sum);
                }
            }
        }
        List<PersonReminder> dms = new ArrayList<>(byPerson.size());
        for (Map.Entry<PersonRef, List<Reply.MentionLine>> e : byPerson.entrySet()) {
            int n = e.getValue().size();
            int esc = escalated.getOrDefault(e.getKey(), 0);
            String heading = prompts.render("mentions:reminder.dm-heading", Map.of("name", people.display(e.getKey()), "count", n,
                    "one", n == 1, "escalated", Flag.of(esc)));
            dms.add(new PersonReminder(e.getKey(), new Reply.Mentions(heading, e.getValue(),
                    prompts.render("mentions:reminder.dm-footer")), n, esc));
        }
        Reply summary = null;
        if (total > 0) {
            String heading = prompts.render("mentions:reminder.summary-heading", Map.of("total", total, "people", dms.size(),
                    "escalated", Flag.of(escalatedTotal), "unassigned", Flag.of(unassigned.size())));
            List<Reply.MentionLine> shown = unassigned.subList(0, Math.min(SUMMARY_LINES, unassigned.size()));
            String footer = unassigned.isEmpty() ? "" : prompts.render("mentions:reminder.summary-footer",
                    Map.of("more", Flag.of(Math.max(0, unassigned.size() - SUMMARY_LINES))));
            summary = new Reply.Mentions(heading, shown, footer);
        }
        return new Plan(dms, summary, total, unassigned.size());
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
