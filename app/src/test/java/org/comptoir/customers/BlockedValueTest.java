package org.comptoir.customers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.comptoir.platform.security.Role;
import org.comptoir.support.Api;
import org.comptoir.support.ApiTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;

/**
 * A blocked value (the till's noemail@magasin.fr) never links anything: two people's sales keyed in
 * under it once ended up in each other's profiles, their lifetime values doubled, and erasing one
 * rewrote the other's orders.
 */
class BlockedValueTest extends ApiTest {

    @Autowired
    private DataSource dataSource;

    @Test
    void twoPeoplesSalesKeyedInUnderABlockedValueStayApartAndLinkNoProfile() {
        CustomerFixture shop = new CustomerFixture(admin, ApiTest::unique);
        Api associate = as(scopedKey(shop.store, Role.STORE_ASSOCIATE));
        JdbcTemplate sql = new JdbcTemplate(dataSource);
        String blocked = "email:noemail@magasin.fr";
        int linksBefore = sql.queryForObject("select count(*) from customers.order_link where customer_ref = ?",
                Integer.class, blocked);

        JsonNode first = shop.tillSale(associate, blocked, 1);
        JsonNode second = shop.tillSale(associate, blocked, 2);
        // A real customer's sale, after them: its events are handled after theirs.
        String email = unique("real").toLowerCase() + "@example.fr";
        JsonNode real = shop.tillSale(associate, "email:" + email, 1);
        await().atMost(Duration.ofSeconds(20)).until(() -> admin.get("/api/v1/customers?ref=email:" + email).json()
                .size() == 1 && admin.get("/api/v1/customers/" + admin.get("/api/v1/customers?ref=email:" + email)
                .json().get(0).path("profile").path("id").asString() + "/view").json().path("orders").size() == 1);

        assertThat(sql.queryForObject("select count(*) from customers.order_link where customer_ref = ?",
                Integer.class, blocked)).isEqualTo(linksBefore);
        assertThat(sql.queryForObject("select count(*) from customers.order_link where order_id in (?, ?)",
                Integer.class, java.util.UUID.fromString(first.path("id").asString()),
                java.util.UUID.fromString(second.path("id").asString()))).isZero();
        assertThat(admin.get("/api/v1/customers?ref=" + blocked).json().isEmpty()).isTrue();
        String id = admin.get("/api/v1/customers?ref=email:" + email).json().get(0).path("profile").path("id")
                .asString();
        assertThat(admin.get("/api/v1/customers/" + id + "/view").json().path("orders").valueStream()
                .map(o -> o.path("number").asString())).containsExactly(real.path("number").asString());
        assertThat(admin.post("/api/v1/customers/identify", Map.of("source", "till", "identities",
                List.of(Map.of("kind", "EMAIL", "value", "noemail@magasin.fr")))).json().path("refused").size())
                .isEqualTo(1);
    }
}
