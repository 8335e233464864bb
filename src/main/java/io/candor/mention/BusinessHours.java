package io.candor.mention;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.zone.ZoneRules;
import java.util.Optional;
import java.util.Set;

/**
 * Working time in the team's zone: which weekdays, from when to when. Ages count only
 * this time, so a mention from Friday evening is not "three days old" on Monday morning.
 * Counting is done on local clock times, so DST changes (always at night) do not make a
 * working day shorter or longer.
 */
public final class BusinessHours {
    private static final long ANCHOR_DAY = LocalDate.of(2000, 1, 3).toEpochDay(); // a Monday
    private static final long SECONDS_PER_DAY = 86_400;
    private static final long NANOS_PER_SECOND = 1_000_000_000;
    /** Year 1 in microseconds since the epoch: far enough back for any age a setting can give. */
    private static final long MIN_MICROS = -62_135_596_800L * 1_000_000L;

    private final ZoneId zone;
    /** Asked once: a fixed offset's getRules() makes new rules at every call. */
    private final ZoneRules rules;
    private final Set<DayOfWeek> days;
    private final LocalTime start;
    private final LocalTime end;
    private final long startNanos;
    private final long endNanos;
    private final long daySeconds;
    private final long weekSeconds;
    /** Working seconds in a week before each weekday (Monday = 0): a day's place in its week without a loop. */
    private final long[] beforeDay = new long[7];
    private final boolean[] workday = new boolean[7];

    public BusinessHours(ZoneId zone, Set<DayOfWeek> days, LocalTime start, LocalTime end) {
        this.zone = zone;
        this.rules = zone.getRules();
        this.days = Set.copyOf(days);
        this.start = start;
        this.end = end;
        this.startNanos = start.toNanoOfDay();
        this.endNanos = end.toNanoOfDay();
        this.daySeconds = Duration.between(start, end).toSeconds();
        this.weekSeconds = daySeconds * days.size();
        for (int i = 0; i < 7; i++) {
            workday[i] = this.days.contains(DayOfWeek.of(i + 1));
            if (i < 6) {
                beforeDay[i + 1] = beforeDay[i] + (workday[i] ? daySeconds : 0);
            }
        }
    }

    public ZoneId zone() {
        return zone;
    }

    /** The same working days and hours in another zone (a person's own). */
    public BusinessHours in(ZoneId other) {
        return new BusinessHours(other, days, start, end);
    }

    public boolean isWorkday(LocalDate d) {
        return days.contains(d.getDayOfWeek());
    }

    public LocalTime dayEnds() {
        return end;
    }

    public Duration workday() {
        return Duration.ofSeconds(daySeconds);
    }

    /** Business time between two instants (zero when {@code to} is not after {@code from}). */
    public Duration between(Instant from, Instant to) {
        long s = secondsUpTo(to) - secondsUpTo(from);
        return Duration.ofSeconds(Math.max(0, s));
    }

    /**
     * The latest instant (to the microsecond, as the database keeps times) whose business age at
     * {@code now} is at least {@code age}: a mention is that old exactly when it was received at
     * or before this instant, so a query can select the mentions old enough by {@code received_at}
     * alone. Empty when {@code age} is zero, since every mention is that old.
     */
    public Optional<Instant> receivedBy(Instant now, Duration age) {
        long need = age.toSeconds();
        if (need <= 0) {
            return Optional.empty();
        }
        long limit = secondsUpTo(now) - need; // old enough: business seconds up to receipt <= limit
        long hi = micros(now); // not old enough (age > 0)
        long lo = hi;
        long step = Math.min(need, 400L * 365 * 86_400) * 1_000_000L; // a first guess: the age in calendar time
        do { // back in calendar time, doubling, to an instant that is old enough
            lo = Math.max(MIN_MICROS, lo - step);
            step = Math.min(step * 2, Long.MAX_VALUE / 4);
        } while (secondsUpTo(instant(lo)) > limit && lo > MIN_MICROS);
        if (secondsUpTo(instant(lo)) > limit) {
            return Optional.of(instant(MIN_MICROS)); // no working time that far back: nothing is old enough
        }
        while (hi - lo > 1) { // ages only fall as the receipt moves later
            long mid = lo + (hi - lo) / 2;
            if (secondsUpTo(instant(mid)) <= limit) {
                lo = mid;
            } else {
                hi = mid;
            }
        }
        return Optional.of(instant(lo));
    }

    private static long micros(Instant t) {
        return Math.multiplyExact(t.getEpochSecond(), 1_000_000L) + t.getNano() / 1_000;
    }

    private static Instant instant(long micros) {
        return Instant.ofEpochSecond(Math.floorDiv(micros, 1_000_000L), Math.floorMod(micros, 1_000_000L) * 1_000L);
    }

    /**
     * Business seconds from the anchor Monday to {@code t}, in O(1) whatever the gap. Worked out
     * on the local clock's seconds and nanoseconds rather than through a ZonedDateTime: a year of
     * stats asks this 200,000 times, and the date-time objects were most of what it allocated.
     */
    long secondsUpTo(Instant t) {
        long local = t.getEpochSecond() + rules.getOffset(t).getTotalSeconds();
        long dayIndex = Math.floorDiv(local, SECONDS_PER_DAY) - ANCHOR_DAY;
        int inWeek = (int) Math.floorMod(dayIndex, 7);
        long total = Math.floorDiv(dayIndex, 7) * weekSeconds + beforeDay[inWeek];
        if (workday[inWeek]) {
            long lt = Math.floorMod(local, SECONDS_PER_DAY) * NANOS_PER_SECOND + t.getNano();
            if (lt > startNanos) {
                total += Math.floorDiv(Math.min(lt, endNanos) - startNanos, NANOS_PER_SECOND);
            }
        }
        return total;
    }
}
