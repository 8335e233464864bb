package io.candor.remind;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.Duration;
import java.util.EnumSet;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
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
}
