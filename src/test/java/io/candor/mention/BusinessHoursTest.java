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
}
