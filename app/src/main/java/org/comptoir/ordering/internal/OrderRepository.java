package org.comptoir.ordering.internal;

import static org.comptoir.ordering.internal.db.tables.Cart.CART;
import static org.comptoir.ordering.internal.db.tables.CustomerOrder.CUSTOMER_ORDER;
import static org.comptoir.ordering.internal.db.tables.OrderGroup.ORDER_GROUP;
import static org.comptoir.ordering.internal.db.tables.OrderHistory.ORDER_HISTORY;
import static org.comptoir.ordering.internal.db.tables.OrderLine.ORDER_LINE;

import java.time.Instant;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.comptoir.ordering.internal.db.tables.records.CustomerOrderRecord;
import org.comptoir.platform.persistence.Ids;
import org.comptoir.platform.persistence.RenderedSql;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Sequence;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.ObjectMapper;

@Repository
class OrderRepository {

    /** One change of an order, as its history shows it. */
    record Change(Order.Status from, Order.Status to, String action, String actor, String channelCode, String detail,
            Instant at) {}

    /** Human order numbers; the generator writes no global objects, so the sequence is named here. */
    private static final Sequence<Long> ORDER_NUMBER = DSL.sequence(DSL.name("ordering", "order_number"), Long.class);

    private final DSLContext db;
    private final ObjectMapper json;
    /** The inserts of every placed order, rendered once (see {@link RenderedSql}). */
    private final RenderedSql insertOrder;
    private final RenderedSql insertGroup;
    private final RenderedSql insertLine;
    private final RenderedSql insertChange;
    private final RenderedSql nextNumber;
    private final RenderedSql cartOrdered;
    /** The sequence's increment, read once: the size of the blocks this node hands out (see V014). */
    private long blockSize;
    private long numberInBlock;
    private long blockEnd;

    OrderRepository(DSLContext db, ObjectMapper json) {
        this.db = db;
        this.json = json;
        this.insertOrder = RenderedSql.insert(db, CUSTOMER_ORDER, CUSTOMER_ORDER.ID, CUSTOMER_ORDER.ORDER_NUMBER,
                CUSTOMER_ORDER.CHANNEL_CODE, CUSTOMER_ORDER.EXTERNAL_ID, CUSTOMER_ORDER.CUSTOMER_REF,
                CUSTOMER_ORDER.CART_ID, CUSTOMER_ORDER.STATUS, CUSTOMER_ORDER.PAYMENT_TERMS,
                CUSTOMER_ORDER.PAYMENT_STATUS, CUSTOMER_ORDER.CURRENCY, CUSTOMER_ORDER.COUNTRY, CUSTOMER_ORDER.CODES,
                CUSTOMER_ORDER.LIST_TOTAL, CUSTOMER_ORDER.DISCOUNT, CUSTOMER_ORDER.DELIVERY, CUSTOMER_ORDER.NET,
                CUSTOMER_ORDER.TAX, CUSTOMER_ORDER.GROSS, CUSTOMER_ORDER.PAID, CUSTOMER_ORDER.REFUNDED,
                CUSTOMER_ORDER.LOYALTY_POINTS, CUSTOMER_ORDER.PROMOTIONS_JSON, CUSTOMER_ORDER.HOLD_ID,
                CUSTOMER_ORDER.EXPIRES_AT, CUSTOMER_ORDER.PLACED_BY, CUSTOMER_ORDER.PLACED_AT,
                CUSTOMER_ORDER.UPDATED_AT, CUSTOMER_ORDER.VERSION, CUSTOMER_ORDER.SECRET_HASH);
        this.insertGroup = RenderedSql.insert(db, ORDER_GROUP, ORDER_GROUP.ORDER_ID, ORDER_GROUP.GROUP_CODE,
                ORDER_GROUP.METHOD, ORDER_GROUP.LOCATION_CODE, ORDER_GROUP.RELAY_POINT, ORDER_GROUP.ADDRESS_JSON);
        this.insertLine = RenderedSql.insert(db, ORDER_LINE, ORDER_LINE.ORDER_ID, ORDER_LINE.LINE_NO, ORDER_LINE.SKU,
                ORDER_LINE.GROUP_CODE, ORDER_LINE.LOCATION_CODE, ORDER_LINE.QUANTITY, ORDER_LINE.CANCELLED,
                ORDER_LINE.UNIT_PRICE, ORDER_LINE.DISCOUNT, ORDER_LINE.TOTAL, ORDER_LINE.TAX_RATE_BP, ORDER_LINE.NET,
                ORDER_LINE.TAX, ORDER_LINE.GROSS);
        this.nextNumber = RenderedSql.of(db, db.select(ORDER_NUMBER.nextval()));
        this.cartOrdered = RenderedSql.of(db, db.update(CART).set(CART.STATUS, DSL.inline(Cart.Status.ORDERED.name()))
                .set(CART.HOLD_ID, DSL.inline(null, CART.HOLD_ID))
                .set(CART.ORDER_ID, DSL.param("order", CART.ORDER_ID.getDataType()))
                .where(CART.ID.eq(DSL.param("cart", CART.ID.getDataType()))), "order", "cart");
        this.insertChange = RenderedSql.insert(db, ORDER_HISTORY, ORDER_HISTORY.ID, ORDER_HISTORY.ORDER_ID,
                ORDER_HISTORY.FROM_STATUS, ORDER_HISTORY.TO_STATUS, ORDER_HISTORY.ACTION, ORDER_HISTORY.ACTOR,
                ORDER_HISTORY.CHANNEL_CODE, ORDER_HISTORY.DETAIL, ORDER_HISTORY.AT);
    }

    /**
     * The next order number: the sequence moves a block at a time (its increment), and this node hands
     * out the numbers of the block it took, one sequence call per block rather than a round trip per
     * order. A node that stops leaves the rest of its block unused, as an order rolled back leaves its
     * number; numbers of several nodes interleave. The block is the sequence's own increment, so that
     * the two cannot disagree and hand a number out twice.
     */
    synchronized String nextNumber() {
        if (numberInBlock == blockEnd) {
            if (blockSize == 0) {
                blockSize = Long.parseLong(String.valueOf(db.fetchValue("select increment from "
                        + "information_schema.sequences where lower(sequence_schema) = 'ordering' "
                        + "and lower(sequence_name) = 'order_number'")));
            }
            numberInBlock = nextNumber.fetch(rs -> rs.getLong(1)).getFirst();
            blockEnd = numberInBlock + blockSize;
        }
        return "CO-" + numberInBlock++;
    }

    /**
     * Adds the order's inserts, with its groups, lines and first change, to statements sent together;
     * an order placed from a cart marks the cart ordered with them (its stock hold is the order's now).
     */
    void insertWith(RenderedSql.Together together, Order o, String promotionsJson, Instant now, Change placed) {
        together.add(insertOrder, o.id(), o.number(), o.channelCode(), o.externalId(), o.customerRef(), o.cartId(),
                        o.status().name(), o.paymentTerms().name(), o.paymentStatus().name(), o.currency(),
                        o.country(), o.codes().isEmpty() ? null : String.join(",", o.codes()),
                        o.totals().listTotal(), o.totals().discount(), o.totals().delivery(), o.totals().net(),
                        o.totals().tax(), o.totals().gross(), o.paid(), o.refunded(), o.loyaltyPoints(),
                        promotionsJson, o.holdId(), o.expiresAt(), o.placedBy(), o.placedAt(), now, o.version(),
                        o.secretHash())
                .addRows(insertGroup, o.groups().stream().map(g -> new Object[] {o.id(), g.code(),
                        g.method().name(), g.locationCode(), g.relayPoint(),
                        g.address() == null ? null : json.writeValueAsString(g.address())}).toList())
                .addRows(insertLine, o.lines().stream().map(l -> new Object[] {o.id(), l.lineNo(), l.sku(),
                        l.group(), l.locationCode(), l.quantity(), l.cancelled(), l.unitPrice(), l.discount(),
                        l.total(), l.taxRateBp(), l.net(), l.tax(), l.gross()}).toList())
                .add(insertChange, changeValues(o.id(), placed));
        if (o.cartId() != null) {
            together.add(cartOrdered, o.id(), o.cartId());
        }
    }

    /** Statements to send together, for a caller that has no round trip of its own to add them to. */
    RenderedSql.Together together() {
        return RenderedSql.together(db);
    }

    Optional<Order> find(UUID id) {
        return db.selectFrom(CUSTOMER_ORDER).where(CUSTOMER_ORDER.ID.eq(id)).fetchOptional().map(this::withDetails);
    }

    boolean any() {
        return db.fetchExists(CUSTOMER_ORDER);
    }

    Optional<Order> findByNumber(String number) {
        return db.selectFrom(CUSTOMER_ORDER).where(CUSTOMER_ORDER.ORDER_NUMBER.eq(number)).fetchOptional()
                .map(this::withDetails);
    }

    Optional<Order> findExternal(String channelCode, String externalId) {
        return db.selectFrom(CUSTOMER_ORDER)
                .where(CUSTOMER_ORDER.CHANNEL_CODE.eq(channelCode), CUSTOMER_ORDER.EXTERNAL_ID.eq(externalId))
                .fetchOptional().map(this::withDetails);
    }

    /** Moves the order if it is still in one of {@code from}; false when someone moved it first. */
    boolean move(UUID id, Collection<Order.Status> from, Order.Status to, Instant now) {
        return db.update(CUSTOMER_ORDER).set(CUSTOMER_ORDER.STATUS, to.name()).set(CUSTOMER_ORDER.UPDATED_AT, now)
                .set(CUSTOMER_ORDER.VERSION, CUSTOMER_ORDER.VERSION.plus(1))
                .where(CUSTOMER_ORDER.ID.eq(id), CUSTOMER_ORDER.STATUS.in(from.stream().map(Enum::name).toList()))
                .execute() == 1;
    }

    /** Locks the order's row for a change made in several statements (payments, cancellations). */
    Optional<Order> lock(UUID id) {
        return db.selectFrom(CUSTOMER_ORDER).where(CUSTOMER_ORDER.ID.eq(id)).forUpdate().fetchOptional()
                .map(this::withDetails);
    }

    /** Lines now held at other locations, under a new hold. */
    void relocate(UUID id, UUID holdId, Map<Integer, String> locations) {
        db.update(CUSTOMER_ORDER).set(CUSTOMER_ORDER.HOLD_ID, holdId).where(CUSTOMER_ORDER.ID.eq(id)).execute();
        locations.forEach((lineNo, location) -> db.update(ORDER_LINE).set(ORDER_LINE.LOCATION_CODE, location)
                .where(ORDER_LINE.ORDER_ID.eq(id), ORDER_LINE.LINE_NO.eq(lineNo)).execute());
    }

    void keepExpiry(UUID id, Instant expiresAt) {
        db.update(CUSTOMER_ORDER).set(CUSTOMER_ORDER.EXPIRES_AT, expiresAt).where(CUSTOMER_ORDER.ID.eq(id)).execute();
    }

    void updateMoney(UUID id, Order.Totals totals, long paid, long refunded, Order.PaymentStatus status,
            String promotionsJson, Instant now) {
        db.update(CUSTOMER_ORDER).set(CUSTOMER_ORDER.LIST_TOTAL, totals.listTotal())
                .set(CUSTOMER_ORDER.DISCOUNT, totals.discount()).set(CUSTOMER_ORDER.DELIVERY, totals.delivery())
                .set(CUSTOMER_ORDER.NET, totals.net()).set(CUSTOMER_ORDER.TAX, totals.tax())
                .set(CUSTOMER_ORDER.GROSS, totals.gross()).set(CUSTOMER_ORDER.PAID, paid)
                .set(CUSTOMER_ORDER.REFUNDED, refunded).set(CUSTOMER_ORDER.PAYMENT_STATUS, status.name())
                .set(CUSTOMER_ORDER.PROMOTIONS_JSON, promotionsJson == null ? CUSTOMER_ORDER.PROMOTIONS_JSON
                        : DSL.val(promotionsJson))
                .set(CUSTOMER_ORDER.UPDATED_AT, now).set(CUSTOMER_ORDER.VERSION, CUSTOMER_ORDER.VERSION.plus(1))
                .where(CUSTOMER_ORDER.ID.eq(id)).execute();
    }

    /** Goods came back worth {@code value}, of which {@code credited} was given other than as a refund. */
    void returned(UUID id, long value, long credited, Instant now) {
        db.update(CUSTOMER_ORDER).set(CUSTOMER_ORDER.RETURNED, CUSTOMER_ORDER.RETURNED.plus(value))
                .set(CUSTOMER_ORDER.CREDITED, CUSTOMER_ORDER.CREDITED.plus(credited))
                .set(CUSTOMER_ORDER.UPDATED_AT, now).set(CUSTOMER_ORDER.VERSION, CUSTOMER_ORDER.VERSION.plus(1))
                .where(CUSTOMER_ORDER.ID.eq(id)).execute();
    }

    void updateLine(UUID id, Order.Line line) {
        db.update(ORDER_LINE).set(ORDER_LINE.CANCELLED, line.cancelled()).set(ORDER_LINE.DISCOUNT, line.discount())
                .set(ORDER_LINE.TOTAL, line.total()).set(ORDER_LINE.NET, line.net()).set(ORDER_LINE.TAX, line.tax())
                .set(ORDER_LINE.GROSS, line.gross()).set(ORDER_LINE.UNIT_PRICE, line.unitPrice())
                .where(ORDER_LINE.ORDER_ID.eq(id), ORDER_LINE.LINE_NO.eq(line.lineNo())).execute();
    }

    /** After an edit: the lines and groups as they now are, and the hold that now keeps their stock. */
    void replaceLinesAndGroups(UUID id, List<Order.Line> lines, List<Fulfilment.Group> groups, UUID holdId) {
        db.deleteFrom(ORDER_LINE).where(ORDER_LINE.ORDER_ID.eq(id)).execute();
        db.deleteFrom(ORDER_GROUP).where(ORDER_GROUP.ORDER_ID.eq(id)).execute();
        var groupRows = db.insertInto(ORDER_GROUP, ORDER_GROUP.ORDER_ID, ORDER_GROUP.GROUP_CODE, ORDER_GROUP.METHOD,
                ORDER_GROUP.LOCATION_CODE, ORDER_GROUP.RELAY_POINT, ORDER_GROUP.ADDRESS_JSON);
        for (Fulfilment.Group g : groups) {
            groupRows = groupRows.values(id, g.code(), g.method().name(), g.locationCode(), g.relayPoint(),
                    g.address() == null ? null : json.writeValueAsString(g.address()));
        }
        groupRows.execute();
        var lineRows = db.insertInto(ORDER_LINE, ORDER_LINE.ORDER_ID, ORDER_LINE.LINE_NO, ORDER_LINE.SKU,
                ORDER_LINE.GROUP_CODE, ORDER_LINE.LOCATION_CODE, ORDER_LINE.QUANTITY, ORDER_LINE.CANCELLED,
                ORDER_LINE.UNIT_PRICE, ORDER_LINE.DISCOUNT, ORDER_LINE.TOTAL, ORDER_LINE.TAX_RATE_BP, ORDER_LINE.NET,
                ORDER_LINE.TAX, ORDER_LINE.GROSS);
        for (Order.Line l : lines) {
            lineRows = lineRows.values(id, l.lineNo(), l.sku(), l.group(), l.locationCode(), l.quantity(),
                    l.cancelled(), l.unitPrice(), l.discount(), l.total(), l.taxRateBp(), l.net(), l.tax(), l.gross());
        }
        lineRows.execute();
        db.update(CUSTOMER_ORDER).set(CUSTOMER_ORDER.HOLD_ID, holdId).where(CUSTOMER_ORDER.ID.eq(id)).execute();
    }

    void record(UUID orderId, Change change) {
        insertChange.execute(changeValues(orderId, change));
    }

    private static Object[] changeValues(UUID orderId, Change change) {
        return new Object[] {Ids.newId(), orderId, change.from() == null ? null : change.from().name(),
                change.to().name(), change.action(), change.actor(), change.channelCode(), change.detail(),
                change.at()};
    }

    List<Change> history(UUID orderId) {
        return db.selectFrom(ORDER_HISTORY).where(ORDER_HISTORY.ORDER_ID.eq(orderId))
                .orderBy(ORDER_HISTORY.AT, ORDER_HISTORY.ID)
                .fetch(r -> new Change(r.getFromStatus() == null ? null : Order.Status.valueOf(r.getFromStatus()),
                        Order.Status.valueOf(r.getToStatus()), r.getAction(), r.getActor(), r.getChannelCode(),
                        r.getDetail(), r.getAt()));
    }

    /**
     * Orders of a customer or of a store (lines taken from it or collected there), newest first,
     * paged by order id (ids are time-ordered).
     */
    List<Order> page(String customerRef, String locationCode, String channelCode, int limit, UUID before) {
        Condition where = DSL.noCondition();
        if (customerRef != null) {
            where = where.and(CUSTOMER_ORDER.CUSTOMER_REF.eq(customerRef));
        }
        if (locationCode != null) {
            where = where.and(CUSTOMER_ORDER.ID.in(DSL.select(ORDER_LINE.ORDER_ID).from(ORDER_LINE)
                    .where(ORDER_LINE.LOCATION_CODE.eq(locationCode))));
        }
        if (channelCode != null) {
            where = where.and(CUSTOMER_ORDER.CHANNEL_CODE.eq(channelCode));
        }
        if (before != null) {
            where = where.and(CUSTOMER_ORDER.ID.lt(before));
        }
        return db.selectFrom(CUSTOMER_ORDER).where(where).orderBy(CUSTOMER_ORDER.ID.desc()).limit(limit)
                .fetch(this::withDetails);
    }

    /** Orders placed under any of these customer references, newest first. */
    List<Order> ofCustomers(java.util.Collection<String> customerRefs, int limit) {
        return db.selectFrom(CUSTOMER_ORDER).where(CUSTOMER_ORDER.CUSTOMER_REF.in(customerRefs))
                .orderBy(CUSTOMER_ORDER.ID.desc()).limit(limit).fetch(this::withDetails);
    }

    /** Orders past their deadline (unpaid, or reserved and not collected). */
    List<UUID> expired(Instant now, int limit) {
        return db.select(CUSTOMER_ORDER.ID).from(CUSTOMER_ORDER)
                .where(CUSTOMER_ORDER.STATUS.in(Order.Status.PLACED.name(), Order.Status.CONFIRMED.name(),
                        Order.Status.READY_FOR_PICKUP.name()), CUSTOMER_ORDER.EXPIRES_AT.le(now))
                .orderBy(CUSTOMER_ORDER.EXPIRES_AT).limit(limit).fetch(CUSTOMER_ORDER.ID);
    }

    private Order withDetails(CustomerOrderRecord r) {
        List<Fulfilment.Group> groups = db.selectFrom(ORDER_GROUP).where(ORDER_GROUP.ORDER_ID.eq(r.getId()))
                .orderBy(ORDER_GROUP.GROUP_CODE)
                .fetch(g -> new Fulfilment.Group(g.getGroupCode(), Fulfilment.Method.valueOf(g.getMethod()),
                        g.getLocationCode(), g.getRelayPoint(), g.getAddressJson() == null ? null
                                : json.readValue(g.getAddressJson(), Fulfilment.Address.class)));
        List<Order.Line> lines = db.selectFrom(ORDER_LINE).where(ORDER_LINE.ORDER_ID.eq(r.getId()))
                .orderBy(ORDER_LINE.LINE_NO)
                .fetch(l -> new Order.Line(l.getLineNo(), l.getSku(), l.getGroupCode(), l.getLocationCode(),
                        l.getQuantity(), l.getCancelled(), l.getUnitPrice(), l.getDiscount(), l.getTotal(),
                        l.getTaxRateBp(), l.getNet(), l.getTax(), l.getGross()));
        return new Order(r.getId(), r.getOrderNumber(), r.getChannelCode(), r.getExternalId(), r.getCustomerRef(),
                r.getCartId(), Order.Status.valueOf(r.getStatus()), Order.PaymentTerms.valueOf(r.getPaymentTerms()),
                Order.PaymentStatus.valueOf(r.getPaymentStatus()), r.getCurrency(), r.getCountry(),
                r.getCodes() == null ? List.of() : Arrays.asList(r.getCodes().split(",")),
                new Order.Totals(r.getListTotal(), r.getDiscount(), r.getDelivery(), r.getNet(), r.getTax(),
                        r.getGross()),
                r.getPaid(), r.getRefunded(), r.getHoldId(), r.getExpiresAt(), r.getPlacedBy(), r.getPlacedAt(),
                r.getVersion(), groups, lines, r.getLoyaltyPoints(), r.getReturned(), r.getCredited(),
                r.getSecretHash());
    }
}
