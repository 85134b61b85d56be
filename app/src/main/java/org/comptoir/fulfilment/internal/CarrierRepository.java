package org.comptoir.fulfilment.internal;

import static org.comptoir.fulfilment.internal.db.tables.CarrierRate.CARRIER_RATE;
import static org.comptoir.fulfilment.internal.db.tables.CarrierService.CARRIER_SERVICE;
import static org.comptoir.fulfilment.internal.db.tables.Shipment.SHIPMENT;
import static org.comptoir.fulfilment.internal.db.tables.TrackingEvent.TRACKING_EVENT;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.UUID;
import org.comptoir.fulfilment.internal.db.tables.records.ShipmentRecord;
import org.comptoir.platform.cluster.CacheTopics;
import org.comptoir.platform.persistence.Ids;
import org.comptoir.platform.persistence.Snapshot;
import org.jooq.DSLContext;
import org.springframework.stereotype.Repository;

/** Carrier services with their rates, shipments and their tracking events. */
@Repository
class CarrierRepository {

    record Shipment(UUID id, UUID fulfilmentOrderId, String serviceCode, String carrier, String trackingNumber,
            int parcels, int weightGrams, long cost, String currency, LocalDate estimatedDelivery,
            LocalDate promisedBy, String choiceReason, String status, Instant createdAt, Instant updatedAt) {}

    record Tracking(String status, String description, Instant occurredAt, Instant recordedAt) {}

    private final DSLContext db;
    /** Read for every shipment and every delivery promise. */
    private final Snapshot<List<CarrierChoice.Service>> services;

    CarrierRepository(DSLContext db, CacheTopics topics) {
        this.db = db;
        this.services = new Snapshot<>(topics, "fulfilment.carrier-services", this::load);
    }

    List<CarrierChoice.Service> services() {
        return services.get();
    }

    void put(CarrierChoice.Service s, Instant now) {
        services.changed();
        Map<org.jooq.Field<?>, Object> values = new java.util.LinkedHashMap<>();
        values.put(CARRIER_SERVICE.CARRIER, s.carrier());
        values.put(CARRIER_SERVICE.SERVICE_NAME, s.name());
        values.put(CARRIER_SERVICE.METHOD, s.method().name());
        values.put(CARRIER_SERVICE.COUNTRIES, String.join(",", new TreeSet<>(s.countries())));
        values.put(CARRIER_SERVICE.CUTOFF, s.cutoff());
        values.put(CARRIER_SERVICE.TRANSIT_DAYS, s.transitDays());
        values.put(CARRIER_SERVICE.ACTIVE, s.active());
        values.put(CARRIER_SERVICE.UPDATED_AT, now);
        db.insertInto(CARRIER_SERVICE).set(CARRIER_SERVICE.CODE, s.code()).set(values)
                .onConflict(CARRIER_SERVICE.CODE).doUpdate().set(values)
                .execute();
        db.deleteFrom(CARRIER_RATE).where(CARRIER_RATE.SERVICE_CODE.eq(s.code())).execute();
        var rates = db.insertInto(CARRIER_RATE, CARRIER_RATE.SERVICE_CODE, CARRIER_RATE.MAX_WEIGHT_GRAMS,
                CARRIER_RATE.PRICE, CARRIER_RATE.CURRENCY);
        for (CarrierChoice.Rate r : s.rates()) {
            rates = rates.values(s.code(), r.maxWeightGrams(), r.price(), r.currency());
        }
        rates.execute();
    }

    void insert(Shipment s) {
        db.insertInto(SHIPMENT)
                .set(SHIPMENT.ID, s.id())
                .set(SHIPMENT.FULFILMENT_ORDER_ID, s.fulfilmentOrderId())
                .set(SHIPMENT.SERVICE_CODE, s.serviceCode())
                .set(SHIPMENT.CARRIER, s.carrier())
                .set(SHIPMENT.TRACKING_NUMBER, s.trackingNumber())
                .set(SHIPMENT.PARCELS, s.parcels())
                .set(SHIPMENT.WEIGHT_GRAMS, s.weightGrams())
                .set(SHIPMENT.COST, s.cost())
                .set(SHIPMENT.CURRENCY, s.currency())
                .set(SHIPMENT.ESTIMATED_DELIVERY, s.estimatedDelivery())
                .set(SHIPMENT.PROMISED_BY, s.promisedBy())
                .set(SHIPMENT.CHOICE_REASON, s.choiceReason())
                .set(SHIPMENT.STATUS, s.status())
                .set(SHIPMENT.CREATED_AT, s.createdAt())
                .set(SHIPMENT.UPDATED_AT, s.updatedAt())
                .execute();
    }

    Optional<Shipment> find(UUID id) {
        return db.selectFrom(SHIPMENT).where(SHIPMENT.ID.eq(id)).fetchOptional(CarrierRepository::toShipment);
    }

    Optional<Shipment> lockByTracking(String trackingNumber) {
        return db.selectFrom(SHIPMENT).where(SHIPMENT.TRACKING_NUMBER.eq(trackingNumber)).forUpdate()
                .fetchOptional(CarrierRepository::toShipment);
    }

    List<Shipment> ofFulfilmentOrder(UUID fulfilmentOrderId) {
        return db.selectFrom(SHIPMENT).where(SHIPMENT.FULFILMENT_ORDER_ID.eq(fulfilmentOrderId))
                .orderBy(SHIPMENT.CREATED_AT).fetch(CarrierRepository::toShipment);
    }

    void track(UUID shipmentId, String status, String description, Instant occurredAt, Instant now) {
        db.insertInto(TRACKING_EVENT)
                .set(TRACKING_EVENT.ID, Ids.newId())
                .set(TRACKING_EVENT.SHIPMENT_ID, shipmentId)
                .set(TRACKING_EVENT.STATUS, status)
                .set(TRACKING_EVENT.DESCRIPTION, description)
                .set(TRACKING_EVENT.OCCURRED_AT, occurredAt)
                .set(TRACKING_EVENT.RECORDED_AT, now)
                .execute();
        db.update(SHIPMENT).set(SHIPMENT.STATUS, status).set(SHIPMENT.UPDATED_AT, now)
                .where(SHIPMENT.ID.eq(shipmentId)).execute();
    }

    List<Tracking> tracking(UUID shipmentId) {
        return db.selectFrom(TRACKING_EVENT).where(TRACKING_EVENT.SHIPMENT_ID.eq(shipmentId))
                .orderBy(TRACKING_EVENT.OCCURRED_AT, TRACKING_EVENT.ID)
                .fetch(r -> new Tracking(r.getStatus(), r.getDescription(), r.getOccurredAt(), r.getRecordedAt()));
    }

    private List<CarrierChoice.Service> load() {
        Map<String, List<CarrierChoice.Rate>> rates = new HashMap<>();
        db.selectFrom(CARRIER_RATE).orderBy(CARRIER_RATE.SERVICE_CODE, CARRIER_RATE.MAX_WEIGHT_GRAMS)
                .forEach(r -> rates.computeIfAbsent(r.getServiceCode(), k -> new ArrayList<>())
                        .add(new CarrierChoice.Rate(r.getMaxWeightGrams(), r.getPrice(), r.getCurrency())));
        return db.selectFrom(CARRIER_SERVICE).orderBy(CARRIER_SERVICE.CODE)
                .fetch(r -> new CarrierChoice.Service(r.getCode(), r.getCarrier(), r.getServiceName(),
                        DeliveryMethod.valueOf(r.getMethod()), new TreeSet<>(Arrays.asList(r.getCountries().split(","))),
                        r.getCutoff(), r.getTransitDays(), r.getActive(), List.copyOf(rates.getOrDefault(r.getCode(),
                                List.of()))));
    }

    private static Shipment toShipment(ShipmentRecord r) {
        return new Shipment(r.getId(), r.getFulfilmentOrderId(), r.getServiceCode(), r.getCarrier(),
                r.getTrackingNumber(), r.getParcels(), r.getWeightGrams(), r.getCost(), r.getCurrency(),
                r.getEstimatedDelivery(), r.getPromisedBy(), r.getChoiceReason(), r.getStatus(), r.getCreatedAt(),
                r.getUpdatedAt());
    }
}
