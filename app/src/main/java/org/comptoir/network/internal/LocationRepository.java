package org.comptoir.network.internal;

import static org.comptoir.network.internal.db.tables.Location.LOCATION;
import static org.comptoir.network.internal.db.tables.OpeningException.OPENING_EXCEPTION;
import static org.comptoir.network.internal.db.tables.OpeningHours.OPENING_HOURS;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.comptoir.network.Capability;
import org.comptoir.network.GeoPoint;
import org.comptoir.network.LocationType;
import org.comptoir.network.internal.OpeningSchedule.SpecialDay;
import org.comptoir.network.internal.db.tables.records.LocationRecord;
import org.comptoir.platform.web.PageRequest;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.springframework.stereotype.Repository;

@Repository
class LocationRepository {

    /** Filters of the location list; absent means any. */
    record Filter(Optional<LocationType> type, Optional<Capability> capability, Optional<Boolean> active,
            Optional<String> onlyCode) {}

    private final DSLContext db;

    LocationRepository(DSLContext db) {
        this.db = db;
    }

    boolean any() {
        return db.fetchExists(LOCATION);
    }

    boolean exists(String code) {
        return db.fetchExists(LOCATION, LOCATION.CODE.eq(code));
    }

    Optional<Location> find(String code) {
        return db.selectFrom(LOCATION).where(LOCATION.CODE.eq(code)).fetchOptional()
                .map(record -> withSchedules(List.of(record)).getFirst());
    }

    List<Location> list(Filter filter, PageRequest page) {
        List<Condition> where = new ArrayList<>();
        filter.type().ifPresent(type -> where.add(LOCATION.TYPE.eq(type.name())));
        filter.capability().ifPresent(capability -> where.add(LOCATION.CAPABILITIES.contains(capability.name())));
        filter.active().ifPresent(active -> where.add(LOCATION.ACTIVE.eq(active)));
        filter.onlyCode().ifPresent(code -> where.add(LOCATION.CODE.eq(code)));
        page.after().ifPresent(after -> where.add(LOCATION.CODE.gt(after)));
        return withSchedules(db.selectFrom(LOCATION).where(where).orderBy(LOCATION.CODE).limit(page.limit() + 1)
                .fetch());
    }

    List<Location> findAll() {
        return withSchedules(db.selectFrom(LOCATION).fetch());
    }

    void insert(Location location, Instant now) {
        LocationRecord record = db.newRecord(LOCATION);
        fill(record, location);
        record.setId(location.id());
        record.setCode(location.code());
        record.setVersion(location.version());
        record.setCreatedAt(now);
        record.setUpdatedAt(now);
        record.insert();
        insertSchedule(location);
    }

    /** Replaces a location if it is still at {@code expectedVersion}; false when it changed meanwhile. */
    boolean update(Location location, int expectedVersion, Instant now) {
        LocationRecord record = db.newRecord(LOCATION);
        fill(record, location);
        record.setVersion(location.version());
        record.setUpdatedAt(now);
        record.changed(LOCATION.ID, false);
        int updated = db.update(LOCATION).set(record)
                .where(LOCATION.ID.eq(location.id()), LOCATION.VERSION.eq(expectedVersion))
                .execute();
        if (updated == 0) {
            return false;
        }
        db.deleteFrom(OPENING_HOURS).where(OPENING_HOURS.LOCATION_ID.eq(location.id())).execute();
        db.deleteFrom(OPENING_EXCEPTION).where(OPENING_EXCEPTION.LOCATION_ID.eq(location.id())).execute();
        insertSchedule(location);
        return true;
    }

    private void fill(LocationRecord record, Location location) {
        record.setName(location.name());
        record.setType(location.type().name());
        record.setAddressLine1(location.address().line1());
        record.setAddressLine2(location.address().line2());
        record.setPostalCode(location.address().postalCode());
        record.setCity(location.address().city());
        record.setRegion(location.address().region());
        record.setCountry(location.address().country());
        record.setLatitude(location.position().latitude());
        record.setLongitude(location.position().longitude());
        record.setTimeZone(location.timeZone().getId());
        record.setCapabilities(location.capabilities().stream().map(Enum::name).sorted()
                .collect(Collectors.joining(",")));
        record.setDailyCapacity(location.dailyCapacity());
        record.setActive(location.active());
    }

    private void insertSchedule(Location location) {
        var hours = new ArrayList<org.jooq.Query>();
        location.schedule().weekly().forEach((day, ranges) -> ranges.forEach(range -> hours.add(
                db.insertInto(OPENING_HOURS)
                        .set(OPENING_HOURS.LOCATION_ID, location.id())
                        .set(OPENING_HOURS.DAY_OF_WEEK, (short) day.getValue())
                        .set(OPENING_HOURS.OPENS, range.opens())
                        .set(OPENING_HOURS.CLOSES, range.closes()))));
        location.schedule().exceptions().forEach((date, special) -> {
            List<TimeRange> ranges = special.hours();
            if (ranges.isEmpty()) {
                hours.add(exceptionRow(location.id(), date, 0, null, special.label()));
            }
            for (int i = 0; i < ranges.size(); i++) {
                hours.add(exceptionRow(location.id(), date, i, ranges.get(i), special.label()));
            }
        });
        if (!hours.isEmpty()) {
            db.batch(hours).execute();
        }
    }

    private org.jooq.Query exceptionRow(UUID locationId, LocalDate date, int position, TimeRange range,
            String label) {
        return db.insertInto(OPENING_EXCEPTION)
                .set(OPENING_EXCEPTION.LOCATION_ID, locationId)
                .set(OPENING_EXCEPTION.ON_DATE, date)
                .set(OPENING_EXCEPTION.POSITION, (short) position)
                .set(OPENING_EXCEPTION.OPENS, range == null ? null : range.opens())
                .set(OPENING_EXCEPTION.CLOSES, range == null ? null : range.closes())
                .set(OPENING_EXCEPTION.LABEL, label);
    }

    /** Loads the schedules of many locations in two queries, whatever their number. */
    private List<Location> withSchedules(List<LocationRecord> records) {
        if (records.isEmpty()) {
            return List.of();
        }
        Set<UUID> ids = records.stream().map(LocationRecord::getId).collect(Collectors.toSet());
        Map<UUID, Map<DayOfWeek, List<TimeRange>>> weekly = new HashMap<>();
        db.selectFrom(OPENING_HOURS).where(OPENING_HOURS.LOCATION_ID.in(ids))
                .orderBy(OPENING_HOURS.DAY_OF_WEEK, OPENING_HOURS.OPENS)
                .forEach(r -> weekly.computeIfAbsent(r.getLocationId(), id -> new LinkedHashMap<>())
                        .computeIfAbsent(DayOfWeek.of(r.getDayOfWeek()), d -> new ArrayList<>())
                        .add(new TimeRange(r.getOpens(), r.getCloses())));
        Map<UUID, Map<LocalDate, SpecialDay>> exceptions = new HashMap<>();
        db.selectFrom(OPENING_EXCEPTION).where(OPENING_EXCEPTION.LOCATION_ID.in(ids))
                .orderBy(OPENING_EXCEPTION.ON_DATE, OPENING_EXCEPTION.POSITION)
                .forEach(r -> {
                    var days = exceptions.computeIfAbsent(r.getLocationId(), id -> new LinkedHashMap<>());
                    SpecialDay day = days.computeIfAbsent(r.getOnDate(),
                            d -> new SpecialDay(r.getLabel(), new ArrayList<>()));
                    if (r.getOpens() != null) {
                        day.hours().add(new TimeRange(r.getOpens(), r.getCloses()));
                    }
                });
        return records.stream().map(r -> toLocation(r,
                        new OpeningSchedule(weekly.getOrDefault(r.getId(), Map.of()),
                                exceptions.getOrDefault(r.getId(), Map.of()))))
                .toList();
    }

    private static Location toLocation(LocationRecord r, OpeningSchedule schedule) {
        Set<Capability> capabilities = r.getCapabilities().isEmpty() ? EnumSet.noneOf(Capability.class)
                : Arrays.stream(r.getCapabilities().split(",")).map(Capability::valueOf)
                        .collect(Collectors.toCollection(() -> EnumSet.noneOf(Capability.class)));
        return new Location(r.getId(), r.getCode(), r.getName(), LocationType.valueOf(r.getType()),
                new Location.Address(r.getAddressLine1(), r.getAddressLine2(), r.getPostalCode(), r.getCity(),
                        r.getRegion(), r.getCountry()),
                new GeoPoint(r.getLatitude(), r.getLongitude()), ZoneId.of(r.getTimeZone()), schedule, capabilities,
                r.getDailyCapacity(), r.getActive(), r.getVersion());
    }

}
