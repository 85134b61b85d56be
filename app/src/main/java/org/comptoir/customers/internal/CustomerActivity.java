package org.comptoir.customers.internal;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import org.comptoir.customers.CustomerUnmerged;
import org.comptoir.customers.CustomersMerged;
import org.comptoir.ordering.OrderBook;
import org.comptoir.ordering.OrderPlaced;
import org.comptoir.ordering.OrderStatusChanged;
import org.comptoir.platform.cluster.ClusterJobs;
import org.comptoir.platform.events.EventInterest;
import org.comptoir.platform.security.Caller;
import org.comptoir.returns.ReturnReceived;
import org.springframework.context.event.EventListener;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * What orders and returns on every channel tell about their customer, heard after they commit (from
 * the event publication registry, so nothing is lost if the node stops): the purchase or return on
 * the timeline, order counts, spend and lifetime value, loyalty points earned once the order is paid
 * and taken back if it is cancelled. An order placed under an identity nobody has yet (a marketplace
 * buyer id, an email typed at the till) makes a profile for it. Orders without a customer cost nothing.
 */
@Component
class CustomerActivity implements EventInterest {

    private static final String SCORING_JOB_PERIOD = "${comptoir.customers.score-interval:1h}";

    private static final Set<String> UNPAID = Set.of("PLACED", "CANCELLED");
    /** The status changes that move a customer's loyalty points. */
    private static final Set<String> COUNTED = Set.of("CONFIRMED", "CANCELLED", "COLLECTED", "DELIVERED");

    private final Identities identities;
    private final CustomerRepository customers;
    private final Resolution resolution;
    private final OrderBook orderBook;
    private final StatsRepository stats;
    private final Loyalty loyalty;
    private final Timeline timeline;
    private final OrderLinkRepository orderLinks;
    private final Clock clock;
    private final ClusterJobs jobs;

    CustomerActivity(Identities identities, CustomerRepository customers, Resolution resolution, OrderBook orderBook,
            StatsRepository stats, Loyalty loyalty, Timeline timeline, OrderLinkRepository orderLinks, Clock clock,
            ClusterJobs jobs) {
        this.jobs = jobs;
        this.orderLinks = orderLinks;
        this.identities = identities;
        this.customers = customers;
        this.resolution = resolution;
        this.orderBook = orderBook;
        this.stats = stats;
        this.loyalty = loyalty;
        this.timeline = timeline;
        this.clock = clock;
    }

    /** Only known customers' orders and returns, and only the status changes that count, are recorded. */
    @Override
    public boolean wants(Object event) {
        return switch (event) {
            case OrderPlaced placed -> placed.customerRef() != null;
            case OrderStatusChanged changed -> changed.customerRef() != null && COUNTED.contains(changed.to());
            case ReturnReceived received -> received.customerRef() != null;
            default -> true;
        };
    }

    @ApplicationModuleListener(id = "customers.order-placed")
    void on(OrderPlaced event) {
        customerOf(event.customerRef(), event.channelCode()).ifPresent(customerId -> {
            serialised(customerId);
            var order = orderBook.find(event.orderId()).orElseThrow();
            orderLinks.link(order.id(), customerId, event.customerRef(), clock.instant());
            timeline.recordOnce(event.orderId().toString(), customerId, TouchpointType.PURCHASE, event.channelCode(),
                    event.occurredAt(), locationOf(order), event.orderNumber(), Map.of("total", event.total(), "currency",
                            event.currency(), "lines", order.lines().size()));
            if (!UNPAID.contains(order.status())) {
                loyalty.earn(customerId, order.number(), merchandise(order), order.currency());
            }
            recompute(customerId);
        });
    }

    @ApplicationModuleListener(id = "customers.order-status")
    void on(OrderStatusChanged event) {
        customerOf(event.customerRef(), event.channelCode()).ifPresent(customerId -> {
            serialised(customerId);
            var order = orderBook.find(event.orderId()).orElseThrow();
            if ("CANCELLED".equals(event.to())) {
                loyalty.reverse(order.number());
            } else if (!UNPAID.contains(order.status())) {
                loyalty.earn(customerId, order.number(), merchandise(order), order.currency());
            }
            recompute(customerId);
        });
    }

    @ApplicationModuleListener(id = "customers.return-received")
    void on(ReturnReceived event) {
        var order = orderBook.find(event.orderId()).orElseThrow();
        customerOf(event.customerRef(), order.channelCode()).ifPresent(customerId -> {
            serialised(customerId);
            timeline.recordOnce(event.returnId().toString(), customerId, TouchpointType.RETURN, order.channelCode(),
                    event.occurredAt(), event.locationCode(), event.orderNumber(), Map.of("refunded", event.refunded(), "currency",
                            event.currency()));
            recompute(customerId);
        });
    }

    /** Merged or unmerged, the profiles' figures are those of their orders now. */
    @EventListener
    void on(CustomersMerged merged) {
        stats.delete(List.of(merged.absorbedId()));
        recompute(merged.survivorId());
    }

    @EventListener
    void on(CustomerUnmerged unmerged) {
        recompute(unmerged.survivorId());
        recompute(unmerged.restoredId());
    }

    /** RFM scores for every customer who ordered, in one statement, on one node per period. */
    @Scheduled(fixedDelayString = SCORING_JOB_PERIOD,
            initialDelayString = "${comptoir.customers.score-delay:60s}")
    void score() {
        jobs.runOnce("customers.rfm-scores", SCORING_JOB_PERIOD, this::scoreNow);
    }

    private void scoreNow() {
        stats.score();
    }

    /** Counts and spend of the profile (and its aliases) from its orders on every channel. */
    void recompute(UUID customerId) {
        List<OrderBook.Summary> orders = orderBook.ofCustomer(resolution.refsOf(customerId), 1000).stream()
                .filter(o -> !"CANCELLED".equals(o.status())).toList();
        Set<String> channels = new TreeSet<>();
        Set<String> stores = new TreeSet<>();
        long spent = 0;
        java.time.Instant first = null;
        java.time.Instant last = null;
        for (OrderBook.Summary o : orders) {
            channels.add(o.channelCode());
            o.lines().stream().map(OrderBook.Line::locationCode).filter(java.util.Objects::nonNull).forEach(stores::add);
            spent += o.total() - o.refunded();
            first = first == null || o.placedAt().isBefore(first) ? o.placedAt() : first;
            last = last == null || o.placedAt().isAfter(last) ? o.placedAt() : last;
        }
        stats.save(new StatsRepository.Stats(customerId, orders.size(), spent,
                orders.isEmpty() ? null : orders.getFirst().currency(), first, last, String.join(",", channels),
                String.join(",", stores), null, null, null, clock.instant()));
    }

    /**
     * An order's events reach this module on threads of their own, often at once (placed, then paid a
     * moment later): each handler first locks the profile, so that one customer's figures, points and
     * timeline are updated one event at a time and the second sees what the first wrote.
     */
    private void serialised(UUID customerId) {
        customers.lock(List.of(customerId));
    }

    /**
     * The profile an order's reference names, made when a valid identity names nobody yet. A blocked
     * value (a till's noemail@…) names nobody: two people's sales keyed in under it stay anonymous,
     * rather than each new profile taking the other's orders through it.
     */
    private Optional<UUID> customerOf(String customerRef, String channel) {
        var ref = identities.read(customerRef);
        if (ref.isEmpty() || ref.get().kind() != null
                && identities.blocked(ref.get().kind(), ref.get().value(), customers.blocked())) {
            return Optional.empty();
        }
        if (ref.get().profileId() != null) {
            return customers.root(ref.get().profileId()).filter(p -> p.status() == Profile.Status.ACTIVE)
                    .map(Profile::id);
        }
        var known = customers.identity(ref.get().kind(), ref.get().value());
        if (known.isPresent()) {
            return customers.root(known.get().customerId()).filter(p -> p.status() == Profile.Status.ACTIVE)
                    .map(Profile::id);
        }
        var outcome = resolution.identify(List.of(new Identities.Given(ref.get().kind(), ref.get().value(), false)),
                channel, Fields.NONE, Caller.SYSTEM);
        return Optional.of(outcome.profile().id());
    }

    private static long merchandise(OrderBook.Summary order) {
        return order.lines().stream().mapToLong(OrderBook.Line::gross).sum();
    }

    private static String locationOf(OrderBook.Summary order) {
        List<String> codes = new ArrayList<>(order.lines().stream().map(OrderBook.Line::locationCode)
                .filter(java.util.Objects::nonNull).distinct().toList());
        return codes.size() == 1 ? codes.getFirst() : null;
    }
}
