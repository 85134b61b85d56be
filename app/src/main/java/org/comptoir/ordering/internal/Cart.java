package org.comptoir.ordering.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;

/** A basket that follows its customer from channel to channel until it becomes an order. */
record Cart(UUID id, String channelCode, String customerRef, String customerGroup, String currency, String country,
        List<String> codes, Status status, UUID holdId, UUID orderId, int version, Instant createdAt,
        Instant updatedAt, List<Fulfilment.Group> groups, List<Line> lines, long loyaltyPoints) {

    static final String DEFAULT_GROUP = "main";

    enum Status {
        OPEN,
        ORDERED
    }

    record Line(String sku, String group, int quantity) {}

    /**
     * The cart once a SKU's line is set, as it reads back: one line per SKU, a set line last (it is
     * stored with the time of the change, and lines read back oldest first), none at quantity 0.
     */
    Cart withLine(Line line) {
        List<Line> next = new ArrayList<>(lines.stream().filter(l -> !l.sku().equals(line.sku())).toList());
        if (line.quantity() > 0) {
            next.add(line);
        }
        return with(groups, List.copyOf(next));
    }

    /** The cart once a group is set, as it reads back: one group per code, in code order. */
    Cart withGroup(Fulfilment.Group group) {
        List<Fulfilment.Group> next = new ArrayList<>(groups.stream().filter(g -> !g.code().equals(group.code()))
                .toList());
        next.add(group);
        next.sort(Comparator.comparing(Fulfilment.Group::code));
        return with(List.copyOf(next), lines);
    }

    /** The same cart with these groups and lines. */
    Cart with(List<Fulfilment.Group> groups, List<Line> lines) {
        return new Cart(id, channelCode, customerRef, customerGroup, currency, country, codes, status, holdId, orderId,
                version, createdAt, updatedAt, groups, lines, loyaltyPoints);
    }
}
