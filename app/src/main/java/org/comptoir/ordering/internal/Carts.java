package org.comptoir.ordering.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.comptoir.inventory.Inventory;
import org.comptoir.inventory.OutOfStock;
import org.comptoir.network.ChannelSummary;
import org.comptoir.network.Network;
import org.comptoir.ordering.CartAbandoned;
import org.comptoir.ordering.CartUpdated;
import org.comptoir.platform.cluster.ClusterJobs;
import org.comptoir.platform.persistence.Ids;
import org.comptoir.platform.persistence.RenderedSql;
import org.comptoir.platform.security.Caller;
import org.comptoir.platform.security.SecretTokens;
import org.comptoir.platform.web.ApiProblem;
import org.comptoir.pricing.Pricing;
import org.comptoir.pricing.Quote;
import org.comptoir.pricing.QuoteRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Carts: priced by the engine at every change (a refused change, such as an unknown coupon, writes
 * nothing), checked against the stock the channel can promise, optionally holding that stock, handed
 * over from one channel to another, and turned into an order.
 */
@Service
class Carts {

    private static final String SWEEP_JOB_PERIOD = "${comptoir.ordering.sweep-interval:30s}";

    private static final Logger log = LoggerFactory.getLogger(Carts.class);

    /** A cart with its current price and what cannot be promised. */
    record View(Cart cart, Quote quote, String pricingProblem, List<Shortage> unavailable) {}

    /** A new cart, and its secret: shown once, to whoever created it. */
    record Created(Cart cart, String secret) {}

    record Shortage(String sku, int quantity, int available) {}

    /**
     * The stock of the SKUs a change was guessed to need, read in the change's round trip: used when
     * the cart, as it reads back, is on that channel and has no other SKU.
     */
    private record Guess(String channelCode, Set<String> skus, Supplier<Map<String, Integer>> available) {

        boolean covers(Cart cart, Set<String> wanted) {
            return channelCode.equals(cart.channelCode()) && skus.containsAll(wanted);
        }
    }

    private final CartRepository carts;
    private final LastSeenCarts lastSeen;
    private final OrderPlacement placement;
    private final StockAllocation allocation;
    private final Pricing pricing;
    private final Inventory inventory;
    private final Network network;
    private final OrderingSettings settings;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate savepoint;
    private final TransactionTemplate transaction;
    private final Clock clock;
    private final ClusterJobs jobs;

    Carts(CartRepository carts, LastSeenCarts lastSeen, OrderPlacement placement, StockAllocation allocation, Pricing pricing,
            Inventory inventory, Network network, OrderingSettings settings, ApplicationEventPublisher events,
            PlatformTransactionManager transactions, Clock clock, ClusterJobs jobs) {
        this.jobs = jobs;
        this.carts = carts;
        this.lastSeen = lastSeen;
        this.placement = placement;
        this.allocation = allocation;
        this.pricing = pricing;
        this.inventory = inventory;
        this.network = network;
        this.settings = settings;
        this.events = events;
        this.savepoint = new TransactionTemplate(transactions);
        this.savepoint.setPropagationBehavior(TransactionDefinition.PROPAGATION_NESTED);
        this.transaction = new TransactionTemplate(transactions);
        this.clock = clock;
    }

    /**
     * A new cart with a secret of its own. A storefront's cart is its signed-in shopper's, or nobody's:
     * it names no customer or price group itself.
     */
    @Transactional
    Created create(String channelCode, String customerRef, String customerGroup, String country, String currency,
            Caller caller) {
        ChannelSummary channel = activeChannel(channelCode, "channelCode");
        if (caller.storefront()) {
            refuseNamedCustomer(customerRef, customerGroup, caller);
            customerRef = caller.customerRef().orElse(null);
            customerGroup = caller.customerGroup().orElse(null);
        }
        Instant now = clock.instant();
        String secret = SecretTokens.generate("cs_");
        Cart cart = new Cart(Ids.newId(), channel.code(), customerRef, customerGroup,
                currency == null ? channel.currency() : currency, country == null ? "FR" : country, List.of(),
                Cart.Status.OPEN, null, null, 1, now, now, List.of(), List.of(), 0, SecretTokens.hash(secret));
        carts.insert(cart);
        lastSeen.saw(cart);
        return new Created(cart, secret);
    }

    /** Replaces the cart's secret by a new one, answered once (the link an agent sends to continue the cart). */
    @Transactional
    String newSecret(UUID id, Caller caller) {
        start(id, caller);
        String secret = SecretTokens.generate("cs_");
        carts.setSecret(id, SecretTokens.hash(secret));
        return secret;
    }

    /** A storefront is public: the customer of its carts and orders is its signed-in shopper, never a claim. */
    private static void refuseNamedCustomer(String customerRef, String customerGroup, Caller caller) {
        if (customerRef != null && !caller.ownsCustomerRef(customerRef)
                || customerGroup != null && !caller.customerGroup().map(customerGroup::equals).orElse(false)) {
            throw ApiProblem.forbidden("A storefront's customer is its signed-in shopper (a customer token), "
                    + "never one named in the request");
        }
    }

    List<Cart> openOf(java.util.Collection<String> customerRefs) {
        return customerRefs.isEmpty() ? List.of() : carts.openOf(customerRefs);
    }

    Cart find(UUID id) {
        return carts.find(id).orElseThrow(() -> ApiProblem.notFound("Cart", id));
    }

    /**
     * The cart, if the caller may see it: a storefront only with the cart's secret or as its signed-in
     * customer (whatever the channel: a cart handed over from another one is read before it is taken
     * over); without them it looks absent.
     */
    Cart visible(UUID id, Caller caller) {
        return visible(find(id), caller);
    }

    private static Cart visible(Cart cart, Caller caller) {
        if (caller.storefront() && !caller.holdsSecret(cart.secretHash())
                && !caller.ownsCustomerRef(cart.customerRef())) {
            throw ApiProblem.notFound("Cart", cart.id());
        }
        return cart;
    }

    /** A storefront changes only its own channel's carts it may see. */
    Cart changeable(UUID id, Caller caller) {
        return changeable(find(id), caller);
    }

    private static Cart changeable(Cart cart, Caller caller) {
        visible(cart, caller);
        if (caller.channelCode().map(c -> !c.equals(cart.channelCode())).orElse(false)) {
            throw ApiProblem.conflict("cart-on-another-channel", "The cart is on channel " + cart.channelCode()
                    + "; hand it over to yours first").with("channelCode", cart.channelCode());
        }
        return cart;
    }

    View view(Cart cart) {
        if (cart.lines().isEmpty()) {
            return new View(cart, null, null, List.of());
        }
        Quote quote = null;
        String problem = null;
        try {
            quote = quote(cart);
        } catch (ApiProblem e) {
            problem = e.getMessage();
        }
        return view(cart, quote, problem, null);
    }

    /**
     * The cart with a quote already made, and what the channel cannot promise of it (read with the
     * change when the guess covers the cart).
     */
    private View view(Cart cart, Quote quote, String problem, Guess guess) {
        if (cart.lines().isEmpty()) {
            return new View(cart, null, null, List.of());
        }
        Map<String, Integer> wanted = new LinkedHashMap<>();
        cart.lines().forEach(l -> wanted.merge(l.sku(), l.quantity(), Integer::sum));
        // Lines collected at a store need that store's stock; lines sent from anywhere only the total,
        // which the database adds up (a row per SKU rather than one per location).
        boolean atStores = cart.groups().stream().anyMatch(g -> g.method().atStore());
        var available = atStores ? inventory.available(cart.channelCode(), wanted.keySet()) : null;
        var anywhere = atStores ? null : guess != null && guess.covers(cart, wanted.keySet())
                ? guess.available().get() : inventory.availableAnywhere(cart.channelCode(), wanted.keySet());
        List<Shortage> shortages = new ArrayList<>();
        for (Cart.Line line : cart.lines()) {
            int can = anywhere != null ? anywhere.getOrDefault(line.sku(), 0) : availableFor(line, cart, available);
            if (cart.holdId() != null) {
                can += line.quantity();     // the cart's own hold is part of what it may have
            }
            if (can < line.quantity()) {
                shortages.add(new Shortage(line.sku(), line.quantity(), can));
            }
        }
        return new View(cart, quote, problem, shortages);
    }

    /** What a line can have of the stock by location: its store's when collected there, else all of it. */
    private static int availableFor(Cart.Line line, Cart cart, Map<String, Map<String, Integer>> available) {
        Fulfilment.Group group = cart.groups().stream().filter(g -> g.code().equals(line.group())).findFirst()
                .orElse(null);
        Map<String, Integer> at = available.getOrDefault(line.sku(), Map.of());
        return group != null && group.method().atStore() ? at.getOrDefault(group.locationCode(), 0)
                : at.values().stream().mapToInt(Integer::intValue).sum();
    }

    @Transactional
    View setLine(UUID id, String sku, int quantity, String group, boolean add, Caller caller) {
        if (add ? quantity < 1 || quantity > OrderPlacement.MAX_QUANTITY
                : quantity < 0 || quantity > OrderPlacement.MAX_QUANTITY) {
            throw tooMany();
        }
        String groupCode = group == null ? Cart.DEFAULT_GROUP : group;
        // Written with the touch, in its round trip; a change found too big is taken back with it.
        var guess = new AtomicReference<Guess>();
        Cart cart = started(carts.touchAndSetLine(id, clock.instant(), sku, groupCode, quantity, add,
                readAlong(id, sku, guess)), id, caller);
        if (cart.lines().stream().filter(l -> l.sku().equals(sku)).mapToInt(Cart.Line::quantity).sum()
                > OrderPlacement.MAX_QUANTITY) {
            throw tooMany();
        }
        if (cart.lines().size() > OrderPlacement.MAX_LINES) {
            throw ApiProblem.invalid("sku", "a cart has at most " + OrderPlacement.MAX_LINES + " lines");
        }
        return changed(cart, guess.get());
    }

    private static ApiProblem tooMany() {
        return ApiProblem.invalid("quantity", "must bring the line to 0 to " + OrderPlacement.MAX_QUANTITY);
    }

    @Transactional
    View addCode(UUID id, String code, Caller caller) {
        Cart cart = start(id, caller);
        if (cart.lines().isEmpty()) {
            throw ApiProblem.invalid("code", "add items to the cart before a code");
        }
        String normalised = code.trim().toUpperCase(Locale.ROOT);
        if (cart.codes().contains(normalised)) {
            return view(cart);
        }
        List<String> codes = new ArrayList<>(cart.codes());
        codes.add(normalised);
        carts.update(cart.withCodes(codes));
        // Priced at once: an unknown code or one of another currency is refused and nothing is kept;
        // whether a known code applies shows in the quote.
        return changed(id);
    }

    @Transactional
    View removeCode(UUID id, String code, Caller caller) {
        Cart cart = start(id, caller);
        List<String> codes = new ArrayList<>(cart.codes());
        if (!codes.remove(code.trim().toUpperCase(Locale.ROOT))) {
            throw ApiProblem.notFound("Code on the cart", code);
        }
        carts.update(cart.withCodes(codes));
        return changed(id);
    }

    /**
     * Sets the loyalty points the customer spends on the cart (0 spends none). Priced at once: a cart
     * without a customer, or points the customer does not have, are refused and nothing is kept.
     */
    @Transactional
    View spendPoints(UUID id, long points, Caller caller) {
        Cart cart = start(id, caller);
        if (points > 0 && cart.customerRef() == null) {
            throw ApiProblem.invalid("points", "attach the cart to its customer before spending points");
        }
        if (points > 0 && caller.storefront() && !caller.ownsCustomerRef(cart.customerRef())) {
            throw ApiProblem.forbidden("Loyalty points are spent by their signed-in owner");
        }
        carts.update(cart.withPoints(points));
        return changed(id);
    }

    @Transactional
    View setGroup(UUID id, Fulfilment.Group group, Caller caller) {
        if (!group.code().matches("[a-z0-9][a-z0-9_-]{0,39}")) {
            throw ApiProblem.invalid("group", "must be 1 to 40 lower-case letters, digits, '-' or '_'");
        }
        // Written with the touch, in its round trip; a choice the channel cannot honour is taken back with it.
        var guess = new AtomicReference<Guess>();
        Cart cart = started(carts.touchAndSetGroup(id, clock.instant(), group, readAlong(id, null, guess)), id,
                caller);
        Fulfilment.check(group, activeChannel(cart.channelCode(), "channelCode"), network, "group");
        return changed(cart, guess.get());
    }

    /**
     * Attaches the cart to a customer (an anonymous cart when the shopper signs in): a storefront
     * attaches its signed-in shopper only, whatever the request names.
     */
    @Transactional
    View attach(UUID id, String customerRef, String customerGroup, Caller caller) {
        Cart cart = start(id, caller);
        if (caller.storefront()) {
            if (caller.customerId().isEmpty()) {
                throw ApiProblem.forbidden("A shopper attaches a cart to themselves once signed in (a customer token)");
            }
            refuseNamedCustomer(customerRef, customerGroup, caller);
            customerRef = caller.customerRef().orElseThrow();
            customerGroup = caller.customerGroup().orElse(null);
        }
        carts.update(cart.withCustomer(customerRef, customerGroup));
        return changed(id);
    }

    /**
     * Hands the cart over to another channel (opened on the web, continued in the app, completed by an
     * agent on the phone or at a till): same lines, codes and customer, priced by the same engine.
     */
    @Transactional
    View handOver(UUID id, String channelCode, Caller caller) {
        String target = caller.channelCode().orElse(channelCode);
        ChannelSummary channel = activeChannel(target, "channelCode");
        Cart cart = visible(carts.touch(id, clock.instant(), true).orElseThrow(() -> {
            visible(id, caller);
            return notOpen(id);
        }), caller);
        carts.update(cart.onChannel(channel.code()));
        return changed(id);
    }

    /** Places the cart's order: the cart's own hold is given back first, then the order holds all or nothing. */
    @Transactional
    OrderPlacement.Placed order(UUID id, Order.PaymentTerms terms, Caller caller) {
        Cart cart = started(carts.touch(id, clock.instant(), false), id, caller);
        if (cart.lines().isEmpty()) {
            throw ApiProblem.invalid("lines", "the cart is empty");
        }
        if (caller.storefront() && (cart.loyaltyPoints() > 0 || cart.customerGroup() != null)
                && !caller.ownsCustomerRef(cart.customerRef())) {
            // Someone's points and prices are theirs to use, not whoever holds the cart's secret.
            throw ApiProblem.forbidden("The cart spends its customer's points or prices: sign in as them to order it");
        }
        List<Fulfilment.Group> groups = new ArrayList<>();
        for (Cart.Line line : cart.lines()) {
            Fulfilment.Group group = cart.groups().stream().filter(g -> g.code().equals(line.group())).findFirst()
                    .orElseThrow(() -> ApiProblem.invalid("groups", "say how the lines of group " + line.group()
                            + " reach the customer"));
            if (!groups.contains(group)) {
                groups.add(group);
            }
        }
        if (cart.holdId() != null) {
            inventory.release(cart.holdId());
        }
        var order = placement.place(new OrderPlacement.PlaceOrder(cart.channelCode(), null, cart.customerRef(),
                cart.customerGroup(), cart.country(), cart.currency(), cart.codes(), groups,
                cart.lines().stream().map(l -> new OrderPlacement.LineRequest(l.sku(), l.quantity(), l.group()))
                        .toList(), terms, null, cart.id(), cart.loyaltyPoints()), caller);
        // The order's own insert has marked the cart ordered (see OrderRepository#insert).
        lastSeen.forget(id);
        return order;
    }

    /**
     * Flags known customers' carts left untouched, once each, and raises {@link CartAbandoned}: each
     * cart in its own transaction, so a cart that cannot be priced delays no other.
     */
    @Scheduled(fixedDelayString = SWEEP_JOB_PERIOD)
    void flagAbandoned() {
        jobs.runOnce("ordering.cart-abandonment", SWEEP_JOB_PERIOD, this::flagAbandonedNow);
    }

    private void flagAbandonedNow() {
        Instant now = clock.instant();
        Instant before = now.minus(settings.abandonAfter());
        for (UUID id : carts.abandonedSince(before, 200)) {
            transaction.executeWithoutResult(status -> {
                if (carts.markAbandoned(id, before, now)) {
                    Cart cart = find(id);
                    long total = 0;
                    try {
                        total = quote(cart).payable();
                    } catch (ApiProblem e) {
                        log.debug("Abandoned cart {} cannot be priced: {}", id, e.getMessage());
                    }
                    events.publishEvent(new CartAbandoned(Ids.newId(), now, id, cart.channelCode(),
                            cart.customerRef(), cart.lines().size(), total, cart.currency()));
                }
            });
        }
    }

    /**
     * Locks and counts a change of an open cart the caller may change, reading it once: a refused
     * change throws, and its transaction takes the touch back. A change of the cart alone, committed
     * as a draft's (see CartRepository#draft).
     */
    private Cart start(UUID id, Caller caller) {
        return started(carts.touch(id, clock.instant(), true), id, caller);
    }

    /** The same once touched (with a change made in the same round trip, taken back when refused). */
    private Cart started(java.util.Optional<Cart> touched, UUID id, Caller caller) {
        if (touched.isEmpty()) {
            changeable(id, caller);     // an unknown or unseen cart is a 404, another channel's a 409 of its own
            throw notOpen(id);
        }
        return changeable(touched.get(), caller);
    }

    /** After a change: priced (refusing what the engine refuses), stock held if the channel wants it, announced. */
    private View changed(UUID id) {
        return changed(find(id), null);
    }

    /**
     * The same for a cart whose change is known here, as it now reads back: no need to read it again;
     * nor its stock, when the guess read with the change covers it.
     */
    private View changed(Cart changed, Guess guess) {
        Quote quote = changed.lines().isEmpty() ? null : quote(changed);
        Cart cart = settings.cartHoldChannels().contains(changed.channelCode()) ? rehold(changed) : changed;
        events.publishEvent(new CartUpdated(Ids.newId(), clock.instant(), cart.id(), cart.channelCode(),
                cart.customerRef(), cart.lines().size(), quote == null ? 0 : quote.payable(), cart.currency()));
        lastSeen.saw(cart);
        return view(cart, quote, null, guess);
    }

    /**
     * Sends, with a change of the cart, the read of the stock of the SKUs this node last saw on it and
     * of the line changed ({@code sku}, or none), when it saw the cart. Not on a channel whose carts
     * hold their stock: the change holds it again after this read.
     */
    private Consumer<RenderedSql.Together> readAlong(UUID id, String sku, AtomicReference<Guess> guess) {
        return together -> {
            LastSeenCarts.Seen seen = lastSeen.of(id);
            if (seen == null || settings.cartHoldChannels().contains(seen.channelCode())) {
                return;
            }
            Set<String> skus = seen.with(sku);
            if (!skus.isEmpty()) {
                guess.set(new Guess(seen.channelCode(), skus,
                        inventory.availableAnywhere(seen.channelCode(), skus, together)));
            }
        };
    }

    /**
     * Replaces the cart's soft hold by one for its current lines. Inside a savepoint: when the stock is
     * not there, the cart keeps its lines without a hold rather than refusing the change.
     */
    private Cart rehold(Cart cart) {
        if (cart.holdId() != null) {
            inventory.release(cart.holdId());
        }
        UUID holdId = null;
        if (!cart.lines().isEmpty()) {
            try {
                holdId = savepoint.execute(status -> {
                    ChannelSummary channel = activeChannel(cart.channelCode(), "channelCode");
                    Map<String, Fulfilment.Group> groups = new LinkedHashMap<>();
                    cart.groups().forEach(g -> groups.put(g.code(), g));
                    cart.lines().forEach(l -> groups.putIfAbsent(l.group(), new Fulfilment.Group(l.group(),
                            Fulfilment.Method.HOME_DELIVERY, null, null, null)));
                    var lines = cart.lines().stream()
                            .map(l -> new OrderPlacement.LineRequest(l.sku(), l.quantity(), l.group())).toList();
                    Map<String, String> at = allocation.allocate(channel, lines, groups);
                    return inventory.hold(new Inventory.StockHold(Inventory.HoldKind.CART, cart.id().toString(),
                            channel.code(), clock.instant().plus(settings.cartHoldTtl()), "cart",
                            lines.stream().map(l -> new Inventory.StockLine(at.get(l.sku()), l.sku(), l.quantity()))
                                    .toList()), Caller.SYSTEM);
                });
            } catch (OutOfStock e) {
                log.debug("Cart {} keeps its lines without a hold: {}", cart.id(), e.getMessage());
            }
        }
        Cart held = cart.withHold(holdId);
        carts.update(held);
        return held;
    }

    private Quote quote(Cart cart) {
        return pricing.quote(request(cart));
    }

    private QuoteRequest request(Cart cart) {
        String shipped = cart.groups().stream().filter(g -> g.method().shipped()).map(g -> g.method().name())
                .findFirst().orElse(null);
        List<QuoteRequest.Line> lines = new ArrayList<>();
        Map<String, Integer> merged = new LinkedHashMap<>();
        cart.lines().forEach(l -> merged.merge(l.sku(), l.quantity(), Integer::sum));
        merged.forEach((sku, quantity) -> lines.add(new QuoteRequest.Line(sku, quantity)));
        return new QuoteRequest(cart.channelCode(), cart.currency(), cart.customerRef(), cart.customerGroup(),
                cart.country(), lines, cart.codes(), shipped, cart.loyaltyPoints());
    }

    private ChannelSummary activeChannel(String code, String field) {
        return network.channel(code == null ? "" : code).filter(ChannelSummary::active)
                .orElseThrow(() -> ApiProblem.invalid(field, "no active channel has the code " + code));
    }

    private static ApiProblem notOpen(UUID id) {
        return ApiProblem.conflict("cart-not-open", "Cart " + id + " was already ordered");
    }
}
