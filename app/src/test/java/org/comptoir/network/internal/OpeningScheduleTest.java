package org.comptoir.network.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class OpeningScheduleTest {

    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");

    /** Monday to Saturday 09:30–12:30 and 14:00–19:00, closed on Sundays and on Christmas day. */
    private final OpeningSchedule schedule = new OpeningSchedule(weekdays(), Map.of(
            LocalDate.of(2026, 12, 25), new OpeningSchedule.SpecialDay("Noël", List.of()),
            LocalDate.of(2026, 12, 24), new OpeningSchedule.SpecialDay("Réveillon",
                    List.of(new TimeRange(LocalTime.of(9, 30), LocalTime.of(16, 0))))));

    private static Map<DayOfWeek, List<TimeRange>> weekdays() {
        var ranges = List.of(new TimeRange(LocalTime.of(9, 30), LocalTime.of(12, 30)),
                new TimeRange(LocalTime.of(14, 0), LocalTime.of(19, 0)));
        return Map.of(DayOfWeek.MONDAY, ranges, DayOfWeek.TUESDAY, ranges, DayOfWeek.WEDNESDAY, ranges,
                DayOfWeek.THURSDAY, ranges, DayOfWeek.FRIDAY, ranges, DayOfWeek.SATURDAY, ranges);
    }

    private OpeningSchedule.Status at(int year, int month, int day, int hour, int minute) {
        return schedule.statusAt(ZonedDateTime.of(year, month, day, hour, minute, 0, 0, PARIS).toInstant(), PARIS);
    }

    @Test
    void isOpenDuringHoursAndSaysWhenItCloses() {
        var status = at(2026, 11, 23, 10, 0);
        assertThat(status.openNow()).isTrue();
        assertThat(status.closesAt()).contains(ZonedDateTime.of(2026, 11, 23, 12, 30, 0, 0, PARIS));
    }

    @Test
    void isClosedAtLunchAndReopensTheSameAfternoon() {
        var status = at(2026, 11, 23, 13, 0);
        assertThat(status.openNow()).isFalse();
        assertThat(status.nextOpening()).contains(ZonedDateTime.of(2026, 11, 23, 14, 0, 0, 0, PARIS));
    }

    @Test
    void closingTimeIsExclusive() {
        assertThat(at(2026, 11, 23, 19, 0).openNow()).isFalse();
    }

    @Test
    void saturdayEveningNextOpeningIsMondayMorning() {
        var status = at(2026, 11, 28, 20, 0);
        assertThat(status.openNow()).isFalse();
        assertThat(status.nextOpening()).contains(ZonedDateTime.of(2026, 11, 30, 9, 30, 0, 0, PARIS));
    }

    @Test
    void aPublicHolidayIsClosedAllDayAndSpecialDaysHaveTheirOwnHours() {
        assertThat(at(2026, 12, 25, 10, 0).openNow()).isFalse();
        assertThat(at(2026, 12, 25, 10, 0).nextOpening())
                .contains(ZonedDateTime.of(2026, 12, 26, 9, 30, 0, 0, PARIS));
        assertThat(at(2026, 12, 24, 17, 0).openNow()).isFalse();
        assertThat(at(2026, 12, 24, 15, 0).openNow()).isTrue();
    }

    @Test
    void openNowIsComputedInTheLocationsTimeZone() {
        var martinique = ZoneId.of("America/Martinique");
        // 14:00 UTC is 10:00 in Martinique (open) and 15:00 in Paris (open); 23:30 UTC is 19:30 there.
        var instant = ZonedDateTime.of(2026, 11, 23, 23, 30, 0, 0, ZoneId.of("UTC")).toInstant();
        assertThat(schedule.statusAt(instant, martinique).openNow()).isFalse();
        var morning = ZonedDateTime.of(2026, 11, 23, 14, 0, 0, 0, ZoneId.of("UTC")).toInstant();
        assertThat(schedule.statusAt(morning, martinique).openNow()).isTrue();
    }

    @Test
    void aLocationWithNoHoursNeverOpens() {
        var closed = new OpeningSchedule(Map.of(), Map.of());
        var status = closed.statusAt(ZonedDateTime.now(PARIS).toInstant(), PARIS);
        assertThat(status.openNow()).isFalse();
        assertThat(status.nextOpening()).isEmpty();
    }

    @Test
    void overlappingRangesAreRefused() {
        assertThatThrownBy(() -> new OpeningSchedule(Map.of(DayOfWeek.MONDAY, List.of(
                new TimeRange(LocalTime.of(9, 0), LocalTime.of(13, 0)),
                new TimeRange(LocalTime.of(12, 0), LocalTime.of(18, 0)))), Map.of()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("overlapping");
        assertThatThrownBy(() -> new TimeRange(LocalTime.of(18, 0), LocalTime.of(9, 0)))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
