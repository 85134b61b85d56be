package org.comptoir.ordering.internal;

import static org.comptoir.ordering.internal.db.tables.Cart.CART;
import static org.comptoir.ordering.internal.db.tables.CartGroup.CART_GROUP;
import static org.comptoir.ordering.internal.db.tables.CustomerOrder.CUSTOMER_ORDER;
import static org.comptoir.ordering.internal.db.tables.OrderHistory.ORDER_HISTORY;
import static org.comptoir.ordering.internal.db.tables.Payment.PAYMENT;
import static org.comptoir.ordering.internal.db.tables.PaymentOperation.PAYMENT_OPERATION;
import static org.comptoir.ordering.internal.db.tables.OrderGroup.ORDER_GROUP;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.comptoir.ordering.OrderBook;
import org.comptoir.platform.privacy.PersonalData;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Table;
import org.jooq.TableField;
import org.springframework.stereotype.Component;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * A person's orders and carts. Erasure keeps every order, its lines and amounts (accounting needs
 * them) and removes who it was for: the customer reference becomes the pseudonym and delivery
 * addresses keep only their postal code, city and country (the VAT destination).
 */
@Component
class OrderPersonalData implements PersonalData {

    private final DSLContext db;
    private final OrderBook orderBook;
    private final OrderRepository orders;
    private final ObjectMapper json;

    OrderPersonalData(DSLContext db, OrderBook orderBook, OrderRepository orders, ObjectMapper json) {
        this.db = db;
        this.orderBook = orderBook;
        this.orders = orders;
        this.json = json;
    }

    @Override
    public String category() {
        return "orders";
    }

    @Override
    public Object export(Subject subject) {
        Map<String, Object> all = new LinkedHashMap<>();
        List<Map<String, Object>> placed = subject.orderIds().stream().sorted()
                .flatMap(id -> orders.find(id).stream()).map(order -> {
                    Map<String, Object> one = new LinkedHashMap<>();
                    one.put("order", orderBook.find(order.id()).orElseThrow());
                    one.put("groups", order.groups());
                    return one;
                }).toList();
        all.put("orders", placed);
        all.put("carts", db.select(CART.ID, CART.CHANNEL_CODE, CART.STATUS, CART.CREATED_AT).from(CART)
                .where(CART.CUSTOMER_REF.in(subject.refs())).orderBy(CART.ID).fetchMaps());
        return all;
    }

    @Override
    public int erase(Subject subject) {
        int changed = db.update(CUSTOMER_ORDER).set(CUSTOMER_ORDER.CUSTOMER_REF, subject.pseudonym())
                .where(CUSTOMER_ORDER.CUSTOMER_REF.in(subject.refs()).or(CUSTOMER_ORDER.ID.in(subject.orderIds())))
                .execute();
        changed += strip(ORDER_GROUP, ORDER_GROUP.ORDER_ID, ORDER_GROUP.GROUP_CODE, ORDER_GROUP.ADDRESS_JSON,
                subject.orderIds());
        List<UUID> carts = db.select(CART.ID).from(CART).where(CART.CUSTOMER_REF.in(subject.refs())).fetch(CART.ID);
        changed += strip(CART_GROUP, CART_GROUP.CART_ID, CART_GROUP.GROUP_CODE, CART_GROUP.ADDRESS_JSON, carts);
        changed += db.update(CART).set(CART.CUSTOMER_REF, subject.pseudonym()).where(CART.ID.in(carts)).execute();
        // Free text written about the orders (why one was cancelled, what a payment said) may name the person.
        changed += db.update(ORDER_HISTORY).set(ORDER_HISTORY.DETAIL, (String) null)
                .where(ORDER_HISTORY.ORDER_ID.in(subject.orderIds()), ORDER_HISTORY.DETAIL.isNotNull()).execute();
        changed += db.update(PAYMENT).set(PAYMENT.DETAIL, (String) null)
                .where(PAYMENT.ORDER_ID.in(subject.orderIds()), PAYMENT.DETAIL.isNotNull()).execute();
        changed += db.update(PAYMENT_OPERATION).set(PAYMENT_OPERATION.DETAIL, (String) null)
                .set(PAYMENT_OPERATION.REASON, (String) null).set(PAYMENT_OPERATION.TOKEN, (String) null)
                .where(PAYMENT_OPERATION.ORDER_ID.in(subject.orderIds())).execute();
        return changed;
    }

    /** Addresses of the given owners reduced to what is not personal. */
    private int strip(Table<?> table, TableField<?, UUID> owner, Field<String> code, Field<String> address,
            java.util.Collection<UUID> owners) {
        int changed = 0;
        for (var row : db.select(owner, code, address).from(table).where(owner.in(owners), address.isNotNull())
                .fetch()) {
            ObjectNode full = (ObjectNode) json.readTree(row.value3());
            ObjectNode kept = json.createObjectNode();
            kept.put("line1", "(erased)");
            for (String name : List.of("postalCode", "city", "country")) {
                if (full.has(name)) {
                    kept.set(name, full.get(name));
                }
            }
            changed += db.update(table).set(address, json.writeValueAsString(kept))
                    .where(owner.eq(row.value1()), code.eq(row.value2())).execute();
        }
        return changed;
    }
}
