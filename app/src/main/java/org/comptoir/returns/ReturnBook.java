package org.comptoir.returns;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

/** Returns as other modules (the customer's 360 view) read them. */
public interface ReturnBook {

    /** A return: where it was opened and received, how it is refunded, what was refunded. */
    record Summary(UUID id, String code, String orderNumber, String orderChannel, String openedOnChannel,
            String method, String status, String refundTo, long refundAmount, long refunded, String currency,
            String receivedAtLocation, Instant openedAt, Instant receivedAt) {}

    /** Returns opened under the references or for the orders, oldest first. */
    List<Summary> of(Collection<String> customerRefs, Collection<UUID> orderIds);
}
