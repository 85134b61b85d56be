package org.comptoir.ordering.internal;

import java.util.List;
import java.util.UUID;
import org.comptoir.ordering.Checkout;
import org.comptoir.platform.security.Caller;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The ordering module's answer to {@link Checkout}, through the carts every channel uses. */
@Service
class CheckoutService implements Checkout {

    private final Carts carts;

    CheckoutService(Carts carts) {
        this.carts = carts;
    }

    @Override
    @Transactional
    public CartSummary openCart(String channelCode, String customerRef, List<Line> lines, List<String> codes,
            Caller caller) {
        var created = carts.create(channelCode, customerRef, null, null, null, caller);
        Cart cart = created.cart();
        for (Line line : lines) {
            carts.setLine(cart.id(), line.sku(), line.quantity(), null, true, caller);
        }
        for (String code : codes) {
            carts.addCode(cart.id(), code, caller);
        }
        return summary(carts.view(carts.find(cart.id())), created.secret());
    }

    @Override
    @Transactional(readOnly = true)
    public List<CartSummary> openCarts(java.util.Collection<String> customerRefs) {
        return carts.openOf(customerRefs).stream().map(cart -> summary(carts.view(cart), null)).toList();
    }

    @Override
    @Transactional
    public Placed placeOrder(UUID cartId, String paymentTerms, Caller caller) {
        Order.PaymentTerms terms;
        try {
            terms = paymentTerms == null ? Order.PaymentTerms.PAY_NOW : Order.PaymentTerms.valueOf(paymentTerms);
        } catch (IllegalArgumentException e) {
            throw org.comptoir.platform.web.ApiProblem.invalid("paymentTerms", "must be PAY_NOW or PAY_AT_PICKUP");
        }
        if (terms == Order.PaymentTerms.PREPAID) {
            throw org.comptoir.platform.web.ApiProblem.invalid("paymentTerms", "must be PAY_NOW or PAY_AT_PICKUP");
        }
        Order order = carts.order(cartId, terms, caller).order();
        return new Placed(order.id(), order.number(), order.status().name(), order.totals().gross(),
                order.paymentTerms().name());
    }

    @Override
    @Transactional
    public CartSummary handOver(UUID cartId, String channelCode, Caller caller) {
        return summary(carts.handOver(cartId, channelCode, caller), null);
    }

    @Override
    @Transactional
    public String newSecret(UUID cartId, Caller caller) {
        return carts.newSecret(cartId, caller);
    }

    private static CartSummary summary(Carts.View view, String secret) {
        Cart cart = view.cart();
        var quote = view.quote();
        return new CartSummary(cart.id(), cart.channelCode(), cart.customerRef(), cart.lines().size(),
                quote == null ? 0 : quote.totals().gross(), cart.currency(),
                quote == null ? List.of() : quote.promotions().stream().map(p -> p.code()).toList(), secret);
    }
}
