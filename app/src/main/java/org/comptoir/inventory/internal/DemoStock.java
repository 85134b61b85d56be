package org.comptoir.inventory.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.comptoir.catalog.Catalog;
import org.comptoir.platform.persistence.Ids;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Stock for the demo retailer, after its network and catalogue: every SKU in the warehouses and a
 * few units in each store, except the garden shears of the seeds' journey (JC-00001): sold out
 * online and in the warehouses, 3 left at the Boulogne store (8 km from Notre-Dame) and 2 at
 * Versailles (beyond 16 km). Written as one receipt movement per balance, with no events: it is the
 * state the retailer starts from, not news.
 */
@Component
@Order(30)
@ConditionalOnProperty(name = "comptoir.demo.enabled", havingValue = "true")
class DemoStock implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoStock.class);
    static final String SHEARS = "JC-00001";
    private static final List<String> LOCATIONS = List.of("WH-RUNGIS", "WH-LYON", "ST-PARIS-BASTILLE",
            "ST-PARIS-MONTPARNASSE", "ST-BOULOGNE", "ST-VINCENNES", "ST-SAINT-DENIS", "ST-CRETEIL", "ST-VERSAILLES",
            "ST-CERGY", "ST-VAL-EUROPE", "ST-LYON", "ST-LILLE", "ST-BORDEAUX", "ST-MARSEILLE");

    private final BalanceRepository balances;
    private final MovementRepository movements;
    private final Catalog catalog;
    private final Clock clock;

    DemoStock(BalanceRepository balances, MovementRepository movements, Catalog catalog, Clock clock) {
        this.balances = balances;
        this.movements = movements;
        this.catalog = catalog;
        this.clock = clock;
    }

    @Override
    @Transactional
    public void run(ApplicationArguments args) {
        if (balances.any()) {
            return;
        }
        List<String> skus = new ArrayList<>();
        for (int n = 1; n <= 400; n++) {
            skus.add("JC-%05d".formatted(n));
        }
        var known = catalog.variants(skus);
        Random random = new Random(42);
        Instant now = clock.instant();
        List<Balance> rows = new ArrayList<>();
        for (String sku : skus) {
            if (!known.containsKey(sku)) {
                continue;
            }
            for (String location : LOCATIONS) {
                int onHand = location.startsWith("WH-") ? 20 + random.nextInt(200) : random.nextInt(12);
                if (sku.equals(SHEARS)) {
                    onHand = switch (location) {
                        case "ST-BOULOGNE" -> 3;
                        case "ST-VERSAILLES" -> 2;
                        default -> 0;
                    };
                }
                rows.add(new Balance(sku, location, onHand, 0, location.startsWith("ST-") ? 1 : 0,
                        location.startsWith("WH-") ? 10 : null));
            }
        }
        balances.insertAll(rows, now);
        for (Balance b : rows) {
            movements.insert(new Movement(Ids.newId(), b.locationCode(), b.sku(), Movement.Kind.RECEIPT, b.onHand(),
                    b.onHand(), "demo-opening-stock", "opening stock", "demo", now));
        }
        log.info("Demo stock loaded: {} balances", rows.size());
    }
}
