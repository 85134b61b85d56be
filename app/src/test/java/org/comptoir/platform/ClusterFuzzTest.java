package org.comptoir.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.comptoir.support.Api;
import org.comptoir.support.ApiTest;
import org.comptoir.support.LoadBalancer;
import org.comptoir.support.OpenApiFuzzer;
import org.comptoir.support.Platform;
import org.comptoir.support.Retailer;
import org.comptoir.support.TestDatabase;
import org.comptoir.support.TestMail;
import org.comptoir.support.WriteJournal;
import org.junit.jupiter.api.Test;

/**
 * The OpenAPI fuzzer through HAProxy in front of two nodes on one database, while tills place orders
 * through it: no 5xx to either, every error a problem, nothing written by a refused write, and every
 * order answered 201 found afterwards. A few thousand requests in the suite;
 * {@code -Dcomptoir.fuzz.cluster-requests=50000} for the long run.
 */
class ClusterFuzzTest {

    private static final int REQUESTS = Integer.getInteger("comptoir.fuzz.cluster-requests", 3000);
    private static final long SEED = Long.getLong("comptoir.fuzz.seed", 7L);

    @Test
    void hostileInputThroughTheLoadBalancerOnTwoNodesUnderOrdersLosesNothing() throws Exception {
        var database = TestDatabase.fresh("comptoir_cluster_fuzz");
        Map<String, String> settings = Map.of("spring.mail.host", "localhost",
                "spring.mail.port", String.valueOf(TestMail.port()));
        try (Platform a = Platform.start(database, settings, WriteJournal.class);
                Platform b = Platform.start(database, settings, WriteJournal.class);
                LoadBalancer balancer = LoadBalancer.start(List.of(a.port(), b.port()))) {
            Api admin = new Api(balancer.port(), ApiTest.ADMIN_KEY);
            Retailer retailer = new Retailer(admin, ApiTest::uniqueCode).build();
            assertThat(admin.post("/api/v1/inventory/movements", Map.of("locationCode", retailer.warehouse, "sku",
                    retailer.sku, "kind", "RECEIPT", "quantity", 100_000, "reference", ApiTest.uniqueCode("PO")))
                    .status()).isEqualTo(201);

            Tills tills = new Tills(admin, retailer);
            tills.start(4);
            var fuzzer = new OpenApiFuzzer(balancer.port(), admin.get("/v3/api-docs").json(), SEED,
                    retailer.paths::get, retailer.fieldValues(), WriteJournal::committedBy,
                    Map.of("/collect", "fulfilment.fulfilment_order"));
            var report = fuzzer.run(List.of(new OpenApiFuzzer.Caller("admin", ApiTest.ADMIN_KEY),
                    new OpenApiFuzzer.Caller("storefront", retailer.storefrontKey)), REQUESTS);
            tills.stop();
            System.out.printf("CLUSTER FUZZ seed=%d requests=%d statuses=%s findings=%d orders=%d till_5xx=%d%n", SEED,
                    report.sent(), report.statuses(), report.findings().size(), tills.placed.size(),
                    tills.serverErrors.get());
            report.findings().stream().limit(200).forEach(f -> System.out.println("CLUSTER FUZZ FINDING " + f));

            assertThat(report.findings()).isEmpty();
            assertThat(report.statuses().keySet()).allMatch(status -> status < 500);
            assertThat(tills.serverErrors.get()).isZero();
            assertThat(tills.placed).isNotEmpty();
            for (String id : tills.placed) {
                assertThat(admin.get("/api/v1/orders/" + id).status()).as("order " + id).isEqualTo(200);
            }
        }
    }

    /** Tills placing orders through the load balancer, resending with the same key until answered. */
    private static final class Tills {

        final ConcurrentLinkedQueue<String> placed = new ConcurrentLinkedQueue<>();
        final AtomicInteger serverErrors = new AtomicInteger();
        private final AtomicBoolean running = new AtomicBoolean(true);
        private final List<Thread> threads = new ArrayList<>();
        private final Api admin;
        private final Retailer retailer;

        Tills(Api admin, Retailer retailer) {
            this.admin = admin;
            this.retailer = retailer;
        }

        void start(int count) {
            for (int i = 0; i < count; i++) {
                threads.add(Thread.ofPlatform().start(this::run));
            }
        }

        void stop() throws InterruptedException {
            running.set(false);
            for (Thread thread : threads) {
                thread.join();
            }
        }

        private void run() {
            while (running.get()) {
                Api till = admin.with("Idempotency-Key", UUID.randomUUID().toString());
                Map<String, Object> order = Map.of("channelCode", retailer.web, "groups", List.of(Map.of("code",
                        "home", "method", "HOME_DELIVERY", "address", Retailer.PARIS)), "lines",
                        List.of(Map.of("sku", retailer.sku, "quantity", 1)));
                for (int attempt = 0; attempt < 5; attempt++) {
                    var answer = till.post("/api/v1/orders", order);
                    if (answer.status() >= 500) {
                        serverErrors.incrementAndGet();
                        continue;
                    }
                    if (answer.status() == 201) {
                        placed.add(answer.json().path("id").asString());
                    }
                    break;
                }
            }
        }
    }
}
