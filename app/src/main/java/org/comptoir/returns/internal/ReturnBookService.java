package org.comptoir.returns.internal;

import java.util.Collection;
import java.util.List;
import java.util.UUID;
import org.comptoir.returns.ReturnBook;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The returns module's answer to {@link ReturnBook}. */
@Service
class ReturnBookService implements ReturnBook {

    private final ReturnRepository returns;
    private final Returns service;
    private final ReturnsSettings settings;

    ReturnBookService(ReturnRepository returns, Returns service, ReturnsSettings settings) {
        this.returns = returns;
        this.service = service;
        this.settings = settings;
    }

    @Override
    public java.time.Duration window() {
        return settings.window();
    }

    @Override
    public Summary open(String orderNumber, String method, String locationCode, List<ReturnLine> lines,
            org.comptoir.platform.security.Caller caller) {
        ReturnRequest.Method how = parse(ReturnRequest.Method.class, method, "method");
        var opened = service.open(new Returns.Open(null, orderNumber, how, locationCode,
                ReturnRequest.RefundTo.ORIGINAL_PAYMENT, lines.stream().map(l -> new Returns.OpenLine(l.lineNo(),
                        l.quantity(), parse(ReturnRequest.Reason.class, l.reason(), "reason"), l.comment())).toList()),
                caller);
        return summary(opened);
    }

    @Override
    public ExchangeSummary exchange(String orderNumber, int lineNo, int quantity, String sku, String locationCode,
            String channelCode, org.comptoir.platform.security.Caller caller) {
        var exchanged = service.exchange(new Returns.Open(null, orderNumber, ReturnRequest.Method.IN_STORE,
                        locationCode, ReturnRequest.RefundTo.EXCHANGE, List.of(new Returns.OpenLine(lineNo, quantity,
                                ReturnRequest.Reason.WRONG_SIZE, "exchanged for " + sku))), sku, channelCode, null,
                ReturnRequest.Condition.RESELLABLE, caller);
        return new ExchangeSummary(summary(exchanged.returnRequest()), exchanged.replacement().orderId(),
                exchanged.replacement().number(), exchanged.replacement().due());
    }

    private static <E extends Enum<E>> E parse(Class<E> type, String value, String field) {
        try {
            return Enum.valueOf(type, value);
        } catch (RuntimeException e) {
            throw org.comptoir.platform.web.ApiProblem.invalid(field, "must be one of "
                    + java.util.Arrays.toString(type.getEnumConstants()));
        }
    }

    private static Summary summary(ReturnRequest r) {
        return new Summary(r.id(), r.code(), r.orderNumber(), r.orderChannel(), r.openedOnChannel(), r.method().name(),
                r.status().name(), r.refundTo().name(), r.refundAmount(), r.refunded(), r.currency(),
                r.receivedAtLocation(), r.openedAt(), r.receivedAt());
    }

    @Override
    @Transactional(readOnly = true)
    public List<Summary> of(Collection<String> customerRefs, Collection<UUID> orderIds) {
        return returns.ofPerson(customerRefs, orderIds).stream().map(ReturnBookService::summary).toList();
    }
}
