package org.comptoir.network.internal;

import java.time.LocalTime;

/** Opening hours within one day: opens at {@code opens}, closes at {@code closes} (exclusive). */
record TimeRange(LocalTime opens, LocalTime closes) {

    TimeRange {
        if (opens == null || closes == null) {
            throw new IllegalArgumentException("opens and closes are required");
        }
        if (!opens.isBefore(closes)) {
            throw new IllegalArgumentException("opens must be before closes");
        }
    }

    boolean contains(LocalTime time) {
        return !time.isBefore(opens) && time.isBefore(closes);
    }

    boolean overlaps(TimeRange other) {
        return opens.isBefore(other.closes) && other.opens.isBefore(closes);
    }
}
