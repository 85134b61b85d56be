package org.comptoir.inventory.internal;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.comptoir.inventory.Inventory;
import org.comptoir.platform.persistence.RenderedSql;
import org.comptoir.platform.security.Caller;
import org.comptoir.platform.web.ApiProblem;
import org.springframework.stereotype.Service;

/** The inventory's public API, on top of the same services its REST endpoints use. */
@Service
class InventoryService implements Inventory {

    private final Availability availability;
    private final Holds holds;
    private final StockLedger ledger;

    InventoryService(Availability availability, Holds holds, StockLedger ledger) {
        this.availability = availability;
        this.holds = holds;
        this.ledger = ledger;
    }

    @Override
    public Map<String, Map<String, Integer>> available(String channelCode, Collection<String> skus) {
        return availability.quantities(skus, channelCode);
    }

    @Override
    public Map<String, Map<String, Integer>> availableByLocation(String channelCode, Collection<String> skus) {
        return availability.quantitiesByLocation(skus, channelCode);
    }

    @Override
    public Map<String, Integer> availableAnywhere(String channelCode, Collection<String> skus) {
        return availability.totals(skus, channelCode);
    }

    @Override
    public Supplier<Map<String, Integer>> availableAnywhere(String channelCode, Collection<String> skus,
            RenderedSql.Together together) {
        return availability.totals(skus, channelCode, together);
    }

    @Override
    public List<Nearby> near(String sku, String channelCode, org.comptoir.network.GeoPoint point, double radiusKm) {
        return availability.near(sku, channelCode, point, radiusKm).stream().map(l -> new Nearby(l.locationCode(),
                l.name(), l.available(), l.distanceKm() == null ? 0 : l.distanceKm(), l.openNow())).toList();
    }

    @Override
    public java.util.Optional<java.time.LocalDate> backOn(String sku, String channelCode) {
        return availability.ofSku(sku, channelCode).locations().stream()
                .filter(l -> l.available() <= 0 && l.backOn() != null).map(Availability.AtLocation::backOn)
                .min(java.util.Comparator.naturalOrder());
    }

    @Override
    public Map<String, java.time.LocalDate> expectedBack(String channelCode, Collection<String> skus) {
        Map<String, java.time.LocalDate> back = new java.util.HashMap<>();
        availability.of(skus, channelCode).forEach((sku, of) -> {
            if (of.networkAvailable() <= 0 && of.backOn() != null) {
                back.put(sku, of.backOn());
            }
        });
        return back;
    }

    @Override
    public UUID hold(StockHold request, Caller caller) {
        return holds.place(placeHold(request), caller).id();
    }

    @Override
    public void hold(UUID id, StockHold request, Caller caller, Consumer<RenderedSql.Together> alsoSend) {
        holds.place(id, placeHold(request), caller, alsoSend);
    }

    @Override
    public UUID replace(UUID holdId, StockHold request, Caller caller) {
        return holds.replace(holdId, placeHold(request), caller).id();
    }

    private static Holds.PlaceHold placeHold(StockHold request) {
        var lines = request.lines().stream()
                .map(l -> new Hold.Line(l.locationCode(), l.sku(), l.quantity())).toList();
        return new Holds.PlaceHold(Hold.Kind.valueOf(request.kind().name()), request.reference(),
                request.channelCode(), request.expiresAt(), request.note(), lines);
    }

    @Override
    public UUID takeOver(UUID holdId, StockHold request, Caller caller) {
        Hold held = holds.visibleTo(caller, holds.find(holdId), null);
        if (held.kind() != Hold.Kind.PERSON || held.status() != Hold.Status.ACTIVE) {
            throw ApiProblem.conflict("hold-not-takeable", "Only an active hold kept for a person becomes an order")
                    .with("status", held.status().name()).with("kind", held.kind().name());
        }
        return holds.replace(holdId, placeHold(request), caller).id();
    }

    @Override
    public void confirm(UUID holdId) {
        holds.confirm(holdId);
    }

    @Override
    public void release(UUID holdId) {
        holds.release(holdId);
    }

    @Override
    public void releasePart(UUID holdId, StockLine part) {
        holds.releasePart(holdId, part.locationCode(), part.sku(), part.quantity());
    }

    @Override
    public void returned(StockLine line, String reference, String reason, Caller caller) {
        if (!caller.mayAccessLocation(line.locationCode())) {
            throw org.comptoir.platform.web.ApiProblem.forbidden("your key works for another location");
        }
        ledger.record(line.locationCode(), line.sku(), Movement.Kind.RETURN, line.quantity(), reference, reason,
                caller.name());
    }
}
