package org.comptoir.service.internal;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;

/**
 * Targets count in business time: a first response due in two hours, asked on Saturday evening, is
 * due two hours into Monday's opening. A team with no hours is open all the time.
 */
final class BusinessHours {

    private BusinessHours() {}

    /** The instant {@code seconds} of open time after {@code start}. */
    static Instant add(Instant start, long seconds, Map<String, List<LocalTime>> hours, String timeZone) {
        if (hours.isEmpty()) {
            return start.plusSeconds(seconds);
        }
        ZoneId zone = ZoneId.of(timeZone);
        ZonedDateTime at = start.atZone(zone);
        long left = seconds;
        for (int day = 0; day < 366; day++) {
            List<LocalTime> range = hours.get(at.getDayOfWeek().name());
            if (range != null && range.size() == 2) {
                ZonedDateTime opens = at.with(range.get(0));
                ZonedDateTime closes = at.with(range.get(1));
                ZonedDateTime from = at.isBefore(opens) ? opens : at;
                if (from.isBefore(closes)) {
                    long open = closes.toEpochSecond() - from.toEpochSecond();
                    if (left <= open) {
                        return from.plusSeconds(left).toInstant();
                    }
                    left -= open;
                }
            }
            at = at.toLocalDate().plusDays(1).atStartOfDay(zone);
        }
        return start.plusSeconds(seconds);
    }

    static boolean validDay(String day) {
        try {
            DayOfWeek.valueOf(day);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
