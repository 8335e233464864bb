package io.candor.stats;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Whole days in the team's zone, first and last included: what a report covers.
 * {@code --since 30d} is the last 30 days with today; {@code --since 2026-11-01} starts that day.
 */
public record Period(LocalDate first, LocalDate last, ZoneId zone) {
    private static final Pattern RELATIVE = Pattern.compile("(\\d{1,4})\\s*([dw])", Pattern.CASE_INSENSITIVE);

    /** The first instant of the period. */
    public Instant start() {
        return first.atStartOfDay(zone).toInstant();
    }

    /** The first instant after the period. */
    public Instant end() {
        return last.plusDays(1).atStartOfDay(zone).toInstant();
    }

    public long days() {
        return ChronoUnit.DAYS.between(first, last) + 1;
    }

    /**
     * Reads {@code --since} and {@code --until}; empty values take the defaults (the last
     * {@code defaultDays} days, up to today).
     *
     * @throws IllegalArgumentException with a one-line reason a user can act on
     */
    public static Period parse(String since, String until, Instant now, ZoneId zone, int defaultDays) {
        LocalDate today = now.atZone(zone).toLocalDate();
        LocalDate last = until == null || until.isBlank() ? today : date(until, "--until");
        LocalDate first;
        if (since == null || since.isBlank()) {
            first = last.minusDays(defaultDays - 1L);
        } else {
            Optional<Integer> days = relative(since);
            first = days.isPresent() ? today.minusDays(days.get() - 1L) : date(since, "--since");
        }
        if (first.isAfter(today)) {
            throw new IllegalArgumentException("--since " + since.strip() + " is in the future (today is " + today
                    + " in " + zone.getId() + ")");
        }
        if (first.isAfter(last)) {
            throw new IllegalArgumentException("--since " + first + " is after --until " + last);
        }
        return new Period(first, last, zone);
    }

    /** "30d" → 30, "2w" → 14; empty when it is not a relative length. */
    static Optional<Integer> relative(String s) {
        Matcher m = RELATIVE.matcher(s.strip());
        if (!m.matches()) {
            return Optional.empty();
        }
        int n = Integer.parseInt(m.group(1));
        if (n == 0) {
            throw new IllegalArgumentException("--since " + s.strip() + " covers no days: use at least 1d");
        }
        return Optional.of(m.group(2).toLowerCase(Locale.ROOT).equals("w") ? n * 7 : n);
    }

    private static LocalDate date(String s, String option) {
        try {
            return LocalDate.parse(s.strip());
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(option + " '" + s.strip() + "' is not a date like 2026-11-01"
                    + (option.equals("--since") ? " or a length like 30d or 4w" : ""));
        }
    }
}
