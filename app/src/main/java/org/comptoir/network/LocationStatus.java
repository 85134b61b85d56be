package org.comptoir.network;

import java.time.OffsetDateTime;

/** A location and whether it is open at the moment asked about, in its own time zone. */
public record LocationStatus(LocationSummary location, boolean openNow, OffsetDateTime nextOpeningAt) {}
