package org.comptoir.fulfilment.internal;

import java.util.List;
import java.util.UUID;
import org.comptoir.platform.security.Caller;
import org.comptoir.platform.web.ApiProblem;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Read views of routing: an order's fulfilment orders and decisions, and the orders waiting for a person. */
@Service
class FulfilmentQueries {

    private final FulfilmentRepository fulfilment;

    FulfilmentQueries(FulfilmentRepository fulfilment) {
        this.fulfilment = fulfilment;
    }

    @Transactional(readOnly = true)
    FulfilmentController.RoutingView routing(UUID orderId, Caller caller) {
        var routed = fulfilment.routed(orderId).orElseThrow(() -> ApiProblem.notFound("order", orderId));
        var fos = fulfilment.ofOrder(orderId);
        if (caller.locationCode().isPresent() && fos.stream().noneMatch(f -> caller.mayAccessLocation(f.locationCode())
                || f.destinationCode() != null && caller.mayAccessLocation(f.destinationCode()))) {
            throw ApiProblem.notFound("order", orderId);
        }
        return view(routed, fos);
    }

    @Transactional(readOnly = true)
    List<FulfilmentController.RoutingView> flagged(Caller caller) {
        return fulfilment.flagged(100).stream().map(r -> view(r, fulfilment.ofOrder(r.orderId())))
                .filter(v -> caller.locationCode().isEmpty() || v.fulfilmentOrders().stream()
                        .anyMatch(f -> caller.mayAccessLocation(f.locationCode())))
                .toList();
    }

    private FulfilmentController.RoutingView view(FulfilmentRepository.Routed r, List<FulfilmentOrder> fos) {
        return new FulfilmentController.RoutingView(r.orderId(), r.number(), r.routed(), r.attempts(), r.flaggedAt(),
                fos, fulfilment.decisions(r.orderId()), fulfilment.refusals(r.orderId()));
    }
}
