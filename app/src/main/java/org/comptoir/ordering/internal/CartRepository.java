package org.comptoir.ordering.internal;

import static org.comptoir.ordering.internal.db.tables.Cart.CART;
import static org.comptoir.ordering.internal.db.tables.CartGroup.CART_GROUP;
import static org.comptoir.ordering.internal.db.tables.CartLine.CART_LINE;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;
import org.comptoir.ordering.internal.db.tables.records.CartRecord;
import org.comptoir.platform.persistence.RenderedSql;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.impl.DSL;
import org.jooq.impl.SQLDataType;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.ObjectMapper;

@Repository
class CartRepository {

    private static final int GROUP = 0;
    private static final int LINE = 1;

    private final DSLContext db;
    private final ObjectMapper json;
    /**
     * What every cart change runs, rendered once (see {@link RenderedSql}): a web checkout changes its
     * cart four times, and rendering these cost more of the JVM than the database spent on them.
     */
    private final RenderedSql insertCart;
    private final RenderedSql findCart;
    /** A cart's groups then its lines, in one statement: the rows are told apart by their first column. */
    private final RenderedSql detailsOf;
    /** Touches the cart and answers its row in the same statement. */
    private final RenderedSql touchCart;
    private final RenderedSql deleteLine;
    private final RenderedSql updateCart;
    private final RenderedSql deleteGroup;
    /** A line's change made in the touch's round trip: the line's row updated, or inserted when new. */
    private final RenderedSql addToLine;
    private final RenderedSql setLineQuantity;
    private final RenderedSql insertNewLine;
    private final RenderedSql insertGroupOfOpen;

    CartRepository(DSLContext db, ObjectMapper json) {
        this.db = db;
        this.json = json;
        this.insertCart = RenderedSql.insert(db, CART, CART.ID, CART.CHANNEL_CODE, CART.CUSTOMER_REF,
                CART.CUSTOMER_GROUP, CART.CURRENCY, CART.COUNTRY, CART.STATUS, CART.VERSION, CART.CREATED_AT,
                CART.UPDATED_AT, CART.LOYALTY_POINTS, CART.SECRET_HASH);
        var id = DSL.param("id", CART.ID.getDataType());
        Field<?>[] head = {CART.ID, CART.CHANNEL_CODE, CART.CUSTOMER_REF, CART.CUSTOMER_GROUP, CART.CURRENCY,
                CART.COUNTRY, CART.CODES, CART.STATUS, CART.HOLD_ID, CART.ORDER_ID, CART.VERSION, CART.CREATED_AT,
                CART.UPDATED_AT, CART.LOYALTY_POINTS, CART.SECRET_HASH};
        this.findCart = RenderedSql.of(db, db.select(head).from(CART).where(CART.ID.eq(id)), "id");
        var text = SQLDataType.VARCHAR(2000);
        this.detailsOf = RenderedSql.of(db, db.select(DSL.inline(GROUP).as("kind"), CART_GROUP.GROUP_CODE.as("a"),
                        CART_GROUP.METHOD.cast(text).as("b"), CART_GROUP.LOCATION_CODE.cast(text).as("c"),
                        CART_GROUP.RELAY_POINT.cast(text).as("d"), CART_GROUP.ADDRESS_JSON.as("e"),
                        DSL.inline(null, SQLDataType.INTEGER).as("n"), DSL.inline(null, CART_LINE.ADDED_AT).as("at"))
                .from(CART_GROUP).where(CART_GROUP.CART_ID.eq(id))
                .unionAll(db.select(DSL.inline(LINE), CART_LINE.SKU, CART_LINE.GROUP_CODE.cast(text),
                                DSL.inline(null, text), DSL.inline(null, text), DSL.inline(null, text), CART_LINE.QUANTITY,
                                CART_LINE.ADDED_AT)
                        .from(CART_LINE).where(CART_LINE.CART_ID.eq(id)))
                .orderBy(DSL.field(DSL.name("kind")), DSL.field(DSL.name("at")), DSL.field(DSL.name("a"))), "id", "id");
        this.touchCart = RenderedSql.of(db, db.update(CART).set(CART.VERSION, CART.VERSION.plus(DSL.inline(1)))
                .set(CART.UPDATED_AT, DSL.param("now", CART.UPDATED_AT.getDataType()))
                .set(CART.ABANDONED_AT, DSL.inline(null, CART.ABANDONED_AT))
                .where(CART.ID.eq(id), CART.STATUS.eq(DSL.param("status", String.class)))
                .returning(head), "now", "id", "status");
        this.deleteLine = RenderedSql.of(db, db.deleteFrom(CART_LINE).where(CART_LINE.CART_ID.eq(id),
                CART_LINE.SKU.eq(DSL.param("sku", String.class))), "id", "sku");
        this.updateCart = RenderedSql.of(db, db.update(CART)
                .set(CART.CHANNEL_CODE, DSL.param("channel", String.class))
                .set(CART.CUSTOMER_REF, DSL.param("customer", String.class))
                .set(CART.CUSTOMER_GROUP, DSL.param("customerGroup", String.class))
                .set(CART.CURRENCY, DSL.param("currency", String.class))
                .set(CART.COUNTRY, DSL.param("country", String.class))
                .set(CART.CODES, DSL.param("codes", String.class))
                .set(CART.STATUS, DSL.param("status", String.class))
                .set(CART.HOLD_ID, DSL.param("hold", CART.HOLD_ID.getDataType()))
                .set(CART.ORDER_ID, DSL.param("order", CART.ORDER_ID.getDataType()))
                .set(CART.LOYALTY_POINTS, DSL.param("points", Long.class))
                .where(CART.ID.eq(id)), "channel", "customer", "customerGroup", "currency", "country", "codes",
                "status", "hold", "order", "points", "id");
        this.deleteGroup = RenderedSql.of(db, db.deleteFrom(CART_GROUP).where(CART_GROUP.CART_ID.eq(id),
                CART_GROUP.GROUP_CODE.eq(DSL.param("group", String.class))), "id", "group");
        var sku = DSL.param("sku", String.class);
        var group = DSL.param("group", String.class);
        var quantity = DSL.param("quantity", Integer.class);
        this.addToLine = RenderedSql.of(db, db.update(CART_LINE)
                .set(CART_LINE.QUANTITY, CART_LINE.QUANTITY.plus(quantity)).set(CART_LINE.GROUP_CODE, group)
                .where(CART_LINE.CART_ID.eq(id), CART_LINE.SKU.eq(sku)), "quantity", "group", "id", "sku");
        this.setLineQuantity = RenderedSql.of(db, db.update(CART_LINE)
                .set(CART_LINE.QUANTITY, quantity).set(CART_LINE.GROUP_CODE, group)
                .where(CART_LINE.CART_ID.eq(id), CART_LINE.SKU.eq(sku)), "quantity", "group", "id", "sku");
        // Inserted only into an open cart: a missing cart would otherwise fail on its foreign key
        // before the touch's empty answer could say 404.
        var open = db.selectOne().from(CART).where(CART.ID.eq(id), CART.STATUS.eq(DSL.inline(Cart.Status.OPEN.name())));
        this.insertNewLine = RenderedSql.of(db, db.insertInto(CART_LINE, CART_LINE.CART_ID, CART_LINE.SKU,
                        CART_LINE.GROUP_CODE, CART_LINE.QUANTITY, CART_LINE.ADDED_AT)
                .select(db.select(id, sku, group, quantity, DSL.param("now", CART_LINE.ADDED_AT.getDataType()))
                        .whereExists(open)
                        .andNotExists(db.selectOne().from(CART_LINE)
                                .where(CART_LINE.CART_ID.eq(id), CART_LINE.SKU.eq(sku)))),
                "id", "sku", "group", "quantity", "now", "id", "id", "sku");
        this.insertGroupOfOpen = RenderedSql.of(db, db.insertInto(CART_GROUP, CART_GROUP.CART_ID,
                        CART_GROUP.GROUP_CODE, CART_GROUP.METHOD, CART_GROUP.LOCATION_CODE, CART_GROUP.RELAY_POINT,
                        CART_GROUP.ADDRESS_JSON)
                .select(db.select(id, group, DSL.param("method", String.class), DSL.param("location", String.class),
                        DSL.param("relay", String.class), DSL.param("address", String.class)).whereExists(open)),
                "id", "group", "method", "location", "relay", "address", "id");
    }

    /** Inserts a new cart; its transaction commits as a draft's (see {@link #draft}). */
    void insert(Cart cart) {
        draft().add(insertCart, cart.id(), cart.channelCode(), cart.customerRef(), cart.customerGroup(),
                cart.currency(), cart.country(), cart.status().name(), cart.version(), cart.createdAt(),
                cart.updatedAt(), cart.loyaltyPoints(), cart.secretHash()).execute();
    }

    /**
     * Statements of a change to the cart alone, whose transaction need not wait for the disk to
     * commit: a database crash may lose a cart's last changes (the shopper adds the line again), and
     * the order placed from a cart commits durably, making the cart's earlier changes durable with it.
     * Most of a web checkout's transactions are cart changes, each otherwise waiting for a disk flush.
     */
    private RenderedSql.Together draft() {
        return RenderedSql.together(db).committedAsynchronously();
    }

    Optional<Cart> find(UUID id) {
        return findCart.fetch(CartRepository::head, id).stream().findFirst().map(this::withDetails);
    }

    /**
     * Starts a change of an open cart: locks its row (two devices editing one cart take turns), counts
     * the activity and clears an abandonment. Empty when the cart is not open. A {@code draft} change
     * changes the cart alone and commits as a draft's (see {@link #draft}); placing its order does not.
     */
    Optional<Cart> touch(UUID id, Instant now, boolean draft) {
        // The details are read in the same round trip, after the update has locked the row.
        List<Fulfilment.Group> groups = new ArrayList<>();
        List<Cart.Line> lines = new ArrayList<>();
        List<List<Object>> answers = (draft ? draft() : RenderedSql.together(db))
                .add(touchCart, now, id, Cart.Status.OPEN.name())
                .add(detailsOf, id, id).fetchEach(List.<RenderedSql.Row<?>>of(CartRepository::head,
                        rs -> detail(rs, groups, lines)));
        return answers.getFirst().stream().findFirst()
                .map(head -> ((Cart) head).with(List.copyOf(groups), List.copyOf(lines)));
    }

    /**
     * {@link #touch} and a change of one line (of the cart's one line of that SKU) in the same round
     * trip: written after the touch has locked the cart, read back after. {@code add} adds to the
     * line's quantity, otherwise it is set (0 removes the line). Nothing is inserted into a cart that
     * is not open; a change found too big once read back is for the caller's transaction to take back.
     * Committed as a draft's change (see {@link #draft}).
     */
    Optional<Cart> touchAndSetLine(UUID id, Instant now, String sku, String group, int quantity, boolean add,
            Consumer<RenderedSql.Together> alsoSend) {
        var together = draft().add(touchCart, now, id, Cart.Status.OPEN.name());
        List<RenderedSql.Row<?>> rows = new ArrayList<>(List.of(CartRepository::head));
        if (!add && quantity == 0) {
            together.add(deleteLine, id, sku);
            rows.add(null);
        } else {
            together.add(add ? addToLine : setLineQuantity, quantity, group, id, sku)
                    .add(insertNewLine, id, sku, group, quantity, now, id, id, sku);
            rows.add(null);
            rows.add(null);
        }
        return touchedWith(together, rows, id, alsoSend);
    }

    /**
     * {@link #touch} and a group set (replaced when the cart has it already) in the same round trip,
     * committed as a draft's change (see {@link #draft}).
     */
    Optional<Cart> touchAndSetGroup(UUID id, Instant now, Fulfilment.Group group,
            Consumer<RenderedSql.Together> alsoSend) {
        var together = draft().add(touchCart, now, id, Cart.Status.OPEN.name())
                .add(deleteGroup, id, group.code())
                .add(insertGroupOfOpen, id, group.code(), group.method().name(), group.locationCode(),
                        group.relayPoint(), group.address() == null ? null : json.writeValueAsString(group.address()),
                        id);
        return touchedWith(together, java.util.Arrays.asList(CartRepository::head, null, null), id, alsoSend);
    }

    /**
     * Runs the touch and its writes, then reads the details back, with whatever the caller also sends
     * (reads of other modules answered to the caller, after the change).
     */
    private Optional<Cart> touchedWith(RenderedSql.Together together, List<RenderedSql.Row<?>> rows, UUID id,
            Consumer<RenderedSql.Together> alsoSend) {
        List<Fulfilment.Group> groups = new ArrayList<>();
        List<Cart.Line> lines = new ArrayList<>();
        List<RenderedSql.Row<?>> all = new ArrayList<>(rows);
        all.add(rs -> detail(rs, groups, lines));
        together.add(detailsOf, id, id);
        alsoSend.accept(together);
        List<List<Object>> answers = together.fetchEach(all);
        return answers.getFirst().stream().findFirst()
                .map(head -> ((Cart) head).with(List.copyOf(groups), List.copyOf(lines)));
    }

    void update(Cart cart) {
        updateCart.execute(cart.channelCode(), cart.customerRef(), cart.customerGroup(), cart.currency(), cart.country(),
                cart.codes().isEmpty() ? null : String.join(",", cart.codes()), cart.status().name(), cart.holdId(),
                cart.orderId(), cart.loyaltyPoints(), cart.id());
    }

    void setSecret(UUID id, String secretHash) {
        db.update(CART).set(CART.SECRET_HASH, secretHash).where(CART.ID.eq(id)).execute();
    }

    /** Open, non-empty carts of the customer references, newest first. */
    List<Cart> openOf(java.util.Collection<String> customerRefs) {
        return db.selectFrom(CART).where(CART.CUSTOMER_REF.in(customerRefs), CART.STATUS.eq(Cart.Status.OPEN.name()),
                        org.jooq.impl.DSL.exists(org.jooq.impl.DSL.selectOne().from(CART_LINE)
                                .where(CART_LINE.CART_ID.eq(CART.ID))))
                .orderBy(CART.UPDATED_AT.desc()).limit(10).fetch(r -> withDetails(head(r)));
    }

    /**
     * Known customers' open, non-empty carts untouched since {@code before} and not yet flagged. The
     * conditions are those of the partial index cart_awaiting_abandonment, the status inlined so that
     * PostgreSQL can tell the index applies; created before {@code before} is implied by untouched
     * since, and is what the index is ordered by.
     */
    List<UUID> abandonedSince(Instant before, int limit) {
        return db.select(CART.ID).from(CART)
                .where(CART.STATUS.eq(DSL.inline(Cart.Status.OPEN.name())), CART.ABANDONED_AT.isNull(),
                        CART.CUSTOMER_REF.isNotNull(), CART.CREATED_AT.lt(before), CART.UPDATED_AT.lt(before))
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
                RenderedSql.instant(rs, 13), List.of(), List.of(), rs.getLong(14), rs.getString(15));
    }

    private static Cart head(CartRecord r) {
        return new Cart(r.getId(), r.getChannelCode(), r.getCustomerRef(), r.getCustomerGroup(), r.getCurrency(),
                r.getCountry(), codes(r.getCodes()), Cart.Status.valueOf(r.getStatus()), r.getHoldId(), r.getOrderId(),
                r.getVersion(), r.getCreatedAt(), r.getUpdatedAt(), List.of(), List.of(), r.getLoyaltyPoints(),
                r.getSecretHash());
    }

    private static List<String> codes(String stored) {
        return stored == null ? List.of() : Arrays.asList(stored.split(","));
    }

    private Cart withDetails(Cart head) {
        List<Fulfilment.Group> groups = new ArrayList<>();
        List<Cart.Line> lines = new ArrayList<>();
        detailsOf.fetch(rs -> detail(rs, groups, lines), head.id(), head.id());
        return head.with(List.copyOf(groups), List.copyOf(lines));
    }

    /** A row of {@code detailsOf}: a group or a line, added to its list. */
    private Object detail(ResultSet rs, List<Fulfilment.Group> groups, List<Cart.Line> lines) throws SQLException {
        if (rs.getInt(1) == GROUP) {
            String address = rs.getString(6);
            groups.add(new Fulfilment.Group(rs.getString(2), Fulfilment.Method.valueOf(rs.getString(3)),
                    rs.getString(4), rs.getString(5),
                    address == null ? null : json.readValue(address, Fulfilment.Address.class)));
        } else {
            lines.add(new Cart.Line(rs.getString(2), rs.getString(3), rs.getInt(7)));
        }
        return Boolean.TRUE;
    }
}
