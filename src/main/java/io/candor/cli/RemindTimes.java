package io.candor.cli;

import io.candor.mention.BusinessHours;
import io.candor.remind.ReminderSettings;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;

/** The moments a person can ask the terminal chat's {@code remind --at} about, in the team's zone. */
final class RemindTimes {
    private static final DateTimeFormatter SHOWN = DateTimeFormatter.ofPattern("EEE d MMM HH:mm", Locale.ENGLISH);

    private RemindTimes() {
    }

    /**
     * {@code next} (asks {@code next}), {@code now}, {@code tomorrow} (the next working day at the
     * reminder time), {@code 14:00} (today), {@code 2026-12-01} (at the reminder time) or
     * {@code 2026-12-01T09:30}; empty when it is none of these.
     */
    static Optional<Instant> parse(String s, Instant now, ReminderSettings rs, Function<Instant, Optional<Instant>> next) {
        ZoneId zone = rs.zoneId();
        String w = s.strip().toLowerCase(Locale.ROOT);
        try {
            return switch (w) {
                case "next" -> next.apply(now);
                case "now" -> Optional.of(now);
                case "tomorrow" -> slotsAfter(now.atZone(zone).toLocalDate().plusDays(1).atStartOfDay(zone).toInstant()
                        .minusSeconds(1), rs, 14).stream().findFirst();
                default -> {
                    if (w.matches("\\d{1,2}:\\d{2}")) {
                        yield Optional.of(now.atZone(zone).toLocalDate().atTime(LocalTime.parse(pad(w))).atZone(zone).toInstant());
                    }
                    if (w.matches("\\d{4}-\\d{2}-\\d{2}")) {
                        yield Optional.of(LocalDate.parse(w).atTime(rs.at()).atZone(zone).toInstant());
                    }
                    yield Optional.of(LocalDateTime.parse(s.strip().replace(' ', 'T')).atZone(zone).toInstant());
                }
            };
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    /** The daily reminder times on working days after {@code from}, for {@code days} days. */
    static List<Instant> slotsAfter(Instant from, ReminderSettings rs, int days) {
        ZoneId zone = rs.zoneId();
        BusinessHours hours = rs.businessHours();
        List<Instant> out = new ArrayList<>();
        LocalDate d = from.atZone(zone).toLocalDate();
        for (int i = 0; i <= days; i++, d = d.plusDays(1)) {
            Instant t = d.atTime(rs.at()).atZone(zone).toInstant();
            if (hours.isWorkday(d) && t.isAfter(from)) {
                out.add(t);
            }
        }
        return out;
    }

    /** A moment as a person reads it: local time to the minute, with the zone ("Mon 7 Dec 09:30 Europe/Paris"). */
    static String describe(Instant t, ZoneId zone) {
        return SHOWN.format(t.atZone(zone)) + " " + zone.getId();
    }

    private static final java.util.regex.Pattern INSTANT =
            java.util.regex.Pattern.compile("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}(:\\d{2}(\\.\\d{1,9})?)?Z");

    /** {@code text} with each ISO-8601 instant in it (as a mention's history stores them) {@link #describe}d. */
    static String localTimes(String text, ZoneId zone) {
        return INSTANT.matcher(text).replaceAll(m -> java.util.regex.Matcher.quoteReplacement(
                describe(Instant.parse(m.group()), zone)));
    }

    /** 1, 1.5: as the settings say it. */
    static String hours(double h) {
        return h == Math.rint(h) ? Long.toString((long) h) : Double.toString(h);
    }

    private static String pad(String hhmm) {
        return hhmm.length() == 4 ? "0" + hhmm : hhmm;
    }
}
