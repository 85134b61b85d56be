package org.comptoir.bench;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * W2: 400 clients each fill a cart with 1 unit of HOT-1 (100 units at one location) and choose home
 * delivery, then all place their order at the same moment: exactly 100 must succeed and 300 get a
 * clear out-of-stock answer.
 */
final class HotSkuWorkload {

    private static final int CLIENTS = 400;

    private final Bench.Client client;
    private final Bench.Client shop;

    /** @param shop the web shop's storefront, through which the shoppers check out */
    HotSkuWorkload(Bench.Client client, Bench.Client shop) {
        this.client = client;
        this.shop = shop;
    }

    /** A shopper's cart: its id, and the storefront proving it with the cart's secret. */
    private record Cart(String id, Bench.Client owner) {}

    Map<String, Object> run() throws Exception {
        List<Cart> carts = new ArrayList<>();
        try (var preparing = Executors.newFixedThreadPool(16)) {
            List<Future<Cart>> prepared = new ArrayList<>();
            for (int i = 0; i < CLIENTS; i++) {
                prepared.add(preparing.submit(this::cart));
            }
            for (Future<Cart> cart : prepared) {
                carts.add(cart.get());
            }
        }
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Integer>> answers = new ArrayList<>();
        try (var clients = Executors.newVirtualThreadPerTaskExecutor()) {
            for (Cart cart : carts) {
                answers.add(clients.submit(() -> {
                    start.await();
                    var response = cart.owner().send("POST", "/api/v1/carts/" + cart.id() + "/order",
                            "application/json", null);
                    if (response.statusCode() == 409 && response.body().contains("out-of-stock")) {
                        return 409;
                    }
                    return response.statusCode();
                }));
            }
            start.countDown();
        }
        int succeeded = 0;
        int outOfStock = 0;
        int errors = 0;
        for (Future<Integer> answer : answers) {
            int status;
            try {
                status = answer.get();
            } catch (Exception e) {
                status = -1;
            }
            if (status == 201) {
                succeeded++;
            } else if (status == 409) {
                outOfStock++;
            } else {
                errors++;
            }
        }
        var balance = client.get("/api/v1/inventory/balances/" + DataSet.HOT_LOCATION + "/" + DataSet.HOT_SKU);
        Map<String, Object> figures = new LinkedHashMap<>();
        figures.put("attempts", CLIENTS);
        figures.put("succeeded", succeeded);
        figures.put("out_of_stock", outOfStock);
        figures.put("errors", errors);
        figures.put("available", balance.path("available").asInt());
        figures.put("reserved", balance.path("reserved").asInt());
        return figures;
    }

    /** A cart with one unit of the hot SKU, delivered home: everything of the checkout but the placement. */
    private Cart cart() throws Exception {
        var made = Bench.JSON.readTree(shop.send("POST", "/api/v1/carts", "application/json",
                DataSet.json(Map.of("channelCode", DataSet.CHANNEL))).body());
        String id = made.path("id").asString();
        Bench.Client client = shop.withCartSecret(made.path("secret").asString());
        client.send("POST", "/api/v1/carts/" + id + "/lines", "application/json",
                DataSet.json(Map.of("sku", DataSet.HOT_SKU, "quantity", 1)));
        var group = client.send("PUT", "/api/v1/carts/" + id + "/groups/main", "application/json",
                DataSet.json(Map.of("method", "HOME_DELIVERY", "address", CheckoutWorkload.PARIS)));
        if (group.statusCode() != 200) {
            throw new IllegalStateException("cart " + id + ": " + group.body());
        }
        return new Cart(id, client);
    }
}
