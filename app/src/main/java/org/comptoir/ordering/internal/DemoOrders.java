package org.comptoir.ordering.internal;

import java.util.ArrayList;
import java.util.List;
import org.comptoir.catalog.Catalog;
import org.comptoir.catalog.VariantSummary;
import org.comptoir.inventory.Inventory;
import org.comptoir.platform.security.Caller;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * The demo retailer's orders, on every channel and in every state: the marketplace shirt of the
 * exchange journey (delivered by fulfilment's demo), a click & collect waiting for its customer, a
 * web order being prepared, a phone order waiting for payment, a reserve & collect, a till sale and
 * a cancelled order. Loaded once, on a first start, after the prices.
 */
@Component
@org.springframework.core.annotation.Order(50)
@ConditionalOnProperty(name = "comptoir.demo.enabled", havingValue = "true")
class DemoOrders implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoOrders.class);
    static final String SHIRT = "Chemise de jardinier Jardin & Co";
    private static final Fulfilment.Address PARIS = new Fulfilment.Address("12 rue de Rivoli", null, "75004", "Paris",
            "FR", 48.8556, 2.3561);

    private final OrderRepository orders;
    private final OrderPlacement placement;
    private final Payments payments;
    private final Orders lifecycle;
    private final Catalog catalog;
    private final Inventory inventory;

    DemoOrders(OrderRepository orders, OrderPlacement placement, Payments payments, Orders lifecycle,
            Catalog catalog, Inventory inventory) {
        this.inventory = inventory;
        this.orders = orders;
        this.placement = placement;
        this.payments = payments;
        this.lifecycle = lifecycle;
        this.catalog = catalog;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (orders.any()) {
            return;
        }
        List<String> shirt = shirtSizes();
        Caller demo = Caller.SYSTEM;
        // Claire's shirt, size M, bought on the marketplace (paid there) and delivered to her in Paris.
        place("MARKETPLACE", "MKP-DEMO-1001", "demo-claire", home(), shirt.get(1), 1, demo);
        // Julien collects a watering can in the Bastille store.
        Order pickup = place("WEB", null, "demo-julien", new Fulfilment.Group("pickup",
                Fulfilment.Method.CLICK_AND_COLLECT, "ST-PARIS-BASTILLE", null, null), "JC-00020", 1, demo);
        pay(pickup, demo);
        // A web order being prepared, and a phone order waiting for its payment link.
        pay(place("WEB", null, "demo-amelie", home(), "JC-00003", 2, demo), demo);
        place("PHONE", null, "demo-bernard", home(), "JC-00005", 1, demo);
        // A reserve & collect in Boulogne (paid in the store) and a till sale in Versailles.
        place("STORES", null, "demo-chloe", new Fulfilment.Group("reserve", Fulfilment.Method.RESERVE_AND_COLLECT,
                "ST-BOULOGNE", null, null), onTheShelf("ST-BOULOGNE"), 1, demo);
        Order till = place("STORES", null, null, new Fulfilment.Group("till", Fulfilment.Method.CARRY_OUT,
                "ST-VERSAILLES", null, null), onTheShelf("ST-VERSAILLES"), 1, demo);
        payments.pay(till.id(), "CASH", null, null, demo);
        // Changed their mind.
        Order cancelled = place("APP", null, "demo-david", home(), "JC-00011", 1, demo);
        lifecycle.cancel(cancelled.id(), "changed my mind", demo);
        log.info("Demo orders placed: 7 across 5 channels");
    }

    private List<String> shirtSizes() {
        List<String> skus = new ArrayList<>();
        for (int n = 1; n <= 400; n++) {
            skus.add("JC-%05d".formatted(n));
        }
        return catalog.variants(skus).values().stream().filter(v -> v.productName() != null
                && v.productName().equals(SHIRT)).map(VariantSummary::sku).sorted().toList();
    }

    /** A product the store has on its shelf, from the first ones of the catalogue. */
    private String onTheShelf(String store) {
        List<String> skus = new ArrayList<>();
        for (int n = 2; n <= 30; n++) {
            skus.add("JC-%05d".formatted(n));
        }
        return inventory.available("STORES", skus).entrySet().stream()
                .filter(e -> e.getValue().getOrDefault(store, 0) > 0).map(java.util.Map.Entry::getKey).sorted()
                .findFirst().orElseThrow(() -> new IllegalStateException("nothing on the shelf at " + store));
    }

    private static Fulfilment.Group home() {
        return new Fulfilment.Group("home", Fulfilment.Method.HOME_DELIVERY, null, null, PARIS);
    }

    private Order place(String channel, String externalId, String customer, Fulfilment.Group group, String sku,
            int quantity, Caller caller) {
        return placement.place(new OrderPlacement.PlaceOrder(channel, externalId, customer, null, null, null,
                List.of(), List.of(group), List.of(new OrderPlacement.LineRequest(sku, quantity, group.code())), null,
                null, null, 0), caller).order();
    }

    /** Paid by bank transfer, and the money arrived (the demo has no card gateway). */
    private void pay(Order order, Caller caller) {
        Payment payment = payments.pay(order.id(), "BANK_TRANSFER", null, null, caller);
        payments.capture(order.id(), payment.id(), caller);
    }
}
