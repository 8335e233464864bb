package io.candor.mention;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.EnumSet;
import org.junit.jupiter.api.Test;

class BusinessHoursTest {
    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    private final BusinessHours hours = new BusinessHours(PARIS,
            EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY), LocalTime.of(9, 0), LocalTime.of(17, 0));

    private static Instant paris(String local) {
        return LocalDateTime.parse(local).atZone(PARIS).toInstant();
    }

    @Test
    void aWeekendDoesNotCount() {
        // Friday 16:00 to Monday 10:00: one hour on Friday, one on Monday
        assertThat(hours.between(paris("2026-11-20T16:00"), paris("2026-11-23T10:00"))).isEqualTo(Duration.ofHours(2));
        // posted on Saturday, seen Monday 09:30: half an hour old
        assertThat(hours.between(paris("2026-11-21T12:00"), paris("2026-11-23T09:30"))).isEqualTo(Duration.ofMinutes(30));
    }

    @Test
    void nightsDoNotCountAndWeeksAddUp() {
        assertThat(hours.between(paris("2026-11-23T18:00"), paris("2026-11-24T08:59"))).isZero();
        assertThat(hours.between(paris("2026-11-02T09:00"), paris("2026-11-23T09:00"))).isEqualTo(Duration.ofHours(8 * 15));
        assertThat(hours.between(paris("2026-11-23T10:00"), paris("2026-11-23T09:00"))).isZero();
    }

    @Test
    void theDstChangeDoesNotStretchTheWorkday() {
        // Paris leaves summer time in the night of Sunday 25 October 2026
        assertThat(hours.between(paris("2026-10-23T16:00"), paris("2026-10-26T10:00"))).isEqualTo(Duration.ofHours(2));
        assertThat(hours.between(paris("2026-03-27T09:00"), paris("2026-03-30T17:00"))).isEqualTo(Duration.ofHours(16));
    }

    @Test
    void mentionsFromLongAgoAreCountedCorrectly() {
        assertThat(hours.between(paris("1999-12-31T10:00"), paris("2000-01-03T10:00"))).isEqualTo(Duration.ofHours(8));
        assertThat(hours.between(paris("2025-11-24T09:00"), paris("2026-11-23T09:00")))
                .isEqualTo(Duration.ofHours(8L * 5 * 52));
    }

    @Test
    void theClosedFormAgreesWithWalkingMinuteByMinute() {
        java.util.Random r = new java.util.Random(17);
        BusinessHours oddWeek = new BusinessHours(ZoneId.of("America/New_York"),
                EnumSet.of(DayOfWeek.SUNDAY, DayOfWeek.TUESDAY, DayOfWeek.WEDNESDAY, DayOfWeek.SATURDAY),
                LocalTime.of(7, 30), LocalTime.of(19, 15));
        for (BusinessHours h : new BusinessHours[] {hours, oddWeek}) {
            for (int i = 0; i < 200; i++) {
                Instant from = paris("2026-01-01T00:00").plusSeconds(r.nextInt(365 * 86_400) / 60 * 60);
                Instant to = from.plusSeconds(r.nextInt(20 * 86_400) / 60 * 60);
                long minutes = 0;
                for (Instant t = from; t.isBefore(to); t = t.plusSeconds(60)) {
                    var local = t.atZone(h.zone());
                    LocalTime lt = local.toLocalTime();
                    boolean working = h.isWorkday(local.toLocalDate()) && !lt.isBefore(h == hours
                            ? LocalTime.of(9, 0) : LocalTime.of(7, 30)) && lt.isBefore(h.dayEnds());
                    minutes += working ? 1 : 0;
                }
                assertThat(h.between(from, to)).as("%s to %s", from, to).isEqualTo(Duration.ofMinutes(minutes));
            }
        }
    }

    @Test
    void aMentionIsOldEnoughExactlyWhenItWasReceivedByTheCutoff() {
        java.util.Random r = new java.util.Random(23);
        BusinessHours oddWeek = new BusinessHours(ZoneId.of("America/New_York"),
                EnumSet.of(DayOfWeek.SUNDAY, DayOfWeek.TUESDAY, DayOfWeek.SATURDAY), LocalTime.of(7, 30), LocalTime.of(19, 15));
        for (BusinessHours h : new BusinessHours[] {hours, oddWeek}) {
            for (int i = 0; i < 300; i++) {
                Instant now = paris("2026-01-01T00:00").plusSeconds(r.nextInt(365 * 86_400)).plusNanos(r.nextInt(1_000_000_000));
                Duration age = Duration.ofSeconds(1 + r.nextInt(i % 3 == 0 ? 3_600 : 40 * 3_600));
                Instant cutoff = h.receivedBy(now, age).orElseThrow();
                assertThat(h.between(cutoff, now)).isGreaterThanOrEqualTo(age);
                // a microsecond later (the database's precision) the mention is too young
                assertThat(h.between(cutoff.plusNanos(1_000), now)).isLessThan(age);
                Instant received = now.minusSeconds(r.nextInt(60 * 86_400)).minusNanos(r.nextInt(1_000) * 1_000L);
                assertThat(!received.isAfter(cutoff)).as("received %s, now %s, age %s", received, now, age)
                        .isEqualTo(h.between(received, now).compareTo(age) >= 0);
            }
        }
    }

    @Test
    void noAgeMeansEveryMentionAndAnAgeNoWeekReachesMeansNone() {
        Instant now = paris("2026-11-23T10:00");
        assertThat(hours.receivedBy(now, Duration.ZERO)).isEmpty();
        BusinessHours never = new BusinessHours(PARIS, EnumSet.noneOf(DayOfWeek.class), LocalTime.of(9, 0), LocalTime.of(17, 0));
        assertThat(never.receivedBy(now, Duration.ofHours(1))).get()
                .satisfies(t -> assertThat(t).isBefore(Instant.parse("0002-01-01T00:00:00Z")));
        // ages count whole seconds, so the cutoff is the last microsecond of the second an hour back;
        // at 09:30 on Monday that second is on Friday, half an hour before the day ended
        Duration lastMicro = Duration.ofNanos(999_999_000);
        assertThat(hours.receivedBy(paris("2026-11-23T10:00"), Duration.ofHours(1))).hasValue(paris("2026-11-23T09:00").plus(lastMicro));
        assertThat(hours.receivedBy(paris("2026-11-23T09:30"), Duration.ofHours(1))).hasValue(paris("2026-11-20T16:30").plus(lastMicro));
    }

    @Test
    void theLocalClockArithmeticAgreesWithTheZonedDateTimesItReplaced() {
        java.util.Random r = new java.util.Random(31);
        ZoneId[] zones = {PARIS, ZoneId.of("America/New_York"), ZoneId.of("Australia/Lord_Howe"), ZoneId.of("Asia/Kolkata"),
            java.time.ZoneOffset.ofHoursMinutes(-9, -30), java.time.ZoneOffset.UTC};
        for (int i = 0; i < 20_000; i++) {
            ZoneId zone = zones[i % zones.length];
            LocalTime start = LocalTime.ofNanoOfDay(r.nextInt(12 * 3_600) * 1_000_000_000L + (i % 4 == 0 ? r.nextInt(1_000_000_000) : 0));
            LocalTime end = start.plusSeconds(1 + r.nextInt(11 * 3_600)).plusNanos(i % 5 == 0 ? r.nextInt(1_000_000_000) : 0);
            EnumSet<DayOfWeek> days = EnumSet.noneOf(DayOfWeek.class);
            for (DayOfWeek d : DayOfWeek.values()) {
                if (r.nextBoolean()) {
                    days.add(d);
                }
            }
            BusinessHours h = new BusinessHours(zone, days, start, end);
            // around 1970, 2000 and now, DST changes included; to the nanosecond
            long base = new long[] {0L, 946_684_800L, 1_790_000_000L}[i % 3];
            Instant t = Instant.ofEpochSecond(base + r.nextInt(2 * 366 * 86_400) - 366L * 86_400, r.nextInt(1_000_000_000));
            assertThat(h.secondsUpTo(t)).as("%s in %s, %s to %s on %s", t, zone, start, end, days)
                    .isEqualTo(zonedSecondsUpTo(h, days, start, end, t));
        }
    }

    /** How secondsUpTo worked before, through ZonedDateTime: the reference the arithmetic must match. */
    private static long zonedSecondsUpTo(BusinessHours h, java.util.Set<DayOfWeek> days, LocalTime start, LocalTime end, Instant t) {
        java.time.ZonedDateTime z = t.atZone(h.zone());
        java.time.LocalDate anchor = java.time.LocalDate.of(2000, 1, 3);
        long dayIndex = z.toLocalDate().toEpochDay() - anchor.toEpochDay();
        long daySeconds = Duration.between(start, end).toSeconds();
        long total = Math.floorDiv(dayIndex, 7) * daySeconds * days.size();
        for (int d = 0; d < Math.floorMod(dayIndex, 7); d++) {
            total += days.contains(DayOfWeek.MONDAY.plus(d)) ? daySeconds : 0;
        }
        LocalTime lt = z.toLocalTime();
        if (days.contains(z.getDayOfWeek()) && lt.isAfter(start)) {
            total += Duration.between(start, lt.isBefore(end) ? lt : end).toSeconds();
        }
        return total;
    }
}
