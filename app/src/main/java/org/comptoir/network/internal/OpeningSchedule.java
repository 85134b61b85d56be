package org.comptoir.network.internal;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * When a location is open: weekly hours, overridden on given dates by exceptions (a public holiday
 * with no hours is closed all day; a special day has its own hours). Times are local to the
 * location's time zone, so "open now" is right in Lyon and in Fort-de-France alike.
 */
record OpeningSchedule(Map<DayOfWeek, List<TimeRange>> weekly, Map<LocalDate, SpecialDay> exceptions) {

    /** An exception to the weekly hours; no ranges means closed. */
    record SpecialDay(String label, List<TimeRange> hours) {}

    /** Open now, until when, and when it opens next. */
    record Status(boolean openNow, Optional<ZonedDateTime> closesAt, Optional<ZonedDateTime> nextOpening) {}

    private static final int LOOKAHEAD_DAYS = 400;

    OpeningSchedule {
        var sortedWeekly = new EnumMap<DayOfWeek, List<TimeRange>>(DayOfWeek.class);
        weekly.forEach((day, ranges) -> sortedWeekly.put(day, sorted(ranges, "openingHours " + day)));
        var sortedExceptions = new TreeMap<LocalDate, SpecialDay>();
        exceptions.forEach((date, special) -> sortedExceptions.put(date,
                new SpecialDay(special.label(), sorted(special.hours(), "openingExceptions " + date))));
        weekly = Map.copyOf(sortedWeekly);
        exceptions = java.util.Collections.unmodifiableSortedMap(sortedExceptions);
    }

    List<TimeRange> hoursOn(LocalDate date) {
        SpecialDay special = exceptions.get(date);
        return special != null ? special.hours() : weekly.getOrDefault(date.getDayOfWeek(), List.of());
    }

    Status statusAt(Instant instant, ZoneId zone) {
        ZonedDateTime now = instant.atZone(zone);
        Optional<TimeRange> current = hoursOn(now.toLocalDate()).stream()
                .filter(range -> range.contains(now.toLocalTime()))
                .findFirst();
        Optional<ZonedDateTime> closesAt = current.map(range -> at(now.toLocalDate(), range.closes(), zone));
        return new Status(current.isPresent(), closesAt, nextOpening(now, zone));
    }

    /** The first opening strictly after {@code now}, within about a year. */
    private Optional<ZonedDateTime> nextOpening(ZonedDateTime now, ZoneId zone) {
        LocalDate today = now.toLocalDate();
        if (weekly.isEmpty()) {
            // Only special days can open it: no need to walk the calendar day by day.
            return exceptions.entrySet().stream().filter(e -> !e.getKey().isBefore(today))
                    .flatMap(e -> e.getValue().hours().stream().map(r -> at(e.getKey(), r.opens(), zone)))
                    .filter(opening -> opening.isAfter(now)).findFirst();
        }
        for (int offset = 0; offset < LOOKAHEAD_DAYS; offset++) {
            LocalDate date = today.plusDays(offset);
            for (TimeRange range : hoursOn(date)) {
                ZonedDateTime opening = at(date, range.opens(), zone);
                if (opening.isAfter(now)) {
                    return Optional.of(opening);
                }
            }
        }
        return Optional.empty();
    }

    private static ZonedDateTime at(LocalDate date, java.time.LocalTime time, ZoneId zone) {
        // A time skipped by a daylight-saving change moves forward, as the clocks in the shop do.
        return ZonedDateTime.ofLocal(LocalDateTime.of(date, time), zone, null);
    }

    private static List<TimeRange> sorted(List<TimeRange> ranges, String where) {
        List<TimeRange> sorted = ranges.stream().sorted(Comparator.comparing(TimeRange::opens)).toList();
        for (int i = 1; i < sorted.size(); i++) {
            if (sorted.get(i - 1).overlaps(sorted.get(i))) {
                throw new IllegalArgumentException(where + " has overlapping ranges");
            }
        }
        return sorted;
    }
}
