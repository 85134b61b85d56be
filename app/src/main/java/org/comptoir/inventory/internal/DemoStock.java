package org.comptoir.inventory.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.comptoir.catalog.Catalog;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Stock for the demo retailer, after its network and catalogue: every SKU in the warehouses and a
 * few units in each store, except the garden shears of the seeds' journey (JC-00001): sold out
 * online and in the warehouses, 3 left at the Boulogne store (8 km from Notre-Dame) and 2 at
 * Versailles (beyond 16 km), and 40 expected at the Rungis warehouse next week. Loaded as opening
 * stock.
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
    private final OpeningStock opening;
    private final InboundSupply inbound;
    private final Catalog catalog;
    private final java.time.Clock clock;

    DemoStock(BalanceRepository balances, OpeningStock opening, InboundSupply inbound, Catalog catalog,
            java.time.Clock clock) {
        this.balances = balances;
        this.opening = opening;
        this.inbound = inbound;
        this.catalog = catalog;
        this.clock = clock;
    }

    @Override
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
        List<OpeningStock.Row> rows = new ArrayList<>();
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
                rows.add(new OpeningStock.Row(location, sku, onHand, location.startsWith("ST-") ? 1 : 0));
            }
        }
        opening.load(rows, "demo", "demo");
        // The shears come back to the warehouse next week.
        inbound.expect("WH-RUNGIS", SHEARS, 40, java.time.LocalDate.now(clock).plusDays(7), "PO-DEMO-1");
        log.info("Demo stock loaded: {} balances", rows.size());
    }
}
