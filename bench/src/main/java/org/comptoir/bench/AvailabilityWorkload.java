package org.comptoir.bench;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * W3: 16 users read one random SKU's availability at every location for the WEB channel, 30 s
 * after a 10 s warm-up. Reports requests per second and latency percentiles.
 */
final class AvailabilityWorkload {

    private static final int USERS = 16;

    private final Bench.Client client;
    private final List<String> skus;

    AvailabilityWorkload(Bench.Client client, List<String> skus) {
        this.client = client;
        this.skus = skus;
    }

    Map<String, Object> run() throws Exception {
        ClosedLoop load = new ClosedLoop(client, USERS, random -> "/api/v1/inventory/availability/"
                + skus.get(random.nextInt(skus.size())) + "?channel=" + DataSet.CHANNEL);
        load.measure(10);
        Map<String, Object> figures = new LinkedHashMap<>();
        figures.put("users", USERS);
        figures.putAll(load.measure(30));
        return figures;
    }
}
