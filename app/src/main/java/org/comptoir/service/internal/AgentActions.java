package org.comptoir.service.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.comptoir.inventory.Inventory;
import org.comptoir.network.GeoPoint;
import org.comptoir.network.Network;
import org.comptoir.search.Gazetteer;
import org.comptoir.customers.Customers;
import org.comptoir.ordering.Checkout;
import org.comptoir.ordering.OrderBook;
import org.comptoir.platform.security.Caller;
import org.comptoir.platform.web.ApiProblem;
import org.comptoir.returns.ReturnBook;
import org.comptoir.service.internal.Model.Conversation;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What an agent does for the customer from the conversation: looks at the stock near them, holds
 * items in a store in their name until a date, opens a cart on the phone channel with the web shop's
 * prices and promotions, sends a link to continue it on the web or in the app, opens a return. Each
 * action is recorded in the conversation and on the customer's timeline, and the customer is told
 * what was done on the channel they last used.
 */
@Service
class AgentActions {

    private final Desk desk;
    private final ServiceRepository repository;
    private final Inventory inventory;
    private final Checkout checkout;
    private final ReturnBook returns;
    private final Network network;
    private final Gazetteer places;
    private final OrderBook orders;
    private final Customers customers;
    private final ServiceSettings settings;
    private final Clock clock;

    AgentActions(Desk desk, ServiceRepository repository, Inventory inventory, Checkout checkout, ReturnBook returns,
            Network network, Gazetteer places, OrderBook orders, Customers customers, ServiceSettings settings,
            Clock clock) {
        this.orders = orders;
        this.customers = customers;
        this.desk = desk;
        this.repository = repository;
        this.inventory = inventory;
        this.checkout = checkout;
        this.returns = returns;
        this.network = network;
        this.places = places;
        this.settings = settings;
        this.clock = clock;
    }

    /** Stock of a SKU near the customer: a point, or a postcode or city they gave. */
    @Transactional
    List<Inventory.Nearby> near(UUID id, String sku, String where, Double latitude, Double longitude, Double radiusKm,
            Caller caller) {
        Conversation c = desk.visible(id, caller);
        GeoPoint point;
        if (latitude != null && longitude != null) {
            point = new GeoPoint(latitude, longitude);
        } else {
            point = places.placeIn(where == null ? "" : "à " + where).map(Gazetteer.Place::point)
                    .orElseThrow(() -> ApiProblem.invalid("where", "give a postcode or a known city, or a point"));
        }
        double radius = radiusKm == null ? settings.nearRadiusKm() : radiusKm;
        if (radius <= 0 || radius > 200) {
            throw ApiProblem.invalid("radiusKm", "must be more than 0 and at most 200");
        }
        var near = inventory.near(sku, desk.salesChannel(c), point, radius);
        desk.action(repository.lock(c.id()).orElseThrow(), "looked up " + sku + " near the customer",
                Map.of("sku", sku, "stores", near.stream().map(Inventory.Nearby::locationCode).toList()), caller);
        return near;
    }

    /** Holds units in a store for the customer until a date, and tells them. */
    @Transactional
    UUID hold(UUID id, String sku, String locationCode, int quantity, Instant until, String channelCode,
            Caller caller) {
        Conversation c = desk.visible(id, caller);
        if (until == null || !until.isAfter(clock.instant())) {
            throw ApiProblem.invalid("until", "must be in the future");
        }
        var store = network.location(locationCode)
                .orElseThrow(() -> ApiProblem.invalid("locationCode", "no location has the code " + locationCode));
        UUID hold = inventory.hold(new Inventory.StockHold(Inventory.HoldKind.PERSON, c.customerId().toString(),
                channelCode == null ? desk.salesChannel(c) : channelCode, until,
                "held for the customer of conversation " + c.number(),
                List.of(new Inventory.StockLine(locationCode, sku, quantity))), caller);
        Conversation locked = repository.lock(c.id()).orElseThrow();
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("holdId", hold.toString());
        details.put("sku", sku);
        details.put("quantity", quantity);
        details.put("locationCode", locationCode);
        details.put("until", until.toString());
        desk.action(locked, "held " + quantity + " × " + sku + " at " + store.name(), details, caller);
        String date = until.atZone(java.time.ZoneId.of(store.timeZone()))
                .format(DateTimeFormatter.ofPattern("dd/MM HH:mm"));
        desk.reply(c.id(), quantity + " × " + sku + " : réservé pour vous chez " + store.name() + " jusqu'au " + date
                + ". / Held for you at " + store.name() + " until " + date + ".", null, null, caller);
        return hold;
    }

    /** A cart for the customer on a channel (the phone by default), priced as the web shop would. */
    @Transactional
    Checkout.CartSummary cart(UUID id, String channelCode, List<Checkout.Line> lines, List<String> codes,
            Caller caller) {
        Conversation c = desk.visible(id, caller);
        var cart = checkout.openCart(channelCode, c.customerId().toString(), lines, codes == null ? List.of() : codes,
                caller);
        desk.action(repository.lock(c.id()).orElseThrow(), "opened cart " + cart.cartId() + " on " + channelCode,
                Map.of("cartId", cart.cartId().toString(), "total", cart.total(), "lines", cart.lines()), caller);
        return cart;
    }

    /** Hands the cart to the web shop or the app and sends the customer the link to continue. */
    @Transactional
    Checkout.CartSummary link(UUID id, UUID cartId, String channelCode, Caller caller) {
        Conversation c = desk.visible(id, caller);
        var cart = checkout.handOver(cartId, channelCode, caller);
        if (!c.customerId().toString().equals(cart.customerRef())) {
            throw ApiProblem.invalid("cartId", "the cart is not this customer's");
        }
        // The link carries a new secret of the cart: whoever has it continues the cart, nobody else.
        String link = settings.cartLink().replace("{cartId}", cartId.toString()).replace("{channel}", channelCode)
                .replace("{secret}", checkout.newSecret(cartId, caller));
        desk.action(repository.lock(c.id()).orElseThrow(), "sent a link to continue on " + channelCode,
                Map.of("cartId", cartId.toString(), "channelCode", channelCode), caller);
        desk.reply(c.id(), "Votre panier vous attend / Your cart is waiting: " + link, null, null, caller);
        return cart;
    }

    /** Places the order of a cart opened for the customer (it must have its fulfilment chosen). */
    @Transactional
    Checkout.Placed order(UUID id, UUID cartId, String paymentTerms, Caller caller) {
        Conversation c = desk.visible(id, caller);
        var cart = checkout.openCarts(List.of(c.customerId().toString())).stream()
                .filter(k -> k.cartId().equals(cartId)).findFirst()
                .orElseThrow(() -> ApiProblem.invalid("cartId", "no open cart of this customer has this id"));
        var placed = checkout.placeOrder(cart.cartId(), paymentTerms, caller);
        desk.action(repository.lock(c.id()).orElseThrow(), "placed order " + placed.number() + " for the customer",
                Map.of("orderId", placed.orderId().toString(), "number", placed.number(), "total", placed.total()),
                caller);
        desk.reply(c.id(), "Commande " + placed.number() + " enregistrée. / Order " + placed.number() + " placed.",
                null, null, caller);
        return placed;
    }

    /** An agent acts from a conversation on that customer's orders only, whatever number is typed. */
    private void customersOwn(Conversation c, String orderNumber) {
        var order = orderNumber == null ? java.util.Optional.<OrderBook.Summary>empty()
                : orders.findByNumber(orderNumber.trim().toUpperCase(java.util.Locale.ROOT));
        if (order.isEmpty() || order.get().customerRef() == null
                || !customers.references(c.customerId()).contains(order.get().customerRef())) {
            throw ApiProblem.invalid("orderNumber", "names no order of this conversation's customer");
        }
    }

    /** Exchanges units of one of the customer's orders for another SKU in a store. */
    @Transactional
    ReturnBook.ExchangeSummary exchange(UUID id, String orderNumber, int lineNo, int quantity, String sku,
            String locationCode, String channelCode, Caller caller) {
        Conversation c = desk.visible(id, caller);
        customersOwn(c, orderNumber);
        var exchanged = returns.exchange(orderNumber, lineNo, quantity, sku, locationCode, channelCode, caller);
        desk.action(repository.lock(c.id()).orElseThrow(), "exchanged line " + lineNo + " of " + orderNumber + " for "
                + sku, Map.of("returnId", exchanged.returned().id().toString(), "replacement",
                        exchanged.replacementNumber(), "due", exchanged.due()), caller);
        return exchanged;
    }

    /** Opens a return of one of the customer's orders. */
    @Transactional
    ReturnBook.Summary openReturn(UUID id, String orderNumber, String method, String locationCode,
            List<ReturnBook.ReturnLine> lines, Caller caller) {
        Conversation c = desk.visible(id, caller);
        customersOwn(c, orderNumber);
        var opened = returns.open(orderNumber, method, locationCode, lines, caller);
        desk.action(repository.lock(c.id()).orElseThrow(), "opened return " + opened.code() + " for " + orderNumber,
                Map.of("returnId", opened.id().toString(), "code", opened.code(), "order", orderNumber), caller);
        desk.reply(c.id(), "Retour " + opened.code() + " ouvert pour la commande " + orderNumber
                + ". / Return " + opened.code() + " opened for order " + orderNumber + ".", null, null, caller);
        return opened;
    }
}
