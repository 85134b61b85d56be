package org.comptoir.inventory.internal;

import java.time.Clock;
import org.comptoir.catalog.Catalog;
import org.comptoir.network.Network;
import org.comptoir.platform.web.ApiProblem;
import org.comptoir.platform.web.CursorPage;
import org.comptoir.platform.web.PageRequest;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Reads of balances and history, and the settings that shape availability. */
@Service
class Stock {

    private final BalanceRepository balances;
    private final MovementRepository movements;
    private final ChannelBuffers buffers;
    private final RingFences fences;
    private final StockEvents events;
    private final Network network;
    private final Catalog catalog;
    private final Clock clock;

    Stock(BalanceRepository balances, MovementRepository movements, ChannelBuffers buffers, RingFences fences,
            StockEvents events, Network network, Catalog catalog, Clock clock) {
        this.fences = fences;
        this.catalog = catalog;
        this.balances = balances;
        this.movements = movements;
        this.buffers = buffers;
        this.events = events;
        this.network = network;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    Balance balance(String locationCode, String sku) {
        return balances.find(sku, locationCode).orElseGet(() -> Balance.empty(sku, locationCode));
    }

    @Transactional(readOnly = true)
    CursorPage<Balance> balances(String locationCode, PageRequest page) {
        return CursorPage.of(balances.at(locationCode, page.limit() + 1, page.after().orElse(null)), page,
                Balance::sku);
    }

    @Transactional(readOnly = true)
    CursorPage<Movement> history(MovementRepository.Filter filter, PageRequest page) {
        return CursorPage.of(movements.history(filter, page), page, m -> m.id().toString());
    }

    /** Safety stock kept back from every channel, and the threshold that raises a low-stock event. */
    @Transactional
    Balance settings(String locationCode, String sku, int safetyStock, Integer lowStockThreshold) {
        if (!network.locationExists(locationCode)) {
            throw ApiProblem.notFound("location", locationCode);
        }
        if (catalog.variant(sku).isEmpty()) {
            throw ApiProblem.notFound("SKU", sku);
        }
        balances.ensure(sku, locationCode, clock.instant());
        Balance before = balances.find(sku, locationCode).orElseThrow();
        Balance after = balances.settings(sku, locationCode, safetyStock, lowStockThreshold, clock.instant())
                .orElseThrow();
        events.changed(before, after, "settings");
        return after;
    }

    /**
     * Keeps {@code quantity} units of a SKU at a location for one channel. The balance row is locked
     * first, as holds lock it, so a fence and a hold never interleave on it.
     */
    @Transactional
    RingFences.Fence fence(String channelCode, String locationCode, String sku, int quantity) {
        var channel = network.channel(channelCode).orElseThrow(() -> ApiProblem.notFound("channel", channelCode));
        if (locationCode.equals(RingFences.NETWORK)) {
            if (catalog.variant(sku).isEmpty()) {
                throw ApiProblem.notFound("SKU", sku);
            }
            fences.set(channelCode, sku, locationCode, quantity);
            return new RingFences.Fence(channelCode, locationCode, sku, quantity, quantity);
        }
        if (!channel.locationCodes().contains(locationCode)) {
            throw ApiProblem.invalid("locationCode", "channel " + channelCode + " does not sell from " + locationCode);
        }
        if (catalog.variant(sku).isEmpty()) {
            throw ApiProblem.notFound("SKU", sku);
        }
        balances.ensure(sku, locationCode, clock.instant());
        balances.touch(sku, locationCode, clock.instant());
        fences.set(channelCode, sku, locationCode, quantity);
        return new RingFences.Fence(channelCode, locationCode, sku, quantity, quantity);
    }

    @Transactional
    void unfence(String channelCode, String locationCode, String sku) {
        if (!locationCode.equals(RingFences.NETWORK)) {
            balances.touch(sku, locationCode, clock.instant());
        }
        if (!fences.remove(channelCode, sku, locationCode)) {
            throw ApiProblem.notFound("ring-fence", channelCode + "/" + locationCode + "/" + sku);
        }
    }

    @Transactional(readOnly = true)
    java.util.List<RingFences.Fence> fences(String channelCode) {
        return fences.of(channelCode);
    }

    void buffer(String channelCode, int quantity) {
        if (network.channel(channelCode).isEmpty()) {
            throw ApiProblem.notFound("channel", channelCode);
        }
        buffers.set(channelCode, quantity);
    }
}
