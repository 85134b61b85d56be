package org.comptoir.integration.internal;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import jakarta.annotation.PreDestroy;
import org.comptoir.integration.internal.WebhookRepository.Attempt;
import org.comptoir.integration.internal.WebhookRepository.Delivery;
import org.comptoir.integration.internal.WebhookRepository.Status;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.TransactionException;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Sends due deliveries, each on a virtual thread of its own. Claims are taken and results recorded
 * in short transactions; no database lock or connection is held while a receiver is called, so a
 * slow receiver slows only its own deliveries. Any 2xx is a success; anything else, or no answer in time, is retried with
 * exponential backoff until the attempts run out.
 */
@Component
class WebhookDispatcher {

    private static final Logger log = LoggerFactory.getLogger(WebhookDispatcher.class);
    private static final int BATCHES_PER_TICK = 50;

    private final WebhookRepository webhooks;
    private final WebhookSettings settings;
    private final TransactionTemplate transaction;
    private final OutgoingAddresses addresses;
    private final Clock clock;
    private final HttpClient http;
    private final ExecutorService senders = Executors.newVirtualThreadPerTaskExecutor();
    private final Semaphore inFlight;

    WebhookDispatcher(WebhookRepository webhooks, WebhookSettings settings, TransactionTemplate transaction,
            Clock clock) {
        this.webhooks = webhooks;
        this.settings = settings;
        this.transaction = transaction;
        this.addresses = settings.addresses();
        this.clock = clock;
        this.http = HttpClient.newBuilder().connectTimeout(settings.timeout())
                .followRedirects(HttpClient.Redirect.NEVER).build();
        this.inFlight = new Semaphore(settings.batchSize() * 5);
    }

    /**
     * A full batch means more are due: this claims again at once while senders are free, up to
     * {@link #BATCHES_PER_TICK} batches, so a backlog drains at the receivers' pace rather than one
     * batch a poll (which held a node to 20 deliveries a second), without keeping the scheduler's
     * thread from the other jobs for long.
     */
    @Scheduled(fixedDelayString = "${comptoir.integration.webhooks.poll-interval:1s}")
    void dispatchDue() {
        for (int batch = 0; batch < BATCHES_PER_TICK; batch++) {
            int capacity = Math.min(settings.batchSize(), inFlight.availablePermits());
            if (capacity == 0 || dispatchBatch(capacity) < capacity) {
                return;
            }
        }
    }

    /** Claims and hands out up to {@code capacity} due deliveries; how many there were. */
    private int dispatchBatch(int capacity) {
        Instant now = clock.instant();
        // The claim outlives the longest possible attempt, so it never expires while one runs.
        Instant claimedUntil = now.plus(settings.timeout().multipliedBy(2)).plusSeconds(30);
        var due = transaction.execute(status -> webhooks.claimDue(now, claimedUntil, capacity));
        for (Delivery delivery : due) {
            inFlight.acquireUninterruptibly();
            senders.execute(() -> {
                try {
                    webhooks.subscription(delivery.subscriptionId())
                            .ifPresent(subscription -> send(delivery, subscription));
                } finally {
                    inFlight.release();
                }
            });
        }
        return due.size();
    }

    @PreDestroy
    void stop() {
        senders.shutdownNow();
    }

    private void send(Delivery delivery, WebhookRepository.Subscription subscription) {
        byte[] body = delivery.payload().getBytes(StandardCharsets.UTF_8);
        Instant started = clock.instant();
        Integer statusCode = null;
        String error = null;
        try {
            URI target = URI.create(subscription.url());
            if (addresses.refusal(target) != null) {
                throw new RefusedTarget();
            }
            HttpRequest request = HttpRequest.newBuilder(target)
                    .timeout(settings.timeout())
                    .header("Content-Type", "application/json")
                    .header("User-Agent", "Comptoir-Webhooks/1")
                    .header("Comptoir-Event-Id", delivery.eventId().toString())
                    .header("Comptoir-Event-Type", delivery.eventType())
                    .header("Comptoir-Delivery-Id", delivery.id().toString())
                    .header(WebhookSignature.HEADER,
                            WebhookSignature.sign(subscription.secret(), started.getEpochSecond(), body))
                    .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                    .build();
            statusCode = http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
            if (statusCode / 100 != 2) {
                error = "receiver answered " + statusCode;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            error = "interrupted";
        } catch (RefusedTarget e) {
            error = "the URL now points inside the platform's network: not sent";
        } catch (java.net.http.HttpTimeoutException e) {
            error = "no answer in time";
        } catch (Exception e) {
            // What went wrong inside the network (refused, reset, unknown host) is not told: it would map it.
            error = "no connection to the receiver";
        }
        int attempt = delivery.attempts() + 1;
        long durationMs = java.time.Duration.between(started, clock.instant()).toMillis();
        Status status = error == null ? Status.DELIVERED : attempt >= settings.maxAttempts() ? Status.FAILED
                : Status.PENDING;
        Instant next = clock.instant().plus(settings.backoffAfter(attempt));
        Attempt record = new Attempt(attempt, started, statusCode, error, durationMs);
        recordAttempt(delivery, record, status, next);
        if (error != null) {
            log.info("Webhook delivery {} of subscription {} failed (attempt {}): {}", delivery.id(), subscription.id(),
                    attempt, error);
        }
    }

    /**
     * Records the attempt, waiting out a database that is briefly away (a restart, a failover) for up to
     * half a minute: a delivery the receiver took but whose success is not recorded is sent again once
     * its claim expires, which receivers must fold by event id but should rarely have to.
     */
    private void recordAttempt(Delivery delivery, Attempt record, Status status, Instant next) {
        for (long wait = 250; ; wait *= 2) {
            try {
                transaction.executeWithoutResult(s -> webhooks.recordAttempt(delivery.id(), record, status, next));
                return;
            } catch (DataAccessException | TransactionException e) {
                if (wait > 16_000) {
                    log.warn("Could not record attempt {} of webhook delivery {}: {}; it will be sent again",
                            record.attempt(), delivery.id(), e.getMessage());
                    return;
                }
                try {
                    Thread.sleep(wait);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    /** The URL resolves inside the network now: nothing is sent. */
    private static final class RefusedTarget extends Exception {
        RefusedTarget() {
            super(null, null, false, false);
        }
    }
}
