package org.comptoir.ordering.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import org.comptoir.platform.security.Caller;
import org.comptoir.support.ApiTest;
import org.comptoir.support.Fixtures;
import org.jooq.DSLContext;
import org.jooq.SQLDialect;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * On PostgreSQL a cart's changes commit without waiting for the disk (a crash may lose a draft's last
 * changes), while the order placed from the cart commits durably, and with it the changes before it.
 */
class CartCommitTest extends ApiTest {

    @Autowired
    Carts carts;
    @Autowired
    DSLContext db;
    @Autowired
    PlatformTransactionManager transactions;

    @Test
    void cartChangesCommitAsDraftsAndTheOrderPlacedFromTheCartCommitsDurably() {
        assumeTrue(db.dialect().family() == SQLDialect.POSTGRES, "synchronous_commit is PostgreSQL's");
        String warehouse = location("WH", "WAREHOUSE", 48.7469, 2.3513, "SHIPS_PARCELS");
        String web = unique("WEB");
        assertThat(admin.post("/api/v1/channels", Fixtures.channel(web, List.of(warehouse))).status()).isEqualTo(201);
        String sku = unique("SEC");
        admin.post("/api/v1/catalog/products", Fixtures.product("Sécateur " + sku, List.of(web), sku));
        priceList(Map.of(sku, 2490));
        receive(warehouse, sku, 5);

        UUID cart = committedWith(() -> carts.create(web, null, null, null, null, Caller.SYSTEM).cart().id(), "off");
        committedWith(() -> carts.setLine(cart, sku, 2, null, true, Caller.SYSTEM), "off");
        committedWith(() -> carts.setGroup(cart, new Fulfilment.Group("main", Fulfilment.Method.HOME_DELIVERY, null,
                null, new Fulfilment.Address("12 rue de Rivoli", null, "75004", "Paris", "FR", null, null)), Caller.SYSTEM), "off");
        Order order = committedWith(() -> carts.order(cart, Order.PaymentTerms.PAY_NOW, Caller.SYSTEM).order(), "on");

        assertThat(order.lines()).hasSize(1);
        assertThat(admin.get("/api/v1/carts/" + cart).json().path("status").asString()).isEqualTo("ORDERED");
        assertThat(setting()).as("outside those transactions").isEqualTo("on");
    }

    /** Runs the work in a transaction of its own and asserts how that transaction is to commit. */
    private <T> T committedWith(Supplier<T> work, String synchronousCommit) {
        return new TransactionTemplate(transactions).execute(status -> {
            T result = work.get();
            assertThat(setting()).isEqualTo(synchronousCommit);
            return result;
        });
    }

    private String setting() {
        return String.valueOf(db.fetchValue("select current_setting('synchronous_commit')"));
    }
}
