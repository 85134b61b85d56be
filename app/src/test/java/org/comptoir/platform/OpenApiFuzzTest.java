package org.comptoir.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.comptoir.support.Api;
import org.comptoir.support.ApiTest;
import org.comptoir.support.OpenApiFuzzer;
import org.comptoir.support.Platform;
import org.comptoir.support.Retailer;
import org.comptoir.support.TestDatabase;
import org.comptoir.support.TestMail;
import org.comptoir.support.WriteJournal;
import org.junit.jupiter.api.Test;

/**
 * Every operation of the OpenAPI document, as an admin and as a storefront, with one thing wrong at a
 * time: no 5xx, every error a problem document, and nothing written by a refused write (the pickup-code
 * attempt counter, which must count, is the one exception). A fixed seed and a few thousand requests in
 * the suite; {@code -Dcomptoir.fuzz.requests=50000 -Dcomptoir.fuzz.seed=…} for a longer run. On a
 * platform of its own, so that what the fuzzer creates stays out of the other tests' way.
 */
class OpenApiFuzzTest {

    private static final int REQUESTS = Integer.getInteger("comptoir.fuzz.requests", 3000);
    private static final long SEED = Long.getLong("comptoir.fuzz.seed", 42L);

    @Test
    void everyOperationAnswersHostileInputWithAProblemAndARefusalWritesNothing() {
        try (Platform platform = Platform.start(TestDatabase.fresh("comptoir_fuzz"), Map.of("spring.mail.host",
                "localhost", "spring.mail.port", String.valueOf(TestMail.port())), WriteJournal.class)) {
            var admin = platform.admin();
            Retailer retailer = new Retailer(admin, ApiTest::uniqueCode).build();
            journalSeesWhatARequestCommits(admin, retailer);
            var document = admin.get("/v3/api-docs").json();
            var fuzzer = new OpenApiFuzzer(platform.port(), document, SEED, retailer.paths::get,
                    retailer.fieldValues(), WriteJournal::committedBy,
                    Map.of("/collect", "fulfilment.fulfilment_order"));
            var report = fuzzer.run(List.of(new OpenApiFuzzer.Caller("admin", ApiTest.ADMIN_KEY),
                    new OpenApiFuzzer.Caller("storefront", retailer.storefrontKey)), REQUESTS);
            System.out.printf("FUZZ seed=%d requests=%d operations=%d statuses=%s findings=%d%n", SEED, report.sent(),
                    fuzzer.operations().size(), report.statuses(), report.findings().size());
            report.findings().stream().limit(200).forEach(f -> System.out.println("FUZZ FINDING " + f));
            assertThat(report.findings()).isEmpty();
        }
    }

    /** The write check can fail: a request that writes is seen writing, a refused one is not. */
    private static void journalSeesWhatARequestCommits(Api admin, Retailer retailer) {
        String written = "check-" + UUID.randomUUID();
        var moved = admin.with("X-Correlation-Id", written).post("/api/v1/inventory/movements", Map.of(
                "locationCode", retailer.store, "sku", retailer.sku, "kind", "RECEIPT", "quantity", 1,
                "reference", ApiTest.uniqueCode("PO")));
        assertThat(moved.status()).isEqualTo(201);
        assertThat(WriteJournal.committedBy(written)).anyMatch(w -> w.startsWith("inventory.movement"));
        String refused = "check-" + UUID.randomUUID();
        var tooMany = admin.with("X-Correlation-Id", refused).post("/api/v1/inventory/movements", Map.of(
                "locationCode", retailer.store, "sku", retailer.sku, "kind", "SALE", "quantity", 1_000_000,
                "reference", ApiTest.uniqueCode("PO")));
        assertThat(tooMany.status()).isBetween(400, 499);
        assertThat(WriteJournal.committedBy(refused)).isEmpty();
    }
}
