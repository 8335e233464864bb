package io.candor.remind;

import io.candor.config.ConfigException;
import io.candor.mention.BusinessHours;
import io.candor.mention.MentionLines;
import io.candor.prompts.Prompts;
import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The {@code reminders:} section: when the daily reminders go out and how ages count.
 * Times are local ("09:30"); {@code zone} is the team's, each person's own zone wins for
 * their DM when known.
 */
public record ReminderSettings(Boolean enabled, String time, String zone, List<String> weekdays,
                               String dayStarts, String dayEnds, Double minAgeHours, Double escalateAfterHours,
                               Integer quoteChars, Summary summary, Integer checkEveryMinutes,
                               Integer retryFirstSeconds, Integer retryWindowMinutes, Integer dmLines) {
    /** Where the daily team summary goes: a channel on one surface. */
    public record Summary(String surface, String team, String channel) {
    }

    public ReminderSettings {
        enabled = enabled == null || enabled;
        time = time == null ? "09:30" : time;
        zone = zone == null ? "UTC" : zone;
        weekdays = weekdays == null || weekdays.isEmpty() ? List.of("mon", "tue", "wed", "thu", "fri") : List.copyOf(weekdays);
        dayStarts = dayStarts == null ? "09:00" : dayStarts;
        dayEnds = dayEnds == null ? "17:00" : dayEnds;
        minAgeHours = minAgeHours == null ? 1.0 : minAgeHours;
        escalateAfterHours = escalateAfterHours == null ? 16.0 : escalateAfterHours;
        quoteChars = quoteChars == null ? 120 : quoteChars;
        checkEveryMinutes = checkEveryMinutes == null ? 5 : checkEveryMinutes;
        retryFirstSeconds = retryFirstSeconds == null ? 60 : retryFirstSeconds;
        retryWindowMinutes = retryWindowMinutes == null ? 120 : retryWindowMinutes;
        dmLines = dmLines == null ? 20 : dmLines;
        // check everything now, so a typo stops `candor serve` at start, not at 09:30
        localTime(time, "time");
        if (!localTime(dayStarts, "day_starts").isBefore(localTime(dayEnds, "day_ends"))) {
            throw new ConfigException("reminders: day_starts must be before day_ends");
        }
        try {
            ZoneId.of(zone);
        } catch (DateTimeException e) {
            throw new ConfigException("reminders.zone: unknown time zone '" + zone + "' (use a region such as Europe/Paris)");
        }
        days(weekdays);
        if (minAgeHours < 0 || escalateAfterHours <= 0 || checkEveryMinutes < 1 || quoteChars < 10) {
            throw new ConfigException("reminders: min_age_hours >= 0, escalate_after_hours > 0, check_every_minutes >= 1, quote_chars >= 10");
        }
        if (retryFirstSeconds < 1 || retryWindowMinutes < 0) {
            throw new ConfigException("reminders: retry_first_seconds >= 1, retry_window_minutes >= 0");
        }
        if (dmLines < 1 || dmLines > 100) {
            throw new ConfigException("reminders.dm_lines: " + dmLines + " is not from 1 to 100");
        }
    }

    public static ReminderSettings defaults() {
        return new ReminderSettings(null, null, null, null, null, null, null, null, null, null, null, null, null, null);
    }

    public ZoneId zoneId() {
        return ZoneId.of(zone);
    }

    public LocalTime at() {
        return localTime(time, "time");
    }

    /**
     * How long to wait before delivery attempt {@code attempt + 1} after attempt {@code attempt}
     * failed: doubling from {@code retry_first_seconds}, at most 30 minutes apart.
     */
    public java.time.Duration retryAfter(int attempt) {
        long seconds = (long) retryFirstSeconds << Math.min(attempt - 1, 20);
        return java.time.Duration.ofSeconds(Math.min(seconds, 30 * 60));
    }

    public java.time.Duration retryWindow() {
        return java.time.Duration.ofMinutes(retryWindowMinutes);
    }

    public BusinessHours businessHours() {
        return new BusinessHours(zoneId(), days(weekdays), localTime(dayStarts, "day_starts"), localTime(dayEnds, "day_ends"));
    }

    /** How mention lists read under these settings: ages in these business hours, escalation, quote length. */
    public MentionLines mentionLines(Prompts prompts) {
        return new MentionLines(businessHours(), MentionLines.hours(escalateAfterHours), quoteChars, prompts);
    }

    public ReminderSettings at(String newTime) {
        return new ReminderSettings(enabled, newTime, zone, weekdays, dayStarts, dayEnds, minAgeHours,
                escalateAfterHours, quoteChars, summary, checkEveryMinutes, retryFirstSeconds, retryWindowMinutes, dmLines);
    }

    private static LocalTime localTime(String s, String field) {
        try {
            return LocalTime.parse(s.strip());
        } catch (DateTimeParseException e) {
            throw new ConfigException("reminders." + field + ": '" + s + "' is not a time of day like 09:30");
        }
    }

    static Set<DayOfWeek> days(List<String> names) {
        Set<DayOfWeek> out = EnumSet.noneOf(DayOfWeek.class);
        for (String n : names) {
            String k = n.strip().toLowerCase(Locale.ROOT);
            DayOfWeek d = null;
            for (DayOfWeek w : DayOfWeek.values()) {
                String full = w.name().toLowerCase(Locale.ROOT);
                if (k.length() >= 3 && full.startsWith(k)) {
                    d = w;
                }
            }
            if (d == null) {
                throw new ConfigException("reminders.weekdays: '" + n + "' is not a day (mon, tue, … sun)");
            }
            out.add(d);
        }
        return out;
    }
}
