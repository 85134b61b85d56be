package org.comptoir.inventory.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Optional;
import java.util.UUID;
import org.comptoir.catalog.Catalog;
import org.comptoir.network.Network;
import org.comptoir.platform.persistence.Ids;
import org.comptoir.platform.web.ApiProblem;
import org.comptoir.platform.web.CursorPage;
import org.comptoir.platform.web.PageRequest;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Stock on its way: purchase order lines and transfers between locations, each expected on a date,
 * received once (into the ledger) or cancelled. What is expected tells a sold-out item's return date.
 */
@Service
class InboundSupply {

    private final InboundRepository inbound;
    private final BalanceRepository balances;
    private final StockLedger ledger;
    private final Network network;
    private final Catalog catalog;
    private final Clock clock;

    InboundSupply(InboundRepository inbound, BalanceRepository balances, StockLedger ledger, Network network,
            Catalog catalog, Clock clock) {
        this.balances = balances;
        this.inbound = inbound;
        this.ledger = ledger;
        this.network = network;
        this.catalog = catalog;
        this.clock = clock;
    }

    /** A purchase order line expected at a location; the same reference again answers the first. */
    @Transactional
    Inbound expect(String locationCode, String sku, int quantity, LocalDate expectedOn, String reference) {
        Optional<Inbound> first = inbound.byReference(locationCode, reference, sku);
        if (first.isPresent()) {
            return first.get();
        }
        if (!network.locationExists(locationCode)) {
            throw ApiProblem.invalid("locationCode", "no location has the code " + locationCode);
        }
        if (catalog.variant(sku).isEmpty()) {
            throw ApiProblem.invalid("sku", "no variant has the SKU " + sku);
        }
        return save(Inbound.Kind.PURCHASE_ORDER, locationCode, sku, quantity, expectedOn, reference, null);
    }

    /** Moves available units out of one location now; they are in transit until received at the other. */
    @Transactional
    Inbound transfer(String from, String to, String sku, int quantity, LocalDate expectedOn, String reference,
            String by) {
        Optional<Inbound> first = inbound.byReference(to, reference, sku);
        if (first.isPresent()) {
            return first.get();
        }
        if (from.equals(to)) {
            throw ApiProblem.invalid("toLocationCode", "must differ from fromLocationCode");
        }
        if (!network.locationExists(to)) {
            throw ApiProblem.invalid("toLocationCode", "no location has the code " + to);
        }
        ledger.transferOut(from, sku, quantity, "transfer:" + reference, by);
        return save(Inbound.Kind.TRANSFER, to, sku, quantity, expectedOn, reference, from);
    }

    /** Receives what was expected into the ledger; receiving twice is harmless. */
    @Transactional
    Inbound receive(UUID id, String by) {
        Inbound expected = find(id);
        if (expected.status() == Inbound.Status.RECEIVED) {
            return expected;
        }
        if (!inbound.close(id, Inbound.Status.RECEIVED, clock.instant())) {
            throw ApiProblem.conflict("inbound-closed", "This inbound is " + find(id).status());
        }
        Movement.Kind kind = expected.kind() == Inbound.Kind.TRANSFER ? Movement.Kind.TRANSFER_IN : Movement.Kind.RECEIPT;
        ledger.record(expected.locationCode(), expected.sku(), kind, expected.quantity(), "inbound:" + id,
                expected.kind() == Inbound.Kind.TRANSFER ? "transfer from " + expected.fromLocation()
                        : "purchase order " + expected.reference(), by);
        return find(id);
    }

    /** Cancels a purchase order line; a transfer's units are on the road and must be received. */
    @Transactional
    Inbound cancel(UUID id) {
        Inbound expected = find(id);
        if (expected.kind() == Inbound.Kind.TRANSFER) {
            throw ApiProblem.conflict("transfer-in-transit", "A transfer in transit is received, not cancelled");
        }
        if (expected.status() == Inbound.Status.CANCELLED) {
            return expected;
        }
        if (!inbound.close(id, Inbound.Status.CANCELLED, clock.instant())) {
            throw ApiProblem.conflict("inbound-closed", "This inbound is " + find(id).status());
        }
        return find(id);
    }

    @Transactional(readOnly = true)
    Inbound find(UUID id) {
        return inbound.find(id).orElseThrow(() -> ApiProblem.notFound("inbound", id));
    }

    @Transactional(readOnly = true)
    CursorPage<Inbound> list(Optional<String> sku, Optional<String> locationCode, Optional<Inbound.Status> status,
            PageRequest page) {
        return CursorPage.of(inbound.list(sku, locationCode, status, page), page, i -> i.id().toString());
    }

    private Inbound save(Inbound.Kind kind, String locationCode, String sku, int quantity, LocalDate expectedOn,
            String reference, String from) {
        if (expectedOn.isBefore(LocalDate.now(clock).minusDays(1))) {
            throw ApiProblem.invalid("expectedOn", "must not be in the past");
        }
        Inbound created = new Inbound(Ids.newId(), kind, locationCode, sku, quantity, expectedOn, reference, from,
                Inbound.Status.EXPECTED, clock.instant(), null);
        inbound.insert(created);
        // A location that never held the SKU gets its (empty) balance, so that it answers "back on that date".
        balances.ensure(sku, locationCode, clock.instant());
        return created;
    }
}
