package org.comptoir.ordering.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.comptoir.support.ApiTest;
import org.comptoir.support.Retailer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * An order's balance is what is still owed after payments, refunds, cancellations and returns, and an
 * authorised card is taken when the goods leave, reduced when lines go before that.
 */
class MoneyAddsUpTest extends ApiTest {

    @Autowired
    private TestGateway gateway;

    private Retailer shop;

    @BeforeEach
    void retailer() {
        shop = new Retailer(admin, ApiTest::uniqueCode);
        shop.network();
        shop.catalogue();
    }

    private JsonNode order(int quantity) {
        var placed = admin.post("/api/v1/orders", Map.of("channelCode", shop.web, "groups", List.of(Map.of("code",
                "home", "method", "HOME_DELIVERY", "address", Retailer.PARIS)), "lines", List.of(Map.of("sku",
                shop.sku, "quantity", quantity))));
        assertThat(placed.status()).as(placed.toString()).isEqualTo(201);
        return placed.json();
    }

    private JsonNode authorise(String orderId) {
        var paid = admin.post("/api/v1/orders/" + orderId + "/payments", Map.of("provider", "TEST", "token", "tok"));
        assertThat(paid.status()).as(paid.toString()).isEqualTo(201);
        assertThat(paid.json().path("status").asString()).isEqualTo("AUTHORIZED");
        return paid.json();
    }

    private void move(String orderId, String... statuses) {
        for (String status : statuses) {
            var moved = admin.post("/api/v1/orders/" + orderId + "/status", Map.of("status", status));
            assertThat(moved.status()).as(status + " " + moved).isEqualTo(200);
        }
    }

    private JsonNode read(String orderId) {
        return admin.get("/api/v1/orders/" + orderId).json();
    }

    @Test
    void anOrderPaidByAuthorisationOnlyIsCapturedWhenItShipsAndALineCancelledBeforeReducesTheAuthorisation() {
        JsonNode order = order(3);
        String id = order.path("id").asString();
        long unit = order.path("lines").get(0).path("gross").asLong() / 3;
        JsonNode payment = authorise(id);
        String ref = payment.path("providerRef").asString();

        var cancelled = admin.post("/api/v1/orders/" + id + "/line-cancellations", Map.of("lines",
                List.of(Map.of("lineNo", 1, "quantity", 1))));
        assertThat(cancelled.status()).as(cancelled.toString()).isEqualTo(200);
        long owed = cancelled.json().path("totals").path("gross").asLong();
        await().atMost(Duration.ofSeconds(10)).until(() -> gateway.approved("void", List.of(ref)) > 0);
        assertThat(gateway.approved("void", List.of(ref))).isEqualTo(order.path("totals").path("gross").asLong() - owed)
                .isGreaterThanOrEqualTo(unit);
        assertThat(gateway.approved("capture", List.of(ref))).isZero();

        move(id, "IN_FULFILMENT", "SHIPPED");
        await().atMost(Duration.ofSeconds(10)).until(() -> read(id).path("paid").asLong() == owed);
        assertThat(gateway.approved("capture", List.of(ref))).isEqualTo(owed);
        JsonNode after = read(id);
        assertThat(after.path("paymentStatus").asString()).isEqualTo("PAID");
        assertThat(after.path("balance").asLong()).isZero();
    }

    @Test
    void aReturnRefundedEndsWithABalanceOfZero() {
        JsonNode order = order(2);
        String id = order.path("id").asString();
        authorise(id);
        move(id, "IN_FULFILMENT", "SHIPPED");
        long total = order.path("totals").path("gross").asLong();
        await().atMost(Duration.ofSeconds(10)).until(() -> read(id).path("paid").asLong() == total);
        move(id, "DELIVERED");

        var opened = admin.post("/api/v1/returns", Map.of("orderId", id, "method", "IN_STORE", "locationCode",
                shop.store, "lines", List.of(Map.of("lineNo", 1, "quantity", 1, "reason", "WRONG_SIZE"))));
        assertThat(opened.status()).as(opened.toString()).isEqualTo(201);
        long value = opened.json().path("returnRequest").path("refundAmount").asLong();
        var received = admin.post("/api/v1/returns/" + opened.json().path("returnRequest").path("id").asString()
                + "/receive", Map.of(
                "locationCode", shop.store, "lines", List.of(Map.of("lineNo", 1, "condition", "RESELLABLE"))));
        assertThat(received.status()).as(received.toString()).isEqualTo(200);

        await().atMost(Duration.ofSeconds(10)).until(() -> read(id).path("refunded").asLong() == value);
        JsonNode after = read(id);
        assertThat(after.path("returned").asLong()).isEqualTo(value);
        assertThat(after.path("paid").asLong()).isEqualTo(total);
        assertThat(after.path("balance").asLong()).as(after.toString()).isZero();
    }

    @Test
    void aPaidOrderCancelledIsRefundedAndEndsWithABalanceOfZero() {
        JsonNode order = order(1);
        String id = order.path("id").asString();
        JsonNode payment = authorise(id);
        var captured = admin.post("/api/v1/orders/" + id + "/payments/" + payment.path("id").asString() + "/capture",
                null);
        assertThat(captured.json().path("status").asString()).isEqualTo("CAPTURED");
        long total = order.path("totals").path("gross").asLong();

        assertThat(admin.post("/api/v1/orders/" + id + "/cancel", Map.of("reason", "changed my mind")).status())
                .isEqualTo(200);

        await().atMost(Duration.ofSeconds(10)).until(() -> read(id).path("refunded").asLong() == total);
        JsonNode after = read(id);
        assertThat(after.path("status").asString()).isEqualTo("CANCELLED");
        assertThat(after.path("paymentStatus").asString()).isEqualTo("REFUNDED");
        assertThat(after.path("balance").asLong()).isZero();
        assertThat(gateway.approved("refund", List.of(payment.path("providerRef").asString()))).isEqualTo(total);
    }

    @Test
    void anAuthorisedOrderCancelledLetsTheAuthorisationGo() {
        JsonNode order = order(1);
        String id = order.path("id").asString();
        String ref = authorise(id).path("providerRef").asString();

        assertThat(admin.post("/api/v1/orders/" + id + "/cancel", Map.of()).status()).isEqualTo(200);

        await().atMost(Duration.ofSeconds(10)).until(() -> gateway.approved("void", List.of(ref))
                == order.path("totals").path("gross").asLong());
        JsonNode after = read(id);
        assertThat(after.path("balance").asLong()).isZero();
        assertThat(admin.get("/api/v1/orders/" + id + "/payments").json().get(0).path("status").asString())
                .isEqualTo("VOIDED");
    }
}
