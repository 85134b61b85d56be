package org.comptoir.inventory.internal;

import org.comptoir.inventory.OutOfStock;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import org.comptoir.catalog.Catalog;
import org.comptoir.network.Network;
import org.comptoir.platform.persistence.Ids;
import org.comptoir.platform.web.ApiProblem;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Every change of on hand is a movement of the ledger with a reference unique per location. A
 * movement sent again with its reference changes nothing and answers the movement first recorded.
 */
@Service
class StockLedger {

    /** A recorded movement, and whether this call recorded it or found it already there. */
    record Recorded(Movement movement, boolean replayed) {}

    private final BalanceRepository balances;
    private final MovementRepository movements;
    private final StockEvents events;
    private final Catalog catalog;
    private final Network network;
    private final Clock clock;

    StockLedger(BalanceRepository balances, MovementRepository movements, StockEvents events, Catalog catalog,
            Network network, Clock clock) {
        this.balances = balances;
        this.movements = movements;
        this.events = events;
        this.catalog = catalog;
        this.network = network;
        this.clock = clock;
    }

    /** Records a movement of a signed {@code quantity} (kinds that add or remove fix the sign). */
    @Transactional
    Recorded record(String locationCode, String sku, Movement.Kind kind, int quantity, String reference,
            String reason, String by) {
        Optional<Movement> first = movements.byReference(locationCode, reference);
        if (first.isPresent()) {
            return replayed(first.get(), sku, kind, quantity);
        }
        checkExists(locationCode, sku);
        int delta = kind.sign == 0 ? quantity : kind.sign * Math.abs(quantity);
        Instant now = clock.instant();
        balances.ensure(sku, locationCode, now);
        Balance after = balances.adjust(sku, locationCode, delta, now).orElseThrow(() -> new ApiProblem(
                HttpStatus.CONFLICT, "negative-stock", "Not enough on hand",
                "The movement would leave less than zero on hand").with("sku", sku).with("locationCode", locationCode));
        return new Recorded(write(after, after.withOnHand(after.onHand() - delta), kind, delta, reference, reason, by,
                now), false);
    }

    /**
     * Sends units to another location: they leave on hand here only if they are available (held
     * units stay for their holds). The arrival is an inbound transfer at the destination.
     */
    @Transactional
    Recorded transferOut(String locationCode, String sku, int quantity, String reference, String by) {
        Optional<Movement> first = movements.byReference(locationCode, reference);
        if (first.isPresent()) {
            return replayed(first.get(), sku, Movement.Kind.TRANSFER_OUT, quantity);
        }
        checkExists(locationCode, sku);
        Instant now = clock.instant();
        Balance after = balances.takeAvailable(sku, locationCode, quantity, now)
                .orElseThrow(() -> new OutOfStock(sku, locationCode, quantity,
                        balances.find(sku, locationCode).map(Balance::available).orElse(0)));
        return new Recorded(write(after, after.withOnHand(after.onHand() + quantity), Movement.Kind.TRANSFER_OUT,
                -quantity, reference, "transfer out", by, now), false);
    }

    /** A cycle count: the counted quantity becomes a count-correction movement of the difference. */
    @Transactional
    Recorded count(String locationCode, String sku, int counted, String reference, String by) {
        Optional<Movement> first = movements.byReference(locationCode, reference);
        if (first.isPresent()) {
            return new Recorded(first.get(), true);
        }
        checkExists(locationCode, sku);
        Instant now = clock.instant();
        balances.ensure(sku, locationCode, now);
        Balance before = balances.find(sku, locationCode).orElseThrow();
        Balance after = balances.compareAndSet(sku, locationCode, before.onHand(), counted, now)
                .orElseThrow(() -> ApiProblem.conflict("concurrent-change", "Stock moved during the count; retry"));
        return new Recorded(write(after, before, Movement.Kind.COUNT_CORRECTION, counted - before.onHand(), reference,
                "cycle count: " + counted, by, now), false);
    }

    /**
     * An absolute quantity from an ERP, WMS or till ("there are 12"), applied only if on hand is still
     * what the sender last saw: a stale push cannot erase the sales made since.
     */
    @Transactional
    Recorded setOnHand(String locationCode, String sku, int expected, int value, String reference, String by) {
        Optional<Movement> first = movements.byReference(locationCode, reference);
        if (first.isPresent()) {
            return new Recorded(first.get(), true);
        }
        checkExists(locationCode, sku);
        Instant now = clock.instant();
        balances.ensure(sku, locationCode, now);
        Optional<Balance> after = balances.compareAndSet(sku, locationCode, expected, value, now);
        if (after.isEmpty()) {
            int current = balances.find(sku, locationCode).map(Balance::onHand).orElse(0);
            throw new ApiProblem(HttpStatus.CONFLICT, "stale-quantity", "Stale quantity",
                    "On hand is " + current + ", not the " + expected + " you last saw: stock moved since")
                    .with("onHand", current);
        }
        Balance before = after.get().withOnHand(expected);
        return new Recorded(write(after.get(), before, Movement.Kind.ADJUSTMENT, value - expected, reference,
                "absolute update to " + value, by, now), false);
    }

    private Movement write(Balance after, Balance before, Movement.Kind kind, int delta, String reference,
            String reason, String by, Instant now) {
        Movement movement = new Movement(Ids.newId(), after.locationCode(), after.sku(), kind, delta, after.onHand(),
                reference, reason, by, now);
        movements.insert(movement);
        events.changed(before, after, "movement:" + kind.name());
        return movement;
    }

    private static Recorded replayed(Movement first, String sku, Movement.Kind kind, int quantity) {
        int delta = kind.sign == 0 ? quantity : kind.sign * Math.abs(quantity);
        if (!first.sku().equals(sku) || first.kind() != kind || first.quantity() != delta) {
            throw ApiProblem.conflict("reference-reused", "This reference already names another movement at "
                    + first.locationCode()).with("reference", first.reference());
        }
        return new Recorded(first, true);
    }

    private void checkExists(String locationCode, String sku) {
        if (!network.locationExists(locationCode)) {
            throw ApiProblem.invalid("locationCode", "no location has the code " + locationCode);
        }
        if (catalog.variant(sku).isEmpty()) {
            throw ApiProblem.invalid("sku", "no variant has the SKU " + sku);
        }
    }
}
