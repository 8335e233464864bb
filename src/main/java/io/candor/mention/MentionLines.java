package io.candor.mention;

import io.candor.chat.Reply;
import io.candor.mention.model.Mention;
import io.candor.platform.Platform;
import io.candor.prompts.Prompts;
import io.candor.text.Clip;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Mentions as lines a person reads: business-hours age, network, author, a short quote, the
 * link, and whether it is past the escalation age. Shared by {@code /coach mentions},
 * {@code candor mentions list} and the daily reminders (whose settings say how ages count).
 */
public final class MentionLines {
    private final BusinessHours hours;
    private final Duration escalateAfter;
    private final int quoteChars;
    private final Prompts prompts;
    private final Map<Long, String> ages = new ConcurrentHashMap<>();

    /**
     * @param hours         the team's working time, which ages count
     * @param escalateAfter the business age from which a mention is marked escalated
     * @param quoteChars    how much of a mention's text a line quotes
     */
    public MentionLines(BusinessHours hours, Duration escalateAfter, int quoteChars, Prompts prompts) {
        this.hours = hours;
        this.escalateAfter = escalateAfter;
        this.quoteChars = quoteChars;
        this.prompts = prompts;
    }

    /** A number of hours, as settings give them, as a duration (to the second). */
    public static Duration hours(double h) {
        return Duration.ofSeconds(Math.round(h * 3600));
    }

    public BusinessHours businessHours() {
        return hours;
    }

    public Reply.Mentions list(String heading, List<Mention> oldestFirst, Instant now) {
        return list(heading, oldestFirst, now, prompts.render("mentions:list-footer"));
    }

    public Reply.Mentions list(String heading, List<Mention> oldestFirst, Instant now, String footer) {
        return list(heading, oldestFirst, now, footer, 0);
    }

    /** @param more how many further mentions the list stands for without carrying them */
    public Reply.Mentions list(String heading, List<Mention> oldestFirst, Instant now, String footer, int more) {
        List<Reply.MentionLine> lines = new ArrayList<>(oldestFirst.size());
        for (Mention m : oldestFirst) {
            lines.add(line(m, now));
        }
        return new Reply.Mentions(heading, lines, footer, more);
    }

    public Reply.MentionLine line(Mention m, Instant now) {
        Duration age = hours.between(m.receivedAt(), now);
        return new Reply.MentionLine(Long.toString(m.id()), platformName(m.platform()), m.author(), quote(m.text()),
                m.url() == null ? "" : m.url(), age(age), escalated(age), m.assignee().isEmpty());
    }

    /** The business age from which a mention is marked escalated. */
    public Duration escalateAfter() {
        return escalateAfter;
    }

    public boolean escalated(Duration businessAge) {
        return businessAge.compareTo(escalateAfter) >= 0;
    }

    /** Age words, rendered once per distinct value: a reminder run ages 100,000 mentions. */
    public String age(Duration d) {
        long minutes = d.toMinutes();
        long day = Math.max(1, hours.workday().toMinutes());
        long bucket = minutes < 60 ? minutes : minutes < day ? 1_000_000 + minutes / 60 : 2_000_000 + minutes / day;
        return ages.computeIfAbsent(bucket, b -> renderAge(minutes));
    }

    private String renderAge(long minutes) {
        long day = Math.max(1, hours.workday().toMinutes());
        if (minutes < 60) {
            return prompts.render("mentions:reminder.age.minutes", Map.of("n", minutes));
        }
        if (minutes < day) {
            return prompts.render("mentions:reminder.age.hours", Map.of("n", minutes / 60));
        }
        long days = minutes / day;
        return prompts.render("mentions:reminder.age.days", Map.of("n", days));
    }

    public String quote(String text) {
        return Clip.withEllipsis(oneLine(text, quoteChars + 1), quoteChars);
    }

    /** Whitespace runs collapsed to one space, trimmed, and no longer than {@code max} chars. */
    static String oneLine(String text, int max) {
        StringBuilder sb = new StringBuilder(Math.min(text.length(), max));
        boolean space = false;
        for (int i = 0; i < text.length() && sb.length() < max; i++) {
            char c = text.charAt(i);
            if (Character.isWhitespace(c)) {
                space = sb.length() > 0;
            } else {
                if (space) {
                    sb.append(' ');
                    space = false;
                }
                sb.append(c);
            }
        }
        return sb.toString();
    }

    public static String platformName(String id) {
        return Platform.find(id).map(Platform::displayName).orElse(id);
    }
}
