package org.comptoir.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.comptoir.support.Api;
import org.comptoir.support.ApiTest;
import org.comptoir.support.Fixtures;
import org.comptoir.support.Platform;
import org.comptoir.support.TestDatabase;
import org.junit.jupiter.api.Test;

/**
 * A node asked to stop finishes the request it is serving before it closes: a stock receipt waiting
 * on a row lock when the shutdown begins is answered 201, and it is in the ledger after a restart.
 */
class GracefulShutdownTest {

    @Test
    void aRequestInFlightWhenTheNodeStopsIsFinishedAndKept() throws Exception {
        var database = TestDatabase.fresh("comptoir_graceful");
        String store = ApiTest.uniqueCode("ST");
        String sku = ApiTest.uniqueCode("GRA");
        String reference = ApiTest.uniqueCode("PO");
        Platform first = Platform.start(database, Map.of());
        Api admin = first.admin();
        assertThat(admin.post("/api/v1/locations", Fixtures.store(store, 48.85, 2.35)).status()).isEqualTo(201);
        assertThat(admin.post("/api/v1/catalog/products", Fixtures.product("Cisaille", List.of(), sku)).status())
                .isEqualTo(201);
        receipt(admin, store, sku, 1, ApiTest.uniqueCode("PO"));

        CompletableFuture<Api.Response> inFlight;
        CompletableFuture<Void> stopped;
        try (Connection lock = first.bean(DataSource.class).getConnection()) {
            lock.setAutoCommit(false);
            try (PreparedStatement select = lock.prepareStatement(
                    "SELECT on_hand FROM inventory.balance WHERE sku = ? AND location_code = ? FOR UPDATE")) {
                select.setString(1, sku);
                select.setString(2, store);
                select.executeQuery().close();
            }
            inFlight = CompletableFuture.supplyAsync(() -> admin.post("/api/v1/inventory/movements", Map.of(
                    "locationCode", store, "sku", sku, "kind", "RECEIPT", "quantity", 5, "reference", reference)));
            Thread.sleep(200);
            assertThat(inFlight).isNotDone();
            stopped = CompletableFuture.runAsync(first::close);
            Thread.sleep(200);
            assertThat(stopped).as("the node waits for the request").isNotDone();
            lock.commit();
        }
        Api.Response answer = inFlight.get(20, TimeUnit.SECONDS);
        stopped.get(40, TimeUnit.SECONDS);
        assertThat(answer.status()).as(answer.toString()).isEqualTo(201);

        try (Platform second = Platform.start(database, Map.of())) {
            var balance = second.admin().get("/api/v1/inventory/balances/" + store + "/" + sku);
            assertThat(balance.json().path("onHand").asInt()).as(balance.toString()).isEqualTo(6);
        }
    }

    private static void receipt(Api admin, String store, String sku, int quantity, String reference) {
        var moved = admin.post("/api/v1/inventory/movements", Map.of("locationCode", store, "sku", sku, "kind",
                "RECEIPT", "quantity", quantity, "reference", reference));
        assertThat(moved.status()).as(moved.toString()).isEqualTo(201);
    }
}
