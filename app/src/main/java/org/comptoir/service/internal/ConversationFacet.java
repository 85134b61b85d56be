package org.comptoir.service.internal;

import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.comptoir.customers.CustomerFacet;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** The customer's conversations in their 360 view: those still open first, then the latest ones. */
@Component
class ConversationFacet implements CustomerFacet {

    /** A conversation as the 360 view lists it. */
    record Line(UUID id, long number, String status, String inbox, String lastInbox, java.time.Instant createdAt,
            java.time.Instant updatedAt, Integer csatScore) {}

    private final ServiceRepository repository;

    ConversationFacet(ServiceRepository repository) {
        this.repository = repository;
    }

    @Override
    public String name() {
        return "conversations";
    }

    @Override
    @Transactional(readOnly = true)
    public Object of(Set<UUID> customerIds) {
        List<Line> all = repository.ofCustomers(customerIds).stream()
                .filter(c -> c.status() != Model.Status.MERGED)
                .map(c -> new Line(c.id(), c.number(), c.status().name(), c.inboxCode(), c.lastInboxCode(),
                        c.createdAt(), c.updatedAt(), c.csatScore())).toList();
        return java.util.Map.of("open", all.stream().filter(l -> !l.status().equals("RESOLVED")).toList(),
                "recent", all.stream().limit(10).toList());
    }
}
