package org.comptoir.customers.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.comptoir.customers.CustomerFixture;
import org.comptoir.ordering.OrderPlaced;
import org.comptoir.platform.security.Role;
import org.comptoir.support.Api;
import org.comptoir.support.ApiTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

/**
 * An order's placement delivered again to the customers module (as a publication resubmitted after a
 * crash is) leaves one purchase on the customer's timeline, not two.
 */
class PurchaseTouchpointOnceTest extends ApiTest {

    private final CustomerActivity activity;

    PurchaseTouchpointOnceTest(@Autowired ApplicationContext context) {
        this.activity = context.getBean(CustomerActivity.class);
    }

    @Test
    void aRedeliveredOrderPlacedIsOnTheTimelineOnce() {
        CustomerFixture shop = new CustomerFixture(admin, ApiTest::unique);
        String phone = "+3361" + String.format("%07d", (int) (System.nanoTime() % 10_000_000));
        Api associate = as(scopedKey(shop.store, Role.STORE_ASSOCIATE));
        var sale = shop.tillSale(associate, "phone:" + phone, 1);
        String number = sale.path("number").asString();
        String customer = await().atMost(Duration.ofSeconds(20)).until(() -> admin.get("/api/v1/customers?ref=phone:"
                + phone.replace("+", "%2B")).json().path(0).path("profile").path("id").asString(""), id -> !id.isEmpty());
        await().atMost(Duration.ofSeconds(20)).until(() -> purchases(customer, number) == 1);

        activity.on(new OrderPlaced(UUID.randomUUID(), Instant.now(), UUID.fromString(sale.path("id").asString()),
                number, shop.till, "phone:" + phone, sale.path("total").asLong(), "EUR"));
        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(5)).until(() -> purchases(customer, number) == 1);
    }

    private long purchases(String customer, String number) {
        return admin.get("/api/v1/customers/" + customer + "/timeline?limit=200").json().path("items").valueStream()
                .filter(t -> t.path("type").asString().equals("PURCHASE") && t.path("subject").asString().equals(number))
                .count();
    }
}
