package org.comptoir.ordering.internal;

import static org.comptoir.ordering.internal.db.tables.Cart.CART;
import static org.comptoir.ordering.internal.db.tables.CartGroup.CART_GROUP;
import static org.comptoir.ordering.internal.db.tables.CartLine.CART_LINE;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.comptoir.ordering.internal.db.tables.records.CartRecord;
import org.jooq.DSLContext;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.ObjectMapper;

@Repository
class CartRepository {

    private final DSLContext db;
    private final ObjectMapper json;

    CartRepository(DSLContext db, ObjectMapper json) {
        this.db = db;
        this.json = json;
    }

    void insert(Cart cart) {
        db.insertInto(CART).set(CART.ID, cart.id()).set(CART.CHANNEL_CODE, cart.channelCode())
                .set(CART.CUSTOMER_REF, cart.customerRef()).set(CART.CUSTOMER_GROUP, cart.customerGroup())
                .set(CART.CURRENCY, cart.currency()).set(CART.COUNTRY, cart.country())
                .set(CART.STATUS, cart.status().name()).set(CART.VERSION, cart.version())
                .set(CART.CREATED_AT, cart.createdAt()).set(CART.UPDATED_AT, cart.updatedAt())
                .set(CART.LOYALTY_POINTS, cart.loyaltyPoints()).execute();
    }

    Optional<Cart> find(UUID id) {
        return db.selectFrom(CART).where(CART.ID.eq(id)).fetchOptional().map(this::withDetails);
    }

    /**
     * Starts a change of an open cart: locks its row (two devices editing one cart take turns), counts
     * the activity and clears an abandonment. Empty when the cart is not open.
     */
    Optional<Cart> touch(UUID id, Instant now) {
        int updated = db.update(CART).set(CART.VERSION, CART.VERSION.plus(1)).set(CART.UPDATED_AT, now)
                .setNull(CART.ABANDONED_AT)
                .where(CART.ID.eq(id), CART.STATUS.eq(Cart.Status.OPEN.name())).execute();
        return updated == 1 ? find(id) : Optional.empty();
    }

    void update(Cart cart) {
        db.update(CART).set(CART.CHANNEL_CODE, cart.channelCode()).set(CART.CUSTOMER_REF, cart.customerRef())
                .set(CART.CUSTOMER_GROUP, cart.customerGroup()).set(CART.CURRENCY, cart.currency())
                .set(CART.COUNTRY, cart.country())
                .set(CART.CODES, cart.codes().isEmpty() ? null : String.join(",", cart.codes()))
                .set(CART.STATUS, cart.status().name()).set(CART.HOLD_ID, cart.holdId())
                .set(CART.ORDER_ID, cart.orderId()).set(CART.LOYALTY_POINTS, cart.loyaltyPoints())
                .where(CART.ID.eq(cart.id())).execute();
    }

    void setLine(UUID cartId, Cart.Line line, Instant now) {
        db.deleteFrom(CART_LINE).where(CART_LINE.CART_ID.eq(cartId), CART_LINE.SKU.eq(line.sku())).execute();
        if (line.quantity() > 0) {
            db.insertInto(CART_LINE).set(CART_LINE.CART_ID, cartId).set(CART_LINE.SKU, line.sku())
                    .set(CART_LINE.GROUP_CODE, line.group()).set(CART_LINE.QUANTITY, line.quantity())
                    .set(CART_LINE.ADDED_AT, now).execute();
        }
    }

    void setGroup(UUID cartId, Fulfilment.Group group) {
        db.deleteFrom(CART_GROUP).where(CART_GROUP.CART_ID.eq(cartId), CART_GROUP.GROUP_CODE.eq(group.code()))
                .execute();
        db.insertInto(CART_GROUP).set(CART_GROUP.CART_ID, cartId).set(CART_GROUP.GROUP_CODE, group.code())
                .set(CART_GROUP.METHOD, group.method().name()).set(CART_GROUP.LOCATION_CODE, group.locationCode())
                .set(CART_GROUP.RELAY_POINT, group.relayPoint())
                .set(CART_GROUP.ADDRESS_JSON, group.address() == null ? null : json.writeValueAsString(group.address()))
                .execute();
    }

    /** Open, non-empty carts of the customer references, newest first. */
    List<Cart> openOf(java.util.Collection<String> customerRefs) {
        return db.selectFrom(CART).where(CART.CUSTOMER_REF.in(customerRefs), CART.STATUS.eq(Cart.Status.OPEN.name()),
                        org.jooq.impl.DSL.exists(org.jooq.impl.DSL.selectOne().from(CART_LINE)
                                .where(CART_LINE.CART_ID.eq(CART.ID))))
                .orderBy(CART.UPDATED_AT.desc()).limit(10).fetch(this::withDetails);
    }

    /** Known customers' open, non-empty carts untouched since {@code before} and not yet flagged. */
    List<UUID> abandonedSince(Instant before, int limit) {
        return db.select(CART.ID).from(CART)
                .where(CART.STATUS.eq(Cart.Status.OPEN.name()), CART.UPDATED_AT.lt(before),
                        CART.ABANDONED_AT.isNull(), CART.CUSTOMER_REF.isNotNull())
                .andExists(db.selectOne().from(CART_LINE).where(CART_LINE.CART_ID.eq(CART.ID)))
                .orderBy(CART.UPDATED_AT).limit(limit).fetch(CART.ID);
    }

    /** Flags the cart abandoned once; false when it changed or was flagged meanwhile. */
    boolean markAbandoned(UUID id, Instant before, Instant now) {
        return db.update(CART).set(CART.ABANDONED_AT, now)
                .where(CART.ID.eq(id), CART.ABANDONED_AT.isNull(), CART.UPDATED_AT.lt(before),
                        CART.STATUS.eq(Cart.Status.OPEN.name()))
                .execute() == 1;
    }

    private Cart withDetails(CartRecord r) {
        List<Fulfilment.Group> groups = db.selectFrom(CART_GROUP).where(CART_GROUP.CART_ID.eq(r.getId()))
                .orderBy(CART_GROUP.GROUP_CODE)
                .fetch(g -> new Fulfilment.Group(g.getGroupCode(), Fulfilment.Method.valueOf(g.getMethod()),
                        g.getLocationCode(), g.getRelayPoint(), g.getAddressJson() == null ? null
                                : json.readValue(g.getAddressJson(), Fulfilment.Address.class)));
        List<Cart.Line> lines = db.selectFrom(CART_LINE).where(CART_LINE.CART_ID.eq(r.getId()))
                .orderBy(CART_LINE.ADDED_AT, CART_LINE.SKU)
                .fetch(l -> new Cart.Line(l.getSku(), l.getGroupCode(), l.getQuantity()));
        return new Cart(r.getId(), r.getChannelCode(), r.getCustomerRef(), r.getCustomerGroup(), r.getCurrency(),
                r.getCountry(), r.getCodes() == null ? List.of() : Arrays.asList(r.getCodes().split(",")),
                Cart.Status.valueOf(r.getStatus()), r.getHoldId(), r.getOrderId(), r.getVersion(), r.getCreatedAt(),
                r.getUpdatedAt(), groups, lines, r.getLoyaltyPoints());
    }
}
