package io.candor.stats;

import io.candor.config.CandorConfig;
import io.candor.config.ConfigException;
import io.candor.config.StrictSettings;
import java.time.DayOfWeek;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;

/**
 * The {@code stats:} section of candor.yaml: the reply-time target, how open mentions are
 * banded by age, how much a report lists, and the optional weekly digest. Read strictly: a
 * misspelt key is an error naming the file and the key.
 */
public record StatsSettings(Double replyTargetHours, List<Integer> ageBandsHours, Integer sinceDays,
                            Integer oldestShown, Integer topFindings, Digest digest) {
    /** The weekly digest to the team channel (reminders.summary): off unless enabled. */
    public record Digest(Boolean enabled, String day, String time, Integer weeks) {
        public Digest {
            enabled = enabled != null && enabled;
            day = day == null ? "mon" : day;
            time = time == null ? "09:00" : time;
            weeks = weeks == null ? 4 : weeks;
            dayOfWeek(day);
            localTime(time);
            if (weeks < 1 || weeks > 52) {
                throw new ConfigException("stats.digest.weeks must be 1 to 52, not " + weeks);
            }
        }

        public DayOfWeek dayOfWeek() {
            return dayOfWeek(day);
        }

        public LocalTime at() {
            return localTime(time);
        }

        private static DayOfWeek dayOfWeek(String s) {
            String k = s.strip().toLowerCase(Locale.ROOT);
            for (DayOfWeek d : DayOfWeek.values()) {
                if (k.length() >= 3 && d.name().toLowerCase(Locale.ROOT).startsWith(k)) {
                    return d;
                }
            }
            throw new ConfigException("stats.digest.day: '" + s + "' is not a day (mon, tue, … sun)");
        }

        private static LocalTime localTime(String s) {
            try {
                return LocalTime.parse(s.strip());
            } catch (DateTimeParseException e) {
                throw new ConfigException("stats.digest.time: '" + s + "' is not a time of day like 09:00");
            }
        }
    }

    public StatsSettings {
        replyTargetHours = replyTargetHours == null ? 4.0 : replyTargetHours;
        ageBandsHours = ageBandsHours == null || ageBandsHours.isEmpty() ? List.of(4, 8, 24) : List.copyOf(ageBandsHours);
        sinceDays = sinceDays == null ? 30 : sinceDays;
        oldestShown = oldestShown == null ? 5 : oldestShown;
        topFindings = topFindings == null ? 5 : topFindings;
        digest = digest == null ? new Digest(null, null, null, null) : digest;
        if (replyTargetHours <= 0) {
            throw new ConfigException("stats.reply_target_hours must be above 0, not " + replyTargetHours);
        }
        for (int i = 0; i < ageBandsHours.size(); i++) {
            if (ageBandsHours.get(i) <= 0 || i > 0 && ageBandsHours.get(i) <= ageBandsHours.get(i - 1)) {
                throw new ConfigException("stats.age_bands_hours must be rising numbers above 0, like [4, 8, 24]");
            }
        }
        if (sinceDays < 1 || oldestShown < 0 || topFindings < 0) {
            throw new ConfigException("stats: since_days >= 1, oldest_shown >= 0, top_findings >= 0");
        }
    }

    public static StatsSettings defaults() {
        return new StatsSettings(null, null, null, null, null, null);
    }

    public static StatsSettings from(CandorConfig cfg) {
        return StrictSettings.decode(cfg.node("stats"), StatsSettings.class, cfg.where() + ": stats");
    }
}
