package org.comptoir.ordering.internal;

import jakarta.annotation.PreDestroy;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.comptoir.platform.cluster.ClusterJobs;
import org.comptoir.platform.security.Caller;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Makes the calls to payment providers that operations recorded, never inside a database
 * transaction: an attempt is claimed by one conditional update (so that of a request and the
 * reconciler, or two nodes, one makes it), the provider is called with the operation's id as its
 * idempotency key, and its answer is settled in a transaction of its own. No answer (an exception, a
 * time-out) leaves the operation pending; the reconciler tries it again with backoff until the
 * provider answers or the attempts run out.
 */
@Component
class MoneyMovements {

    private static final String RECONCILE_JOB_PERIOD = "${comptoir.ordering.reconcile-interval:5s}";

    private static final Logger log = LoggerFactory.getLogger(MoneyMovements.class);

    private final PaymentRepository payments;
    private final PaymentLedger ledger;
    private final OrderRepository orders;
    private final Map<String, PaymentProvider> providers;
    private final OrderingSettings settings;
    private final TransactionTemplate transaction;
    private final Clock clock;
    private final ClusterJobs jobs;
    private final ExecutorService afterCommit = Executors.newVirtualThreadPerTaskExecutor();

    MoneyMovements(PaymentRepository payments, PaymentLedger ledger, OrderRepository orders,
            List<PaymentProvider> providers, OrderingSettings settings, PlatformTransactionManager transactions,
            Clock clock, ClusterJobs jobs) {
        this.jobs = jobs;
        this.payments = payments;
        this.ledger = ledger;
        this.orders = orders;
        this.providers = providers.stream().collect(Collectors.toMap(PaymentProvider::code, Function.identity()));
        this.settings = settings;
        // Always a transaction of its own, even when called while another is bound to the thread.
        this.transaction = new TransactionTemplate(transactions);
        this.transaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.clock = clock;
    }

    PaymentProvider provider(String code) {
        return providers.get(code);
    }

    Map<String, PaymentProvider> providers() {
        return providers;
    }

    /**
     * Makes the attempt of an operation expected at {@code attempts} tries so far, if nobody else is
     * making it; then whatever the answer calls for (letting go of money a cancelled order was
     * authorised for meanwhile).
     */
    void execute(PaymentOperation pending, Caller caller) {
        Instant now = clock.instant();
        var claimed = transaction.execute(status -> payments.claim(pending.id(), pending.attempts(),
                now.plus(settings.retryAfter(pending.attempts() + 1)).plus(PaymentLedger.FIRST_ATTEMPT_LEASE), now));
        if (claimed == null || claimed.isEmpty()) {
            return;
        }
        PaymentOperation op = claimed.get();
        Payment payment = payments.find(op.paymentId()).orElseThrow();
        PaymentProvider provider = providers.get(payment.provider());
        PaymentProvider.Outcome outcome;
        try {
            outcome = call(provider, op, payment);
        } catch (RuntimeException e) {
            noAnswer(op, e);
            return;
        }
        List<PaymentOperation> next = transaction.execute(status -> ledger.settle(op, provider, outcome, caller));
        if (next != null) {
            next.forEach(follow -> execute(follow, caller));
        }
    }

    private PaymentProvider.Outcome call(PaymentProvider provider, PaymentOperation op, Payment payment) {
        String key = op.id().toString();
        return switch (op.kind()) {
            case AUTHORIZE -> {
                Order order = orders.find(op.orderId()).orElseThrow();
                yield provider.authorize(order.number(), op.amount(), order.currency(), op.token(), key);
            }
            case CAPTURE -> provider.capture(payment.providerRef(), op.amount(), key);
            case REFUND -> provider.refund(payment.providerRef(), op.amount(), key);
            case VOID -> provider.voidAuthorization(payment.providerRef(), op.amount(), key);
        };
    }

    private void noAnswer(PaymentOperation op, RuntimeException e) {
        String detail = "no answer from the provider (attempt " + op.attempts() + "): " + e.getClass().getSimpleName();
        if (op.attempts() >= settings.paymentAttempts()) {
            log.warn("Payment operation {} ({} of {}) given up after {} attempts", op.id(), op.kind(), op.amount(),
                    op.attempts());
            transaction.executeWithoutResult(status -> ledger.gaveUp(op, detail));
        } else {
            Instant now = clock.instant();
            transaction.executeWithoutResult(status -> payments.retryLater(op.id(),
                    now.plus(settings.retryAfter(op.attempts())), detail, now));
        }
    }

    /**
     * Makes the operations' calls once the caller's transaction commits (never if it rolls back), on
     * a thread of their own so the caller's connection goes back to the pool first; the reconciler
     * makes them anyway should this node stop before.
     */
    void afterCommit(List<PaymentOperation> operations, Caller caller) {
        if (operations.isEmpty()) {
            return;
        }
        List<PaymentOperation> toRun = new ArrayList<>(operations);
        Runnable run = () -> afterCommit.execute(() -> toRun.forEach(op -> {
            try {
                execute(op, caller);
            } catch (RuntimeException e) {
                log.warn("Payment operation {} failed after its commit; the reconciler retries it", op.id(), e);
            }
        }));
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    run.run();
                }
            });
        } else {
            run.run();
        }
    }

    /** Pending operations whose attempt is due: a crash, a time-out, or an attempt nobody made. */
    @Scheduled(fixedDelayString = RECONCILE_JOB_PERIOD)
    void reconcile() {
        jobs.runOnce("ordering.payment-reconcile", RECONCILE_JOB_PERIOD, this::reconcileNow);
    }

    private void reconcileNow() {
        for (PaymentOperation op : payments.due(clock.instant(), 100)) {
            try {
                execute(op, Caller.SYSTEM);
            } catch (RuntimeException e) {
                log.warn("Payment operation {} could not be reconciled; retried on the next pass", op.id(), e);
            }
        }
    }

    @PreDestroy
    void stop() {
        afterCommit.shutdown();
    }
}
