package org.comptoir.ordering.internal;

import static org.comptoir.ordering.internal.db.tables.Cart.CART;
import static org.comptoir.ordering.internal.db.tables.CartGroup.CART_GROUP;
import static org.comptoir.ordering.internal.db.tables.CartLine.CART_LINE;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.comptoir.ordering.internal.db.tables.records.CartRecord;
import org.comptoir.platform.persistence.RenderedSql;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.ObjectMapper;

@Repository
class CartRepository {

    private final DSLContext db;
    private final ObjectMapper json;
    /**
     * What every cart change runs, rendered once (see {@link RenderedSql}): a web checkout changes its
     * cart four times, and rendering these cost more of the JVM than the database spent on them.
     */
    private final RenderedSql insertCart;
    private final RenderedSql findCart;
    private final RenderedSql groupsOf;
    private final RenderedSql linesOf;
    private final RenderedSql touchCart;
    private final RenderedSql deleteLine;
    private final RenderedSql insertLine;

    CartRepository(DSLContext db, ObjectMapper json) {
        this.db = db;
        this.json = json;
        this.insertCart = RenderedSql.insert(db, CART, CART.ID, CART.CHANNEL_CODE, CART.CUSTOMER_REF,
                CART.CUSTOMER_GROUP, CART.CURRENCY, CART.COUNTRY, CART.STATUS, CART.VERSION, CART.CREATED_AT,
                CART.UPDATED_AT, CART.LOYALTY_POINTS);
        var id = DSL.param("id", CART.ID.getDataType());
        this.findCart = RenderedSql.of(db, db.select(CART.ID, CART.CHANNEL_CODE, CART.CUSTOMER_REF,
                CART.CUSTOMER_GROUP, CART.CURRENCY, CART.COUNTRY, CART.CODES, CART.STATUS, CART.HOLD_ID, CART.ORDER_ID,
                CART.VERSION, CART.CREATED_AT, CART.UPDATED_AT, CART.LOYALTY_POINTS).from(CART).where(CART.ID.eq(id)),
                "id");
        this.groupsOf = RenderedSql.of(db, db.select(CART_GROUP.GROUP_CODE, CART_GROUP.METHOD,
                CART_GROUP.LOCATION_CODE, CART_GROUP.RELAY_POINT, CART_GROUP.ADDRESS_JSON).from(CART_GROUP)
                .where(CART_GROUP.CART_ID.eq(id)).orderBy(CART_GROUP.GROUP_CODE), "id");
        this.linesOf = RenderedSql.of(db, db.select(CART_LINE.SKU, CART_LINE.GROUP_CODE, CART_LINE.QUANTITY)
                .from(CART_LINE).where(CART_LINE.CART_ID.eq(id)).orderBy(CART_LINE.ADDED_AT, CART_LINE.SKU), "id");
        this.touchCart = RenderedSql.of(db, db.update(CART).set(CART.VERSION, CART.VERSION.plus(DSL.inline(1)))
                .set(CART.UPDATED_AT, DSL.param("now", CART.UPDATED_AT.getDataType()))
                .set(CART.ABANDONED_AT, DSL.inline(null, CART.ABANDONED_AT))
                .where(CART.ID.eq(id), CART.STATUS.eq(DSL.param("status", String.class))), "now", "id", "status");
        this.deleteLine = RenderedSql.of(db, db.deleteFrom(CART_LINE).where(CART_LINE.CART_ID.eq(id),
                CART_LINE.SKU.eq(DSL.param("sku", String.class))), "id", "sku");
        this.insertLine = RenderedSql.insert(db, CART_LINE, CART_LINE.CART_ID, CART_LINE.SKU, CART_LINE.GROUP_CODE,
                CART_LINE.QUANTITY, CART_LINE.ADDED_AT);
    }

    void insert(Cart cart) {
        insertCart.execute(cart.id(), cart.channelCode(), cart.customerRef(), cart.customerGroup(), cart.currency(),
                cart.country(), cart.status().name(), cart.version(), cart.createdAt(), cart.updatedAt(),
                cart.loyaltyPoints());
    }

    Optional<Cart> find(UUID id) {
        return findCart.fetch(CartRepository::head, id).stream().findFirst().map(this::withDetails);
    }

    /**
     * Starts a change of an open cart: locks its row (two devices editing one cart take turns), counts
     * the activity and clears an abandonment. Empty when the cart is not open.
     */
    Optional<Cart> touch(UUID id, Instant now) {
        return touchCart.execute(now, id, Cart.Status.OPEN.name()) == 1 ? find(id) : Optional.empty();
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
        deleteLine.execute(cartId, line.sku());
        if (line.quantity() > 0) {
            insertLine.execute(cartId, line.sku(), line.group(), line.quantity(), now);
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
                .orderBy(CART.UPDATED_AT.desc()).limit(10).fetch(r -> withDetails(head(r)));
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

    /** A cart's own row as {@link #findCart} selects it (its columns in that order), without lines or groups. */
    private static Cart head(ResultSet rs) throws SQLException {
        return new Cart(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3), rs.getString(4),
                rs.getString(5), rs.getString(6), codes(rs.getString(7)), Cart.Status.valueOf(rs.getString(8)),
                rs.getObject(9, UUID.class), rs.getObject(10, UUID.class), rs.getInt(11), RenderedSql.instant(rs, 12),
                RenderedSql.instant(rs, 13), List.of(), List.of(), rs.getLong(14));
    }

    private static Cart head(CartRecord r) {
        return new Cart(r.getId(), r.getChannelCode(), r.getCustomerRef(), r.getCustomerGroup(), r.getCurrency(),
                r.getCountry(), codes(r.getCodes()), Cart.Status.valueOf(r.getStatus()), r.getHoldId(), r.getOrderId(),
                r.getVersion(), r.getCreatedAt(), r.getUpdatedAt(), List.of(), List.of(), r.getLoyaltyPoints());
    }

    private static List<String> codes(String stored) {
        return stored == null ? List.of() : Arrays.asList(stored.split(","));
    }

    private Cart withDetails(Cart head) {
        List<Fulfilment.Group> groups = groupsOf.fetch(g -> new Fulfilment.Group(g.getString(1),
                Fulfilment.Method.valueOf(g.getString(2)), g.getString(3), g.getString(4), g.getString(5) == null
                        ? null : json.readValue(g.getString(5), Fulfilment.Address.class)), head.id());
        List<Cart.Line> lines = linesOf.fetch(l -> new Cart.Line(l.getString(1), l.getString(2), l.getInt(3)),
                head.id());
        return head.with(groups, lines);
    }
}
