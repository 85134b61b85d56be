package org.comptoir.inventory.internal;

import org.comptoir.inventory.OutOfStock;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Consumer;
import org.comptoir.catalog.Catalog;
import org.comptoir.inventory.HoldExpired;
import org.comptoir.network.ChannelSummary;
import org.comptoir.network.Network;
import org.comptoir.platform.cluster.ClusterJobs;
import org.comptoir.platform.persistence.Ids;
import org.comptoir.platform.persistence.RenderedSql;
import org.comptoir.platform.security.Caller;
import org.comptoir.platform.web.ApiProblem;
import org.comptoir.platform.web.ApiProblem.FieldError;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpStatus;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Places, confirms, releases and expires holds. A hold is all or nothing: its lines are summed per
 * (location, SKU), then reserved by one conditional update each, run in (location, SKU) order, so
 * concurrent holds always lock rows in the same order and never deadlock; the first line that cannot
 * be served rolls the whole hold back. Nothing outside the database is called while rows are locked.
 */
@Service
class Holds {

    private static final String EXPIRY_JOB_PERIOD = "${comptoir.inventory.expiry-interval:5s}";

    private static final Logger log = LoggerFactory.getLogger(Holds.class);
    private static final Comparator<Hold.Line> LOCK_ORDER = Comparator.comparing(Hold.Line::locationCode)
            .thenComparing(Hold.Line::sku);
    static final int MAX_LINES = 100;
    static final int MAX_QUANTITY = 100_000;

    /** What a caller asks to hold. */
    record PlaceHold(Hold.Kind kind, String reference, String channelCode, Instant expiresAt, String note,
            List<Hold.Line> lines) {}

    private final HoldRepository holds;
    private final BalanceRepository balances;
    private final MovementRepository movements;
    private final ChannelBuffers buffers;
    private final RingFences fences;
    private final StockEvents stockEvents;
    private final ApplicationEventPublisher events;
    private final Network network;
    private final Catalog catalog;
    private final InventorySettings settings;
    private final TransactionTemplate transaction;
    private final ClusterJobs jobs;
    private final Clock clock;

    Holds(HoldRepository holds, BalanceRepository balances, MovementRepository movements, ChannelBuffers buffers,
            RingFences fences, StockEvents stockEvents, ApplicationEventPublisher events, Network network, Catalog catalog,
            InventorySettings settings, TransactionTemplate transaction, Clock clock, ClusterJobs jobs) {
        this.jobs = jobs;
        this.holds = holds;
        this.balances = balances;
        this.movements = movements;
        this.buffers = buffers;
        this.fences = fences;
        this.stockEvents = stockEvents;
        this.events = events;
        this.network = network;
        this.catalog = catalog;
        this.settings = settings;
        this.transaction = transaction;
        this.clock = clock;
    }

    @Transactional
    Hold place(PlaceHold request, Caller caller) {
        return place(Ids.newId(), request, caller, together -> {});
    }

    /**
     * A hold a storefront places for its shopper ({@code holder}, who alone sees and releases it): a
     * cart's, for a short while, of a few units, one per cart and few per {@code address}, so that nobody
     * holding the public key can lock the stock away.
     */
    @Transactional
    Hold placeForShopper(PlaceHold request, String holder, String address, Caller caller) {
        if (request.kind() != Hold.Kind.CART || request.reference() == null || request.reference().isBlank()) {
            throw ApiProblem.invalid("reference", "a storefront holds stock for a cart: give the cart's id");
        }
        Instant now = clock.instant();
        if (request.expiresAt() != null && request.expiresAt().isAfter(now.plus(settings.storefrontHoldTtl()))) {
            throw ApiProblem.invalid("expiresAt", "a storefront holds stock " + settings.storefrontHoldTtl().toMinutes()
                    + " minutes at most");
        }
        for (int i = 0; i < request.lines().size(); i++) {
            if (request.lines().get(i).quantity() > settings.storefrontHoldUnits()) {
                throw ApiProblem.invalid("lines[" + i + "].quantity", "a storefront holds at most "
                        + settings.storefrontHoldUnits() + " units of a line");
            }
        }
        if (holds.activeOfReference(request.channelCode(), request.reference()) > 0) {
            throw ApiProblem.conflict("hold-exists", "This cart already holds stock: release that hold first");
        }
        if (holds.activeFrom(address) >= settings.storefrontHoldsPerShopper()) {
            throw new ApiProblem(HttpStatus.TOO_MANY_REQUESTS, "too-many-holds", "Too many holds",
                    "This shopper holds stock " + settings.storefrontHoldsPerShopper() + " times already");
        }
        PlaceHold bounded = request.expiresAt() != null ? request : new PlaceHold(request.kind(), request.reference(),
                request.channelCode(), now.plus(settings.cartHoldTtl().compareTo(settings.storefrontHoldTtl()) < 0
                        ? settings.cartHoldTtl() : settings.storefrontHoldTtl()), request.note(), request.lines());
        Hold hold = place(bounded, caller);
        holds.holder(hold.id(), holder, address);
        return find(hold.id());
    }

    /**
     * Places the hold under the caller's id, sending {@code alsoSend}'s statements in the round trip that
     * reserves the stock (after the hold is written where ring-fences are drawn first). When a line is
     * short they have run too: the {@link OutOfStock} rolls them back with the reserved lines.
     */
    @Transactional
    Hold place(UUID id, PlaceHold request, Caller caller, Consumer<RenderedSql.Together> alsoSend) {
        Instant now = clock.instant();
        List<Hold.Line> lines = checked(request, caller);
        Instant expiresAt = expiry(request, now);
        String channel = request.channelCode();
        int buffer = buffers.of(channel);
        if (!fences.anyOn(lines.stream().map(Hold.Line::sku).distinct().toList())) {
            // No fence on these SKUs (the common case, which the snapshot tells without a round trip; a
            // fence made on another node in its last few seconds is missed at worst, as draw() accepts),
            // so none to draw from or to leave enough for: the hold is known before reserving and is
            // written in the reserving round trip, taken back with it when a line is short.
            Hold hold = new Hold(id, request.kind(), request.reference(), channel, Hold.Status.ACTIVE,
                    expiresAt, request.note(), caller.name(), now, null, lines.stream()
                            .map(l -> new Hold.Line(l.locationCode(), l.sku(), l.quantity())).toList());
            reserved(lines, balances.reserve(lines, buffer, channel,
                    together -> alsoSend.accept(holds.insertWith(together, hold))), buffer, channel);
            return hold;
        }
        List<RingFences.Fence> networkFences = lockForNetworkFences(channel, lines);
        reserved(lines, balances.reserve(lines, buffer, channel, together -> {}), buffer, channel);
        checkNetworkFences(networkFences, lines);
        // Fences are drawn after every balance row is locked: balance rows first, then fence rows, in
        // every transaction, so that holds and releases never wait on each other in a cycle.
        List<Hold.Line> held = new ArrayList<>();
        for (Hold.Line line : lines) {
            int fenced = fences.draw(channel, line.sku(), line.locationCode(), line.quantity());
            held.add(new Hold.Line(line.locationCode(), line.sku(), line.quantity(), fenced, 0));
        }
        for (int i = 0; i < held.size(); i++) {
            Hold.Line line = held.get(i);
            int rest = line.quantity() - line.fenced();
            if (rest > 0) {
                int networkFenced = fences.draw(channel, line.sku(), RingFences.NETWORK, rest);
                held.set(i, new Hold.Line(line.locationCode(), line.sku(), line.quantity(), line.fenced(),
                        networkFenced));
            }
        }
        Hold hold = new Hold(id, request.kind(), request.reference(), channel,
                Hold.Status.ACTIVE, expiresAt, request.note(), caller.name(), now, null, held);
        holds.insert(hold, alsoSend);
        return hold;
    }

    /** Refuses the hold when a line could not be reserved; tells of the stock each reserved line changed. */
    private void reserved(List<Hold.Line> lines, List<Optional<Balance>> reserved, int buffer, String channel) {
        for (int i = 0; i < lines.size(); i++) {
            Hold.Line line = lines.get(i);
            Balance after = reserved.get(i).orElseThrow(() -> new OutOfStock(line.sku(), line.locationCode(),
                    line.quantity(), balances.find(line.sku(), line.locationCode()).map(b -> Math.max(0,
                            b.availableTo(buffer) - fences.keptFromCached(channel, line.sku(), line.locationCode())))
                            .orElse(0)));
            stockEvents.changed(after.withReserved(after.reserved() - line.quantity()), after, "hold");
        }
    }

    /** Turns the held units into sales (ledger movements); confirming twice is harmless. */
    @Transactional
    Hold confirm(UUID id) {
        Hold hold = find(id);
        if (hold.status() == Hold.Status.CONFIRMED) {
            return hold;
        }
        Instant now = clock.instant();
        if (!holds.close(id, Hold.Status.CONFIRMED, now)) {
            throw notActive(find(id));
        }
        // Read again under the row lock the close took: a part released meanwhile is not sold.
        hold = find(id);
        for (Hold.Line line : hold.lines()) {
            if (line.quantity() == 0) {
                continue;
            }
            Balance after = balances.consume(line.sku(), line.locationCode(), line.quantity(), now)
                    .orElseThrow(() -> new ApiProblem(HttpStatus.CONFLICT, "shortfall", "Stock short",
                            "The held units of " + line.sku() + " at " + line.locationCode()
                                    + " are no longer on hand (shrinkage); re-source this line")
                            .with("sku", line.sku()).with("locationCode", line.locationCode()));
            movements.insert(new Movement(Ids.newId(), line.locationCode(), line.sku(), Movement.Kind.SALE,
                    -line.quantity(), after.onHand(), "hold:" + id + ":" + line.sku(), "hold confirmed",
                    "hold " + id, now));
            stockEvents.changed(new Balance(after.sku(), after.locationCode(), after.onHand() + line.quantity(),
                    after.reserved() + line.quantity(), after.safetyStock(), after.lowStockThreshold()), after,
                    "hold confirmed");
        }
        return find(id);
    }

    /** Gives the held units back; releasing twice, or after expiry, is harmless. */
    @Transactional
    Hold release(UUID id) {
        Hold hold = find(id);
        if (hold.status() == Hold.Status.RELEASED || hold.status() == Hold.Status.EXPIRED) {
            return hold;
        }
        if (!holds.close(id, Hold.Status.RELEASED, clock.instant())) {
            throw notActive(find(id));
        }
        giveBack(find(id), "hold released");
        return find(id);
    }

    /**
     * Replaces an active hold by a new one in one step (an edited order, a cart that changed, a cart
     * becoming an order): the rows of both are locked first, in the global (location, SKU) order, so
     * that two replacements crossing each other never deadlock; then the old units go back and the new
     * ones are held, all or nothing.
     */
    @Transactional
    Hold replace(UUID id, PlaceHold request, Caller caller) {
        if (!holds.lockActive(id)) {
            throw notActive(find(id));
        }
        java.util.SortedSet<Hold.Line> rows = new java.util.TreeSet<>(LOCK_ORDER);
        rows.addAll(find(id).lines());
        request.lines().forEach(l -> rows.add(new Hold.Line(l.locationCode(), l.sku(), 0)));
        balances.lockInOrder(rows);
        release(id);
        return place(request, caller);
    }

    /**
     * Gives part of an active hold back (a cancelled order line): under the hold's row lock, so that
     * it never races a release, a confirmation or the expiry. Fenced units go back to their fence first.
     */
    @Transactional
    Hold releasePart(UUID id, String locationCode, String sku, int quantity) {
        if (!holds.lockActive(id)) {
            throw notActive(find(id));
        }
        Hold hold = find(id);
        Hold.Line line = hold.lines().stream()
                .filter(l -> l.locationCode().equals(locationCode) && l.sku().equals(sku)).findFirst()
                .orElseThrow(() -> ApiProblem.invalid("sku", "the hold has no " + sku + " at " + locationCode));
        if (quantity < 1 || quantity > line.quantity()) {
            throw ApiProblem.invalid("quantity", "must be 1 to " + line.quantity());
        }
        int fenced = Math.min(quantity, line.fenced());
        int networkFenced = Math.min(quantity - fenced, line.networkFenced());
        holds.reduceLine(id, line, quantity, fenced, networkFenced);
        Instant now = clock.instant();
        Balance after = balances.unreserve(sku, locationCode, quantity, now)
                .orElseThrow(() -> new IllegalStateException("reserved below the hold " + id));
        stockEvents.changed(after.withReserved(after.reserved() + quantity), after, "hold partly released");
        if (fenced > 0) {
            fences.giveBack(hold.channelCode(), sku, locationCode, fenced);
        }
        if (networkFenced > 0) {
            fences.giveBack(hold.channelCode(), sku, RingFences.NETWORK, networkFenced);
        }
        if (hold.lines().stream().mapToInt(Hold.Line::quantity).sum() == quantity) {
            holds.close(id, Hold.Status.RELEASED, now);
        }
        return find(id);
    }

    /**
     * A storefront sees the holds it placed for this shopper ({@code holder}), a scoped key its
     * location's; others look absent.
     */
    Hold visibleTo(Caller caller, Hold hold, String holder) {
        if (caller.storefront() && (hold.holder() == null || !hold.holder().equals(holder))) {
            throw ApiProblem.notFound("hold", hold.id());
        }
        boolean channelOk = caller.channelCode().map(c -> c.equals(hold.channelCode())).orElse(true);
        boolean locationOk = hold.lines().stream().allMatch(l -> caller.mayAccessLocation(l.locationCode()));
        if (!channelOk || !locationOk) {
            throw ApiProblem.notFound("hold", hold.id());
        }
        return hold;
    }

    @Transactional(readOnly = true)
    Hold find(UUID id) {
        return holds.find(id).orElseThrow(() -> ApiProblem.notFound("hold", id));
    }

    /**
     * Releases expired holds, each in its own transaction. Safe with several nodes: a hold is closed
     * by one conditional update, so only one node gives its stock back.
     */
    @Scheduled(fixedDelayString = EXPIRY_JOB_PERIOD)
    void expireDue() {
        jobs.runOnce("inventory.hold-expiry", EXPIRY_JOB_PERIOD, this::expireDueNow);
    }

    private void expireDueNow() {
        for (UUID id : holds.expiredActive(clock.instant(), 200)) {
            transaction.executeWithoutResult(status -> {
                if (holds.close(id, Hold.Status.EXPIRED, clock.instant())) {
                    Hold hold = holds.find(id).orElseThrow();
                    giveBack(hold, "hold expired");
                    events.publishEvent(new HoldExpired(Ids.newId(), clock.instant(), id, hold.kind().name(),
                            hold.reference(), hold.channelCode()));
                    log.info("Hold {} ({} {}) expired", id, hold.kind(), hold.reference());
                }
            });
        }
    }

    private void giveBack(Hold hold, String cause) {
        Instant now = clock.instant();
        for (Hold.Line line : hold.lines()) {
            if (line.quantity() == 0) {
                continue;
            }
            Balance after = balances.unreserve(line.sku(), line.locationCode(), line.quantity(), now)
                    .orElseThrow(() -> new IllegalStateException("reserved below the hold " + hold.id()));
            stockEvents.changed(after.withReserved(after.reserved() + line.quantity()), after, cause);
        }
        for (Hold.Line line : hold.lines()) {
            if (line.fenced() > 0) {
                fences.giveBack(hold.channelCode(), line.sku(), line.locationCode(), line.fenced());
            }
            if (line.networkFenced() > 0) {
                fences.giveBack(hold.channelCode(), line.sku(), RingFences.NETWORK, line.networkFenced());
            }
        }
    }

    /**
     * When other channels keep a SKU across their network, the hold must leave them enough there:
     * every balance row of that SKU in their locations is locked with the hold's own rows, in the
     * global (location, SKU) order, and the fences themselves after them.
     */
    private List<RingFences.Fence> lockForNetworkFences(String channel, List<Hold.Line> lines) {
        var skus = lines.stream().map(Hold.Line::sku).distinct().toList();
        List<RingFences.Fence> found = fences.networkFencesOfOthers(channel, skus, false);
        if (found.isEmpty()) {
            return found;
        }
        java.util.SortedSet<Hold.Line> rows = new java.util.TreeSet<>(LOCK_ORDER);
        rows.addAll(lines);
        for (RingFences.Fence fence : found) {
            network.channel(fence.channelCode()).ifPresent(owner -> owner.locationCodes()
                    .forEach(code -> rows.add(new Hold.Line(code, fence.sku(), 0))));
        }
        balances.lockInOrder(rows);
        return fences.networkFencesOfOthers(channel, skus, true);
    }

    /** After reserving: what the fenced channels sell from must still cover what they keep. */
    private void checkNetworkFences(List<RingFences.Fence> networkFences, List<Hold.Line> lines) {
        for (RingFences.Fence fence : networkFences) {
            var owner = network.channel(fence.channelCode()).orElse(null);
            boolean touches = owner != null && lines.stream().anyMatch(l -> l.sku().equals(fence.sku())
                    && owner.locationCodes().contains(l.locationCode()));
            if (!touches) {
                continue;
            }
            int total = balances.ofSku(fence.sku()).stream()
                    .filter(b -> owner.locationCodes().contains(b.locationCode())).mapToInt(Balance::available).sum();
            if (total < fence.remaining()) {
                Hold.Line line = lines.stream().filter(l -> l.sku().equals(fence.sku())).findFirst().orElseThrow();
                throw new OutOfStock(fence.sku(), line.locationCode(), line.quantity(),
                        Math.max(0, line.quantity() - (fence.remaining() - total)));
            }
        }
    }

    /** Validates the request and returns its lines summed per (location, SKU), in lock order. */
    private List<Hold.Line> checked(PlaceHold request, Caller caller) {
        if (request.lines() == null || request.lines().isEmpty() || request.lines().size() > MAX_LINES) {
            throw ApiProblem.invalid("lines", "must have 1 to " + MAX_LINES + " lines");
        }
        ChannelSummary channel = network.channel(request.channelCode())
                .filter(ChannelSummary::active)
                .orElseThrow(() -> ApiProblem.invalid("channelCode", "no active channel has this code"));
        List<FieldError> errors = new ArrayList<>();
        Map<Hold.Line, Integer> summed = new TreeMap<>(LOCK_ORDER);
        for (int i = 0; i < request.lines().size(); i++) {
            Hold.Line line = request.lines().get(i);
            String at = "lines[" + i + "]";
            if (line.quantity() < 1 || line.quantity() > MAX_QUANTITY) {
                errors.add(new FieldError(at + ".quantity", "must be between 1 and " + MAX_QUANTITY));
            } else if (!channel.locationCodes().contains(line.locationCode())) {
                errors.add(new FieldError(at + ".locationCode", "is not a location channel " + channel.code()
                        + " sells from"));
            } else if (!caller.mayAccessLocation(line.locationCode())) {
                errors.add(new FieldError(at + ".locationCode", "is outside your key's location"));
            } else {
                summed.merge(new Hold.Line(line.locationCode(), line.sku(), 0), line.quantity(), Integer::sum);
            }
        }
        var known = catalog.variants(summed.keySet().stream().map(Hold.Line::sku).distinct().toList());
        summed.keySet().stream().map(Hold.Line::sku).filter(sku -> !known.containsKey(sku)).distinct()
                .forEach(sku -> errors.add(new FieldError("lines", "no variant has the SKU " + sku)));
        if (!errors.isEmpty()) {
            throw ApiProblem.invalid(errors);
        }
        List<Hold.Line> lines = new ArrayList<>();
        summed.forEach((line, quantity) -> {
            if (quantity > MAX_QUANTITY) {
                throw ApiProblem.invalid("lines", "more than " + MAX_QUANTITY + " of " + line.sku() + " in total");
            }
            lines.add(new Hold.Line(line.locationCode(), line.sku(), quantity));
        });
        return lines;
    }

    private Instant expiry(PlaceHold request, Instant now) {
        Instant expiresAt = request.expiresAt();
        if (expiresAt == null) {
            return switch (request.kind()) {
                case CART -> now.plus(settings.cartHoldTtl());
                case PERSON -> now.plus(settings.personHoldTtl());
                case ORDER -> null;
            };
        }
        if (!expiresAt.isAfter(now) || Duration.between(now, expiresAt).compareTo(settings.maxHoldTtl()) > 0) {
            throw ApiProblem.invalid("expiresAt", "must be in the future, at most " + settings.maxHoldTtl().toDays()
                    + " days ahead");
        }
        return expiresAt;
    }

    private static ApiProblem notActive(Hold hold) {
        return ApiProblem.conflict("hold-not-active", "The hold is " + hold.status() + "; it can no longer change")
                .with("status", hold.status().name());
    }
}
