package org.comptoir.integration.internal;

import static org.comptoir.integration.internal.db.tables.WebhookAttempt.WEBHOOK_ATTEMPT;
import static org.comptoir.integration.internal.db.tables.WebhookDelivery.WEBHOOK_DELIVERY;
import static org.comptoir.integration.internal.db.tables.WebhookSubscription.WEBHOOK_SUBSCRIPTION;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import org.comptoir.integration.internal.db.tables.records.WebhookDeliveryRecord;
import org.comptoir.integration.internal.db.tables.records.WebhookSubscriptionRecord;
import org.comptoir.platform.cluster.CacheTopics;
import org.comptoir.platform.persistence.Snapshot;
import org.comptoir.platform.web.PageRequest;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Repository;

@Repository
class WebhookRepository {

    record Subscription(UUID id, String url, Set<String> eventTypes, String secret, String description,
            boolean active, Instant createdAt) {

        /** {@code *} is every event, {@code catalog.*} every event of a module, else the exact type. */
        boolean wants(String eventType) {
            return eventTypes.stream().anyMatch(pattern -> pattern.equals("*") || pattern.equals(eventType)
                    || pattern.endsWith(".*") && eventType.startsWith(pattern.substring(0, pattern.length() - 1)));
        }
    }

    enum Status {
        PENDING,
        DELIVERED,
        FAILED
    }

    record Delivery(UUID id, UUID subscriptionId, UUID eventId, String eventType, String payload, Status status,
            int attempts, Instant nextAttemptAt, Instant createdAt, Instant deliveredAt) {}

    record Attempt(int attempt, Instant attemptedAt, Integer statusCode, String error, long durationMs) {}

    private final DSLContext db;

    /** Active subscriptions, read by the fan-out of every event. */
    private final Snapshot<List<Subscription>> active;

    WebhookRepository(DSLContext db, CacheTopics topics) {
        this.db = db;
        this.active = new Snapshot<>(topics, "integration.webhook-subscriptions",
                () -> db.selectFrom(WEBHOOK_SUBSCRIPTION)
                        .where(WEBHOOK_SUBSCRIPTION.ACTIVE.isTrue()).fetch(WebhookRepository::toSubscription));
    }

    void insert(Subscription s) {
        active.changed();
        db.insertInto(WEBHOOK_SUBSCRIPTION)
                .set(WEBHOOK_SUBSCRIPTION.ID, s.id())
                .set(WEBHOOK_SUBSCRIPTION.URL, s.url())
                .set(WEBHOOK_SUBSCRIPTION.EVENT_TYPES, String.join(",", s.eventTypes()))
                .set(WEBHOOK_SUBSCRIPTION.SECRET, s.secret())
                .set(WEBHOOK_SUBSCRIPTION.DESCRIPTION, s.description())
                .set(WEBHOOK_SUBSCRIPTION.ACTIVE, s.active())
                .set(WEBHOOK_SUBSCRIPTION.CREATED_AT, s.createdAt())
                .execute();
    }

    /** The active subscriptions, at most {@link Snapshot#MAX_AGE} old (at once for changes made here). */
    List<Subscription> activeSubscriptions() {
        return active.get();
    }

    List<Subscription> subscriptions(PageRequest page) {
        return db.selectFrom(WEBHOOK_SUBSCRIPTION)
                .where(page.afterId().map(WEBHOOK_SUBSCRIPTION.ID::gt).orElse(DSL.noCondition()))
                .orderBy(WEBHOOK_SUBSCRIPTION.ID).limit(page.limit() + 1).fetch(WebhookRepository::toSubscription);
    }

    Optional<Subscription> subscription(UUID id) {
        return db.selectFrom(WEBHOOK_SUBSCRIPTION).where(WEBHOOK_SUBSCRIPTION.ID.eq(id))
                .fetchOptional(WebhookRepository::toSubscription);
    }

    boolean deactivate(UUID id) {
        active.changed();
        return db.update(WEBHOOK_SUBSCRIPTION).set(WEBHOOK_SUBSCRIPTION.ACTIVE, false)
                .where(WEBHOOK_SUBSCRIPTION.ID.eq(id)).execute() == 1;
    }

    /** Queues a delivery once per (subscription, event): a redelivered event queues nothing new. */
    void queue(UUID id, UUID subscriptionId, UUID eventId, String eventType, String payload, Instant now) {
        db.insertInto(WEBHOOK_DELIVERY)
                .set(WEBHOOK_DELIVERY.ID, id)
                .set(WEBHOOK_DELIVERY.SUBSCRIPTION_ID, subscriptionId)
                .set(WEBHOOK_DELIVERY.EVENT_ID, eventId)
                .set(WEBHOOK_DELIVERY.EVENT_TYPE, eventType)
                .set(WEBHOOK_DELIVERY.PAYLOAD, payload)
                .set(WEBHOOK_DELIVERY.STATUS, Status.PENDING.name())
                .set(WEBHOOK_DELIVERY.ATTEMPTS, 0)
                .set(WEBHOOK_DELIVERY.NEXT_ATTEMPT_AT, now)
                .set(WEBHOOK_DELIVERY.CREATED_AT, now)
                .onConflict(WEBHOOK_DELIVERY.SUBSCRIPTION_ID, WEBHOOK_DELIVERY.EVENT_ID).doNothing()
                .execute();
    }

    /**
     * Claims due deliveries for this node until {@code claimedUntil}: a conditional update, so two
     * nodes never send the same delivery at once, and a node that dies releases them by the clock.
     */
    List<Delivery> claimDue(Instant now, Instant claimedUntil, int limit) {
        List<UUID> due = db.select(WEBHOOK_DELIVERY.ID).from(WEBHOOK_DELIVERY)
                .where(WEBHOOK_DELIVERY.STATUS.eq(Status.PENDING.name()), WEBHOOK_DELIVERY.NEXT_ATTEMPT_AT.le(now),
                        WEBHOOK_DELIVERY.CLAIMED_UNTIL.isNull().or(WEBHOOK_DELIVERY.CLAIMED_UNTIL.lt(now)))
                .orderBy(WEBHOOK_DELIVERY.NEXT_ATTEMPT_AT).limit(limit).fetch(WEBHOOK_DELIVERY.ID);
        List<UUID> claimed = due.stream().filter(id -> db.update(WEBHOOK_DELIVERY)
                        .set(WEBHOOK_DELIVERY.CLAIMED_UNTIL, claimedUntil)
                        .where(WEBHOOK_DELIVERY.ID.eq(id), WEBHOOK_DELIVERY.STATUS.eq(Status.PENDING.name()),
                                WEBHOOK_DELIVERY.CLAIMED_UNTIL.isNull().or(WEBHOOK_DELIVERY.CLAIMED_UNTIL.lt(now)))
                        .execute() == 1)
                .toList();
        return claimed.isEmpty() ? List.of() : db.selectFrom(WEBHOOK_DELIVERY)
                .where(WEBHOOK_DELIVERY.ID.in(claimed)).fetch(WebhookRepository::toDelivery);
    }

    void recordAttempt(UUID deliveryId, Attempt attempt, Status status, Instant nextAttemptAt) {
        db.insertInto(WEBHOOK_ATTEMPT)
                .set(WEBHOOK_ATTEMPT.DELIVERY_ID, deliveryId)
                .set(WEBHOOK_ATTEMPT.ATTEMPT, attempt.attempt())
                .set(WEBHOOK_ATTEMPT.ATTEMPTED_AT, attempt.attemptedAt())
                .set(WEBHOOK_ATTEMPT.STATUS_CODE, attempt.statusCode())
                .set(WEBHOOK_ATTEMPT.ERROR, attempt.error())
                .set(WEBHOOK_ATTEMPT.DURATION_MS, attempt.durationMs())
                .execute();
        db.update(WEBHOOK_DELIVERY)
                .set(WEBHOOK_DELIVERY.STATUS, status.name())
                .set(WEBHOOK_DELIVERY.ATTEMPTS, attempt.attempt())
                .set(WEBHOOK_DELIVERY.NEXT_ATTEMPT_AT, nextAttemptAt)
                .set(WEBHOOK_DELIVERY.CLAIMED_UNTIL, (Instant) null)
                .set(WEBHOOK_DELIVERY.DELIVERED_AT, status == Status.DELIVERED ? attempt.attemptedAt() : null)
                .where(WEBHOOK_DELIVERY.ID.eq(deliveryId))
                .execute();
    }

    List<Delivery> deliveries(UUID subscriptionId, Optional<Status> status, PageRequest page) {
        return db.selectFrom(WEBHOOK_DELIVERY)
                .where(WEBHOOK_DELIVERY.SUBSCRIPTION_ID.eq(subscriptionId))
                .and(status.map(s -> WEBHOOK_DELIVERY.STATUS.eq(s.name())).orElse(DSL.noCondition()))
                .and(page.afterId().map(WEBHOOK_DELIVERY.ID::gt).orElse(DSL.noCondition()))
                .orderBy(WEBHOOK_DELIVERY.ID).limit(page.limit() + 1).fetch(WebhookRepository::toDelivery);
    }

    Optional<Delivery> delivery(UUID id) {
        return db.selectFrom(WEBHOOK_DELIVERY).where(WEBHOOK_DELIVERY.ID.eq(id))
                .fetchOptional(WebhookRepository::toDelivery);
    }

    List<Attempt> attempts(UUID deliveryId) {
        return db.selectFrom(WEBHOOK_ATTEMPT).where(WEBHOOK_ATTEMPT.DELIVERY_ID.eq(deliveryId))
                .orderBy(WEBHOOK_ATTEMPT.ATTEMPT)
                .fetch(r -> new Attempt(r.getAttempt(), r.getAttemptedAt(), r.getStatusCode(), r.getError(),
                        r.getDurationMs()));
    }

    private static Subscription toSubscription(WebhookSubscriptionRecord r) {
        return new Subscription(r.getId(), r.getUrl(), new TreeSet<>(Arrays.asList(r.getEventTypes().split(","))),
                r.getSecret(), r.getDescription(), r.getActive(), r.getCreatedAt());
    }

    private static Delivery toDelivery(WebhookDeliveryRecord r) {
        return new Delivery(r.getId(), r.getSubscriptionId(), r.getEventId(), r.getEventType(), r.getPayload(),
                Status.valueOf(r.getStatus()), r.getAttempts(), r.getNextAttemptAt(), r.getCreatedAt(),
                r.getDeliveredAt());
    }
}
