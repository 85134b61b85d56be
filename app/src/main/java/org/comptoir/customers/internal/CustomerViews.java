package org.comptoir.customers.internal;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.Collectors;
import org.comptoir.ordering.OrderBook;
import org.comptoir.returns.ReturnBook;
import org.comptoir.platform.web.ApiProblem;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The customer's 360 view: everything about them on one page, from every channel. */
@Service
class CustomerViews {

    /** A profile with its identities; {@code resolvedFrom} is the id asked for when it was an alias. */
    record ProfileView(Profile profile, List<CustomerRepository.Identity> identities, UUID resolvedFrom) {}

    record Loyalty(LoyaltyRepository.Account account, List<LoyaltyRepository.Entry> recent) {}

    /**
     * The 360 view: {@code lifetimeValue} is what the orders of every channel brought in (cancelled
     * ones and refunds deducted), {@code channelsUsed} where the customer was seen or bought.
     */
    record View(ProfileView profile, List<ConsentRepository.Entry> consents, List<TimelineRepository.Touchpoint> timeline,
            List<OrderBook.Summary> orders, List<ReturnBook.Summary> returns, long lifetimeValue,
            StatsRepository.Stats statistics, Set<String> channelsUsed, Loyalty loyalty, List<String> segments,
            List<CustomerRepository.Merge> merges, java.util.Map<String, Object> more) {}

    private final CustomerRepository customers;
    private final Consents consents;
    private final TimelineRepository timeline;
    private final StatsRepository stats;
    private final LoyaltyRepository loyalty;
    private final SegmentRepository segments;
    private final Resolution resolution;
    private final OrderBook orderBook;
    private final ReturnBook returnBook;
    private final List<org.comptoir.customers.CustomerFacet> facets;

    CustomerViews(CustomerRepository customers, Consents consents, TimelineRepository timeline, StatsRepository stats,
            LoyaltyRepository loyalty, SegmentRepository segments, Resolution resolution, OrderBook orderBook,
            ReturnBook returnBook, List<org.comptoir.customers.CustomerFacet> facets) {
        this.facets = facets;
        this.customers = customers;
        this.consents = consents;
        this.timeline = timeline;
        this.stats = stats;
        this.loyalty = loyalty;
        this.segments = segments;
        this.resolution = resolution;
        this.orderBook = orderBook;
        this.returnBook = returnBook;
    }

    @Transactional(readOnly = true)
    ProfileView profile(UUID id) {
        Profile root = customers.root(id).orElseThrow(() -> ApiProblem.notFound("customer", id));
        return new ProfileView(root, customers.identities(root.id()), root.id().equals(id) ? null : id);
    }

    @Transactional(readOnly = true)
    View view(UUID id) {
        ProfileView profile = profile(id);
        UUID root = profile.profile().id();
        Set<UUID> ids = customers.subtree(root);
        Set<String> refs = resolution.refsOf(root);
        List<OrderBook.Summary> all = orderBook.ofCustomer(refs, 1000);
        List<OrderBook.Summary> orders = all.subList(0, Math.min(20, all.size()));
        Set<UUID> orderIds = all.stream().map(OrderBook.Summary::id).collect(Collectors.toSet());
        var statistics = stats.find(root).orElse(null);
        Set<String> channels = new TreeSet<>(timeline.channels(ids));
        orders.forEach(o -> channels.add(o.channelCode()));
        var account = loyalty.account(root, false).orElse(null);
        var segmentCodes = segments.all().stream().filter(s -> segments.membershipsOf(root).contains(s.id()))
                .map(SegmentRepository.Segment::code).toList();
        return new View(profile, consents.current(root), timeline.page(ids, List.of(), null, null, 20), orders,
                returnBook.of(refs, orderIds), statistics == null ? 0 : statistics.spent(), statistics, channels,
                account == null ? null : new Loyalty(account, loyalty.ledger(root, 20)), segmentCodes,
                customers.merges(ids), more(ids));
    }

    /** What other modules show of the customer (the service desk's open conversations). */
    private java.util.Map<String, Object> more(Set<UUID> ids) {
        java.util.Map<String, Object> more = new java.util.LinkedHashMap<>();
        facets.forEach(f -> more.put(f.name(), f.of(ids)));
        return more;
    }
}
