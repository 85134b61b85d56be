package org.comptoir.inventory.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.comptoir.catalog.Catalog;
import org.comptoir.network.Network;
import org.comptoir.platform.persistence.Ids;
import org.comptoir.platform.web.ApiProblem;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The first load of a retailer's stock (an ERP snapshot when going live, the demo, a benchmark's data
 * set): balances that do not exist yet, each written with its opening receipt in the ledger, in
 * batches. It is the state the platform starts from, not news: no per-row events are published.
 * Balances that already exist are refused as a whole, so it can never overwrite live stock.
 */
@Service
class OpeningStock {

    static final int MAX_ROWS = 10_000;

    /** One opening balance. */
    record Row(String locationCode, String sku, int onHand, int safetyStock) {}

    private final BalanceRepository balances;
    private final MovementRepository movements;
    private final Network network;
    private final Catalog catalog;
    private final Clock clock;

    OpeningStock(BalanceRepository balances, MovementRepository movements, Network network, Catalog catalog,
            Clock clock) {
        this.balances = balances;
        this.movements = movements;
        this.network = network;
        this.catalog = catalog;
        this.clock = clock;
    }

    @Transactional
    int load(List<Row> rows, String reference, String by) {
        if (rows.isEmpty() || rows.size() > MAX_ROWS) {
            throw ApiProblem.invalid("rows", "must have 1 to " + MAX_ROWS + " rows");
        }
        Set<String> pairs = new HashSet<>();
        Set<String> locations = new HashSet<>();
        Set<String> skus = new HashSet<>();
        for (Row row : rows) {
            if (row.onHand() < 0 || row.safetyStock() < 0) {
                throw ApiProblem.invalid("rows", "quantities must not be negative (" + row.sku() + " at "
                        + row.locationCode() + ")");
            }
            if (!pairs.add(row.locationCode() + "\u0000" + row.sku())) {
                throw ApiProblem.invalid("rows", row.sku() + " at " + row.locationCode() + " appears twice");
            }
            locations.add(row.locationCode());
            skus.add(row.sku());
        }
        var known = network.locations(locations, clock.instant());
        locations.stream().filter(code -> !known.containsKey(code)).findFirst().ifPresent(code -> {
            throw ApiProblem.invalid("rows", "no location has the code " + code);
        });
        var variants = catalog.variants(skus);
        skus.stream().filter(sku -> !variants.containsKey(sku)).findFirst().ifPresent(sku -> {
            throw ApiProblem.invalid("rows", "no variant has the SKU " + sku);
        });
        if (balances.anyOf(skus, locations, pairs)) {
            throw ApiProblem.conflict("stock-exists", "Some of these balances exist already; opening stock only "
                    + "creates new ones (use movements or counts for live stock)");
        }
        Instant now = clock.instant();
        balances.insertAll(rows.stream().map(r -> new Balance(r.sku(), r.locationCode(), r.onHand(), 0,
                r.safetyStock(), null)).toList(), now);
        movements.insertAll(rows.stream().map(r -> new Movement(Ids.newId(), r.locationCode(), r.sku(),
                Movement.Kind.RECEIPT, r.onHand(), r.onHand(), "opening:" + reference + ":" + r.sku(), "opening stock",
                by, now)).toList());
        return rows.size();
    }
}
