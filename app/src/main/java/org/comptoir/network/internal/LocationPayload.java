package org.comptoir.network.internal;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.comptoir.network.Capability;
import org.comptoir.network.GeoPoint;
import org.comptoir.network.LocationType;
import org.comptoir.platform.web.ApiProblem;
import org.comptoir.platform.web.ApiProblem.FieldError;

/** The JSON shape of a location, as written by clients (create and full update). */
record LocationPayload(
        @Pattern(regexp = Codes.PATTERN, message = Codes.MESSAGE) String code,
        @NotBlank @Size(max = 200) String name,
        @NotNull LocationType type,
        @NotNull @Valid AddressPayload address,
        @NotNull @Valid Coordinates coordinates,
        @NotBlank @Size(max = 64) String timeZone,
        List<@NotNull @Valid HoursPayload> openingHours,
        List<@NotNull @Valid ExceptionPayload> openingExceptions,
        Set<@NotNull Capability> capabilities,
        @Min(0) @Max(1_000_000) Integer dailyCapacity,
        Boolean active) {

    record AddressPayload(@NotBlank @Size(max = 200) String line1, @Size(max = 200) String line2,
            @NotBlank @Size(max = 20) String postalCode, @NotBlank @Size(max = 100) String city,
            @Size(max = 100) String region, @NotBlank @Pattern(regexp = "[A-Z]{2}",
                    message = "must be an ISO 3166 alpha-2 code such as FR") String country) {}

    record Coordinates(@NotNull @DecimalMin("-90") @DecimalMax("90") Double latitude,
            @NotNull @DecimalMin("-180") @DecimalMax("180") Double longitude) {}

    record HoursPayload(@NotNull DayOfWeek day, @NotNull LocalTime opens, @NotNull LocalTime closes) {}

    record RangePayload(@NotNull LocalTime opens, @NotNull LocalTime closes) {}

    record ExceptionPayload(@NotNull LocalDate date, @Size(max = 200) String label,
            List<@NotNull @Valid RangePayload> hours) {}

    private static final Set<String> COUNTRIES = Set.of(Locale.getISOCountries());

    /** Builds the location, refusing what bean validation cannot see (zone ids, hour ranges). */
    Location toLocation(UUID id, String locationCode, int version) {
        List<FieldError> errors = new ArrayList<>();
        ZoneId zone = null;
        try {
            zone = ZoneId.of(timeZone);
        } catch (DateTimeException e) {
            errors.add(new FieldError("timeZone", "is not a time zone id such as Europe/Paris"));
        }
        if (!COUNTRIES.contains(address.country())) {
            errors.add(new FieldError("address.country", "is not an ISO 3166 country code"));
        }
        OpeningSchedule schedule = null;
        try {
            schedule = schedule();
        } catch (IllegalArgumentException e) {
            errors.add(new FieldError("openingHours", e.getMessage()));
        }
        if (!errors.isEmpty()) {
            throw ApiProblem.invalid(errors);
        }
        Set<Capability> caps = capabilities == null || capabilities.isEmpty() ? EnumSet.noneOf(Capability.class)
                : EnumSet.copyOf(capabilities);
        return new Location(id, locationCode, name.trim(), type,
                new Location.Address(address.line1(), address.line2(), address.postalCode(), address.city(),
                        address.region(), address.country()),
                new GeoPoint(coordinates.latitude(), coordinates.longitude()), zone, schedule, caps, dailyCapacity,
                active == null || active, version);
    }

    private OpeningSchedule schedule() {
        Map<DayOfWeek, List<TimeRange>> weekly = new LinkedHashMap<>();
        for (HoursPayload hours : openingHours == null ? List.<HoursPayload>of() : openingHours) {
            weekly.computeIfAbsent(hours.day(), d -> new ArrayList<>()).add(range(hours.opens(), hours.closes(),
                    "openingHours " + hours.day()));
        }
        Map<LocalDate, OpeningSchedule.SpecialDay> exceptions = new LinkedHashMap<>();
        for (ExceptionPayload exception : openingExceptions == null ? List.<ExceptionPayload>of() : openingExceptions) {
            if (exceptions.containsKey(exception.date())) {
                throw new IllegalArgumentException("openingExceptions has " + exception.date() + " twice");
            }
            List<TimeRange> ranges = (exception.hours() == null ? List.<RangePayload>of() : exception.hours()).stream()
                    .map(r -> range(r.opens(), r.closes(), "openingExceptions " + exception.date())).toList();
            exceptions.put(exception.date(), new OpeningSchedule.SpecialDay(exception.label(), ranges));
        }
        return new OpeningSchedule(weekly, exceptions);
    }

    private static TimeRange range(LocalTime opens, LocalTime closes, String where) {
        try {
            return new TimeRange(opens, closes);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(where + ": " + e.getMessage());
        }
    }
}
