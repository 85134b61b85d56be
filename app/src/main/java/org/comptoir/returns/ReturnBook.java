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

    /** A line to return: the order line, how many, why (WRONG_SIZE, DAMAGED…). */
    record ReturnLine(int lineNo, int quantity, String reason, String comment) {}

    /**
     * Opens a return of an order, as an agent would through the API: {@code method} IN_STORE, KIOSK
     * (at {@code locationCode}) or PARCEL, refunded to the original payment.
     *
     * @throws org.comptoir.platform.web.ApiProblem as {@code POST /api/v1/returns} refuses
     */
    Summary open(String orderNumber, String method, String locationCode, List<ReturnLine> lines,
            org.comptoir.platform.security.Caller caller);

    /** An exchange: the return it made and the replacement's order (what is left to pay, if anything). */
    record ExchangeSummary(Summary returned, UUID replacementOrderId, String replacementNumber, long due) {}

    /**
     * Exchanges units of an order line for another SKU in a store, as {@code POST /api/v1/returns/exchanges}
     * does: taken from the store's shelf, paid with what the returned units were worth.
     */
    ExchangeSummary exchange(String orderNumber, int lineNo, int quantity, String sku, String locationCode,
            String channelCode, org.comptoir.platform.security.Caller caller);

    /** How long after the goods reached the customer they may be returned. */
    java.time.Duration window();

    /** Returns opened under the references or for the orders, oldest first. */
    List<Summary> of(Collection<String> customerRefs, Collection<UUID> orderIds);
}
