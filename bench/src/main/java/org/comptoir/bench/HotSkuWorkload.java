package org.comptoir.bench;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * W2: 400 clients at the same moment each try to take 1 unit of HOT-1 (100 units at one location).
 * Until the ordering module exists, taking a unit is placing a cart hold (what checkout will do).
 */
final class HotSkuWorkload {

    private static final int CLIENTS = 400;

    private final Bench.Client client;

    HotSkuWorkload(Bench.Client client) {
        this.client = client;
    }

    Map<String, Object> run() throws Exception {
        byte[] body = DataSet.json(Map.of("kind", "CART", "channelCode", DataSet.CHANNEL, "lines",
                List.of(Map.of("sku", DataSet.HOT_SKU, "locationCode", DataSet.HOT_LOCATION, "quantity", 1))));
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Integer>> answers = new ArrayList<>();
        try (var clients = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int i = 0; i < CLIENTS; i++) {
                answers.add(clients.submit(() -> {
                    start.await();
                    var response = client.send("POST", "/api/v1/inventory/holds", "application/json", body);
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
}
