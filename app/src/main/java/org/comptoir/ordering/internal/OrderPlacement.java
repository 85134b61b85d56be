package org.comptoir.ordering.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.comptoir.fulfilment.Routing;
import org.comptoir.inventory.Inventory;
import org.comptoir.network.ChannelSummary;
import org.comptoir.network.ChannelType;
import org.comptoir.network.Network;
import org.comptoir.ordering.OrderPlaced;
import org.comptoir.platform.persistence.Ids;
import org.comptoir.platform.security.Caller;
import org.comptoir.platform.security.Role;
import org.comptoir.platform.security.SecretTokens;
import org.comptoir.platform.web.ApiProblem;
import org.comptoir.pricing.Pricing;
import org.comptoir.pricing.Quote;
import org.comptoir.pricing.QuoteRequest;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.ObjectMapper;

/**
 * Places an order in one transaction: re-prices the basket, picks where each line's stock comes from,
 * holds all of it or none, records the order and its promotions' use, and raises {@link OrderPlaced}.
 * A marketplace order is imported once per external id.
 */
@Service
class OrderPlacement {

    static final int MAX_LINES = 100;
    static final int MAX_QUANTITY = 10_000;
    /** A payment link sent by an agent may wait this long at most. */
    static final java.time.Duration MAX_PAYMENT_DELAY = java.time.Duration.ofDays(7);

    /**
     * What to place. Without groups nothing can be fulfilled; lines name their group when there are
     * several. {@code fromHold}: a person's hold whose units the order takes over (a sale at the till
     * of what an agent kept for the customer), in the same step.
     */
    record PlaceOrder(String channelCode, String externalId, String customerRef, String customerGroup, String country,
            String currency, List<String> codes, List<Fulfilment.Group> groups, List<LineRequest> lines,
            Order.PaymentTerms paymentTerms, Instant paymentDueBy, UUID cartId, long loyaltyPoints, UUID fromHold) {

        PlaceOrder(String channelCode, String externalId, String customerRef, String customerGroup, String country,
                String currency, List<String> codes, List<Fulfilment.Group> groups, List<LineRequest> lines,
                Order.PaymentTerms paymentTerms, Instant paymentDueBy, UUID cartId, long loyaltyPoints) {
            this(channelCode, externalId, customerRef, customerGroup, country, currency, codes, groups, lines,
                    paymentTerms, paymentDueBy, cartId, loyaltyPoints, null);
        }
    }

    record LineRequest(String sku, int quantity, String group) {}

    /** A placed order, and the secret of its confirmation link (shown once, only its SHA-256 is kept). */
    record Placed(Order order, String secret) {}

    private final OrderRepository orders;
    private final StockAllocation allocation;
    private final FulfilmentSync fulfilment;
    private final Pricing pricing;
    private final Inventory inventory;
    private final Network network;
    private final OrderingSettings settings;
    private final ApplicationEventPublisher events;
    private final ObjectMapper json;
    private final Clock clock;

    OrderPlacement(OrderRepository orders, StockAllocation allocation, FulfilmentSync fulfilment, Pricing pricing,
            Inventory inventory, Network network, OrderingSettings settings, ApplicationEventPublisher events,
            ObjectMapper json, Clock clock) {
        this.orders = orders;
        this.allocation = allocation;
        this.fulfilment = fulfilment;
        this.pricing = pricing;
        this.inventory = inventory;
        this.network = network;
        this.settings = settings;
        this.events = events;
        this.json = json;
        this.clock = clock;
    }

    /**
     * An order placed in one call (a till, a marketplace import, a storefront without a cart): a
     * storefront names no customer but its signed-in shopper, imports nothing, and pays as its
     * channel says.
     */
    @Transactional
    Placed placeDirect(PlaceOrder request, Caller caller) {
        if (!caller.storefront()) {
            return place(request, caller);
        }
        if (request.externalId() != null) {
            throw ApiProblem.forbidden("A storefront does not import orders (externalId)");
        }
        if (request.paymentDueBy() != null) {
            // Stock held for an unpaid order as long as the caller likes: for agents' payment links only.
            throw ApiProblem.forbidden("A storefront's orders wait for their payment as long as the channel says");
        }
        if (request.customerRef() != null && !caller.ownsCustomerRef(request.customerRef())
                || request.customerGroup() != null && !caller.customerGroup().map(request.customerGroup()::equals)
                        .orElse(false)) {
            throw ApiProblem.forbidden("A storefront's customer is its signed-in shopper (a customer token), "
                    + "never one named in the request");
        }
        if (request.fromHold() != null) {
            throw ApiProblem.forbidden("A storefront does not sell held stock");
        }
        return place(new PlaceOrder(request.channelCode(), null, caller.customerRef().orElse(null),
                caller.customerGroup().orElse(null), request.country(), request.currency(), request.codes(),
                request.groups(), request.lines(), request.paymentTerms(), null, null, request.loyaltyPoints()),
                caller);
    }

    @Transactional
    Placed place(PlaceOrder request, Caller caller) {
        ChannelSummary channel = network.channel(request.channelCode() == null ? "" : request.channelCode())
                .filter(ChannelSummary::active)
                .orElseThrow(() -> ApiProblem.invalid("channelCode", "no active channel has the code "
                        + request.channelCode()));
        if (request.externalId() != null) {
            orders.findExternal(channel.code(), request.externalId()).ifPresent(existing -> {
                throw alreadyImported(existing.id(), existing.number(), request.externalId());
            });
        }
        Map<String, Fulfilment.Group> groups = checkedGroups(request.groups(), channel);
        List<LineRequest> lines = checkedLines(request.lines(), groups);
        String deliveryMethod = groups.values().stream().filter(g -> g.method().shipped())
                .map(g -> g.method().name()).findFirst().orElse(null);
        Quote quote = pricing.quote(new QuoteRequest(channel.code(), request.currency(), request.customerRef(),
                request.customerGroup(), request.country(),
                lines.stream().map(l -> new QuoteRequest.Line(l.sku(), l.quantity())).toList(), request.codes(),
                deliveryMethod, request.loyaltyPoints()));
        quote.rejectedCodes().stream().findFirst().ifPresent(code -> {
            throw new ApiProblem(HttpStatus.UNPROCESSABLE_CONTENT, "coupon-not-applicable", "Coupon does not apply",
                    "Coupon " + code.code() + " does not apply: " + code.reason()).with("code", code.code());
        });
        // Sourcing decides where each line is held; lines its rules cannot place are held where the
        // most stock is, and the order is retried by fulfilment, then flagged for a person.
        Routing.Route route = fulfilment.route(channel.code(), groups, lines);
        Map<String, String> locations = new HashMap<>();
        List<LineRequest> unplaced = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            String at = route.locations().get(i + 1);
            if (at != null) {
                locations.put(lines.get(i).sku(), at);
            } else {
                unplaced.add(lines.get(i));
            }
        }
        if (!unplaced.isEmpty()) {
            locations.putAll(allocation.allocate(channel, unplaced, groups));
        }

        Instant now = clock.instant();
        UUID id = Ids.newId();
        String number = orders.nextNumber();
        Order.PaymentTerms terms = termsOf(request.paymentTerms(), channel, groups.values(), caller);
        List<Order.Line> orderLines = new ArrayList<>();
        Map<String, Quote.QuotedLine> priced = new HashMap<>();
        quote.lines().forEach(q -> priced.put(q.sku(), q));
        for (int i = 0; i < lines.size(); i++) {
            LineRequest l = lines.get(i);
            Quote.QuotedLine q = priced.get(l.sku());
            orderLines.add(new Order.Line(i + 1, l.sku(), l.group(), locations.get(l.sku()), l.quantity(), 0,
                    q.unitPrice(), q.discount(), q.total(), q.taxRateBp(), q.net(), q.tax(), q.gross()));
        }
        var totals = new Order.Totals(quote.totals().listTotal(), quote.totals().discount(), quote.totals().delivery(),
                quote.totals().net(), quote.totals().tax(), quote.totals().gross());
        boolean nothingToPay = terms == Order.PaymentTerms.PREPAID || totals.gross() == 0;
        Order.Status status = nothingToPay || terms == Order.PaymentTerms.PAY_AT_PICKUP ? Order.Status.CONFIRMED
                : Order.Status.PLACED;
        if (request.paymentDueBy() != null && (!request.paymentDueBy().isAfter(now)
                || request.paymentDueBy().isAfter(now.plus(MAX_PAYMENT_DELAY)))) {
            throw ApiProblem.invalid("paymentDueBy", "must be in the future, within " + MAX_PAYMENT_DELAY.toDays()
                    + " days");
        }
        Instant expiresAt = switch (terms) {
            case PAY_NOW -> nothingToPay ? null : request.paymentDueBy() != null ? request.paymentDueBy()
                    : now.plus(settings.unpaidTtl());
            case PAY_AT_PICKUP -> now.plus(settings.collectTtl());
            case PREPAID -> null;
        };
        var stock = new Inventory.StockHold(Inventory.HoldKind.ORDER, number, channel.code(), null, "order " + number,
                orderLines.stream().map(l -> new Inventory.StockLine(l.locationCode(), l.sku(), l.quantity())).toList());
        // Taken over from a person's hold, the units go from it to the order's without ever being free.
        UUID holdId = request.fromHold() == null ? Ids.newId() : inventory.takeOver(request.fromHold(), stock, caller);
        String secret = SecretTokens.generate("os_");
        Order order = new Order(id, number, channel.code(), request.externalId(), request.customerRef(),
                request.cartId(), status, terms, nothingToPay ? (terms == Order.PaymentTerms.PREPAID
                        ? Order.PaymentStatus.PAID : Order.PaymentStatus.NOT_REQUIRED) : Order.PaymentStatus.AWAITING,
                quote.currency(), quote.country(), quote.codes().stream().filter(Quote.CodeStatus::applied)
                        .map(Quote.CodeStatus::code).toList(), totals,
                terms == Order.PaymentTerms.PREPAID ? totals.gross() : 0, 0, holdId, expiresAt, caller.name(), now, 1,
                List.copyOf(groups.values()), orderLines, request.loyaltyPoints(), 0, 0, SecretTokens.hash(secret));
        String promotions = json.writeValueAsString(quote.promotions());
        var placed = new OrderRepository.Change(null, status, "placed", caller.name(), channel.code(),
                terms.name().toLowerCase().replace('_', ' '), now);
        try {
            if (request.fromHold() != null) {
                var together = orders.together();
                orders.insertWith(together, order, promotions, now, placed);
                fulfilment.placed(together, order, route);
                together.execute();
            } else {
                // The order and its fulfilment are written in the round trip that reserves its stock: a
                // short line's OutOfStock rolls them back with the whole placement.
                inventory.hold(holdId, stock, caller, together -> {
                    orders.insertWith(together, order, promotions, now, placed);
                    fulfilment.placed(together, order, route);
                });
            }
        } catch (DuplicateKeyException e) {
            // Another request imported the same marketplace order between our check and our insert.
            throw alreadyImported(null, null, request.externalId());
        }
        pricing.redeem(quote, number, request.customerRef());
        events.publishEvent(new OrderPlaced(Ids.newId(), now, id, number, channel.code(), request.customerRef(),
                totals.gross(), quote.currency()));
        return new Placed(order, secret);
    }

    private static ApiProblem alreadyImported(UUID id, String number, String externalId) {
        ApiProblem problem = ApiProblem.conflict("order-already-imported", "Order " + externalId
                + " of this channel was already imported" + (number == null ? "" : " as " + number))
                .with("externalId", externalId);
        if (id != null) {
            problem.with("orderId", id).with("orderNumber", number);
        }
        return problem;
    }

    private Map<String, Fulfilment.Group> checkedGroups(List<Fulfilment.Group> requested, ChannelSummary channel) {
        if (requested == null || requested.isEmpty()) {
            throw ApiProblem.invalid("groups", "say how the lines reach the customer (at least one group)");
        }
        Map<String, Fulfilment.Group> groups = new LinkedHashMap<>();
        for (int i = 0; i < requested.size(); i++) {
            Fulfilment.Group group = requested.get(i);
            Fulfilment.check(group, channel, network, "groups[" + i + "]");
            if (groups.put(group.code(), group) != null) {
                throw ApiProblem.invalid("groups[" + i + "].code", "is used twice");
            }
        }
        return groups;
    }

    private static List<LineRequest> checkedLines(List<LineRequest> requested, Map<String, Fulfilment.Group> groups) {
        if (requested == null || requested.isEmpty() || requested.size() > MAX_LINES) {
            throw ApiProblem.invalid("lines", "must have 1 to " + MAX_LINES + " lines");
        }
        Map<String, LineRequest> merged = new LinkedHashMap<>();
        for (int i = 0; i < requested.size(); i++) {
            LineRequest line = requested.get(i);
            if (line == null || line.sku() == null || line.sku().isBlank()) {
                throw ApiProblem.invalid("lines[" + i + "].sku", "is required");
            }
            if (line.quantity() < 1 || line.quantity() > MAX_QUANTITY) {
                throw ApiProblem.invalid("lines[" + i + "].quantity", "must be 1 to " + MAX_QUANTITY);
            }
            String group = line.group() != null ? line.group()
                    : groups.size() == 1 ? groups.keySet().iterator().next() : null;
            if (group == null || !groups.containsKey(group)) {
                throw ApiProblem.invalid("lines[" + i + "].group", "must name one of the order's groups");
            }
            LineRequest previous = merged.get(line.sku());
            if (previous != null && !previous.group().equals(group)) {
                throw ApiProblem.invalid("lines[" + i + "].sku", "is already in group " + previous.group());
            }
            int quantity = (previous == null ? 0 : previous.quantity()) + line.quantity();
            if (quantity > MAX_QUANTITY) {
                throw ApiProblem.invalid("lines[" + i + "].quantity", "adds up to more than " + MAX_QUANTITY);
            }
            merged.put(line.sku(), new LineRequest(line.sku(), quantity, group));
        }
        return List.copyOf(merged.values());
    }

    /**
     * How the order is paid: the channel's way unless the caller's role may choose another. A
     * storefront never chooses (a shopper could otherwise mark their own order paid); paid elsewhere
     * is for integrations and admins, paid at pickup for orders collected in a store only.
     */
    private static Order.PaymentTerms termsOf(Order.PaymentTerms asked, ChannelSummary channel,
            java.util.Collection<Fulfilment.Group> groups, Caller caller) {
        boolean collected = groups.stream().allMatch(g -> g.method() == Fulfilment.Method.RESERVE_AND_COLLECT
                || g.method() == Fulfilment.Method.CLICK_AND_COLLECT);
        Order.PaymentTerms standard = channel.type() == ChannelType.MARKETPLACE && !caller.storefront()
                ? Order.PaymentTerms.PREPAID
                : groups.stream().allMatch(g -> g.method() == Fulfilment.Method.RESERVE_AND_COLLECT)
                        ? Order.PaymentTerms.PAY_AT_PICKUP : Order.PaymentTerms.PAY_NOW;
        if (asked == null || asked == standard) {
            return standard;
        }
        if (caller.storefront()) {
            throw ApiProblem.forbidden("Channel " + channel.code() + " decides how its shoppers pay: " + standard);
        }
        return switch (asked) {
            case PREPAID -> {
                if (!(caller.has(Role.INTEGRATION) || caller.has(Role.ADMIN))) {
                    throw ApiProblem.forbidden("Only an integration or an admin records an order paid elsewhere");
                }
                yield asked;
            }
            case PAY_AT_PICKUP -> {
                if (!collected) {
                    throw ApiProblem.invalid("paymentTerms", "an order is paid at pickup only when every group is "
                            + "collected in a store");
                }
                yield asked;
            }
            case PAY_NOW -> asked;
        };
    }
}
