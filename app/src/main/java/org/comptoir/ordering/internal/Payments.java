package org.comptoir.ordering.internal;

import java.time.Clock;
import java.util.List;
import java.util.UUID;
import org.comptoir.network.ChannelSummary;
import org.comptoir.network.Network;
import org.comptoir.platform.persistence.Ids;
import org.comptoir.platform.security.Caller;
import org.comptoir.platform.security.Role;
import org.comptoir.platform.web.ApiProblem;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Payments of orders. Which provider a caller may use is the channel's and the role's decision, never
 * the request's: the till's cash and card terminal are for store associates, the test gateway only
 * where test payments are on, and a storefront pays only with the providers its channel lists. Money
 * asked of a provider with a remote party is first recorded and reserved under the order's row lock
 * (so that ten requests racing for one order or one payment get exactly what is due), then asked for
 * outside any transaction, then settled: {@link #pay}, {@link #capture} and {@link #refund} run their
 * own transactions. What other changes call for (a cancellation, a return, goods leaving) is reserved
 * in their transaction and asked for once it commits.
 */
@Service
class Payments {

    private final PaymentRepository payments;
    private final PaymentLedger ledger;
    private final MoneyMovements movements;
    private final Network network;
    private final OrderingSettings settings;
    private final TransactionTemplate transaction;
    private final Clock clock;

    Payments(PaymentRepository payments, PaymentLedger ledger, MoneyMovements movements, Network network,
            OrderingSettings settings, PlatformTransactionManager transactions, Clock clock) {
        this.payments = payments;
        this.ledger = ledger;
        this.movements = movements;
        this.network = network;
        this.settings = settings;
        this.transaction = new TransactionTemplate(transactions);
        this.transaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.clock = clock;
    }

    List<Payment> of(UUID orderId) {
        return payments.ofOrder(orderId);
    }

    /** What the order still needs asked of a provider. */
    long due(Order order) {
        return ledger.due(order);
    }

    /** What the order owes that no payment secures yet (its goods are not handed over before it is 0). */
    long unsecured(Order order) {
        return order.owed() - payments.ofOrder(order.id()).stream().mapToLong(Payment::secured).sum();
    }

    private record Started(Payment payment, PaymentOperation authorisation) {}

    /**
     * Asks the provider for {@code amount} (what is due when null). A declined payment is recorded and
     * says so in its status; a payment of an order paid at checkout that is declined cancels it.
     */
    Payment pay(UUID orderId, String providerCode, Long amount, String token, Caller caller) {
        Started started = transaction.execute(status -> {
            Order order = OrderAccess.visible(caller, ledger.lock(orderId));
            PaymentProvider provider = allowed(providerCode, order, caller);
            if (!PaymentLedger.PAYABLE.contains(order.status())) {
                throw ApiProblem.conflict("order-not-payable", "An order " + order.status() + " takes no payment")
                        .with("status", order.status().name());
            }
            long due = ledger.due(order);
            long asked = amount == null ? due : amount;
            if (due <= 0 || asked < 1 || asked > due) {
                throw ApiProblem.invalid("amount", due <= 0 ? "nothing is due on this order" : "must be 1 to " + due);
            }
            if (!provider.remote()) {
                var outcome = provider.authorize(order.number(), asked, order.currency(), token, Ids.newId().toString());
                return new Started(ledger.takeLocally(order, provider, asked, outcome.reference(), caller), null);
            }
            Payment payment = new Payment(Ids.newId(), order.id(), provider.code(), Payment.Status.PROCESSING, asked,
                    0, 0, 0, 0, 0, 0, null, null, clock.instant());
            payments.insert(payment);
            return new Started(payment, ledger.record(payment, PaymentOperation.Kind.AUTHORIZE, asked, token,
                    "payment", caller));
        });
        if (started.authorisation() != null) {
            movements.execute(started.authorisation(), caller);
        }
        return payments.find(started.payment().id()).orElseThrow();
    }

    /** Takes an authorisation (or confirms that a bank transfer arrived). */
    Payment capture(UUID orderId, UUID paymentId, Caller caller) {
        if (!(caller.has(Role.ADMIN) || caller.has(Role.INTEGRATION) || caller.has(Role.STORE_ASSOCIATE))) {
            throw ApiProblem.forbidden("Money is taken by the store, the finance system or an admin");
        }
        List<PaymentOperation> operations = transaction.execute(status -> {
            Order order = OrderAccess.visible(caller, ledger.lock(orderId));
            Payment payment = payments.find(orderId, paymentId)
                    .orElseThrow(() -> ApiProblem.notFound("Payment", paymentId));
            if (payment.status() == Payment.Status.CAPTURED) {
                return List.<PaymentOperation>of();
            }
            if (payment.status() == Payment.Status.PENDING && payments.confirmArrived(paymentId, clock.instant())) {
                ledger.settled(order, caller, clock.instant());
                return List.<PaymentOperation>of();
            }
            long amount = payment.capturable();
            if (amount <= 0 || !payments.reserveCapture(paymentId, amount, clock.instant())) {
                throw ApiProblem.conflict("payment-not-capturable", "A payment " + payment.status()
                        + " cannot be captured").with("status", payment.status().name());
            }
            return ledger.moved(payment, PaymentOperation.Kind.CAPTURE, amount, "captured", caller);
        });
        operations.forEach(op -> movements.execute(op, caller));
        return payments.find(paymentId).orElseThrow();
    }

    /** Refunds {@code amount} of what the payment took (all that is left when null). */
    Payment refund(UUID orderId, UUID paymentId, Long amount, Caller caller) {
        if (!(caller.has(Role.ADMIN) || caller.has(Role.INTEGRATION) || caller.has(Role.AGENT)
                || caller.has(Role.STORE_ASSOCIATE))) {
            throw ApiProblem.forbidden("Refunds are given by the store, the service desk, the finance system or an admin");
        }
        List<PaymentOperation> operations = transaction.execute(status -> {
            Order order = OrderAccess.visible(caller, ledger.lock(orderId));
            Payment payment = payments.find(orderId, paymentId)
                    .orElseThrow(() -> ApiProblem.notFound("Payment", paymentId));
            long refundable = payment.refundable();
            long asked = amount == null ? refundable : amount;
            if (refundable <= 0 || asked < 1 || asked > refundable) {
                throw ApiProblem.invalid("amount", refundable <= 0 ? "nothing of this payment can be refunded"
                        : "must be 1 to " + refundable);
            }
            if (!payments.reserveRefund(paymentId, asked, clock.instant())) {
                throw ApiProblem.conflict("refund-in-progress", "Another refund of this payment took the money first");
            }
            var moved = ledger.moved(payment, PaymentOperation.Kind.REFUND, asked, "refunded", caller);
            ledger.refreshMoney(order, clock.instant());
            return moved;
        });
        operations.forEach(op -> movements.execute(op, caller));
        return payments.find(paymentId).orElseThrow();
    }

    /** Once the order is cancelled: everything its payments hold goes back, after the commit. */
    void cancelled(Order cancelled, Caller caller) {
        movements.afterCommit(ledger.rebalance(cancelled, "order cancelled", caller), caller);
    }

    /** After the order was priced again (lines cancelled, edited): what it holds beyond its total goes back. */
    void rebalance(Order order, String reason, Caller caller) {
        movements.afterCommit(ledger.rebalance(order, reason, caller), caller);
    }

    /** The goods left (shipped, handed over): the authorised money is taken, after the commit. */
    void goodsLeft(Order order, Caller caller) {
        movements.afterCommit(ledger.captureForShipment(order, caller), caller);
    }

    /**
     * Gives back up to {@code amount} through the order's payments in the caller's transaction (the calls
     * to providers are made once it commits, never if it rolls back); returns what was given back.
     */
    long refundUpTo(UUID orderId, long amount, String reason, Caller caller) {
        Order order = ledger.lock(orderId);
        PaymentLedger.Refunds refunds = ledger.refundUpTo(order, amount, reason, caller);
        ledger.refreshMoney(order, clock.instant());
        movements.afterCommit(refunds.operations(), caller);
        return refunds.amount();
    }

    /** Money of the platform's own (an exchange's credit), taken at once in the caller's transaction. */
    Payment payInternally(Order order, String providerCode, long amount, Caller caller) {
        PaymentProvider provider = movements.provider(providerCode);
        if (provider == null || provider.use() != PaymentProvider.Use.INTERNAL) {
            throw new IllegalArgumentException(providerCode + " is not an internal provider");
        }
        var outcome = provider.authorize(order.number(), amount, order.currency(), null, Ids.newId().toString());
        return ledger.takeLocally(ledger.lock(order.id()), provider, amount, outcome.reference(), caller);
    }

    /** The provider the caller may pay this order with, or a 4xx saying why not. */
    private PaymentProvider allowed(String code, Order order, Caller caller) {
        PaymentProvider provider = code == null ? null : movements.provider(code);
        if (provider == null || provider.use() == PaymentProvider.Use.INTERNAL) {
            throw ApiProblem.invalid("provider", "must be one of " + movements.providers().values().stream()
                    .filter(p -> p.use() != PaymentProvider.Use.INTERNAL).map(PaymentProvider::code).sorted().toList());
        }
        if (provider.use() == PaymentProvider.Use.TEST && !settings.testPayments()) {
            throw ApiProblem.invalid("provider", "the test gateway is switched off on this platform");
        }
        if (provider.use() == PaymentProvider.Use.TILL && !(caller.has(Role.STORE_ASSOCIATE)
                || caller.has(Role.ADMIN))) {
            throw ApiProblem.forbidden(code + " is taken at a store's till, by its associates");
        }
        if (caller.storefront()) {
            ChannelSummary channel = network.channel(order.channelCode()).orElseThrow();
            if (!channel.paymentProviders().contains(code)) {
                throw ApiProblem.forbidden("Channel " + channel.code() + " takes " + channel.paymentProviders()
                        + " from its shoppers, not " + code);
            }
        }
        return provider;
    }
}
