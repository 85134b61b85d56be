package org.comptoir.integration.internal;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import org.comptoir.platform.events.DomainEvent;
import org.comptoir.platform.events.EventInterest;
import org.comptoir.platform.persistence.Ids;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import tools.jackson.databind.ObjectMapper;

/**
 * Turns every committed domain event into one queued delivery per interested subscription. It runs
 * from the event publication registry, so an event whose transaction committed is queued even if the
 * node stops right after (the publication is resubmitted on restart); queuing twice is harmless.
 * An event no active subscription wants is not recorded at all: the registry only keeps publications
 * for listeners that want the event ({@link EventInterest}), so events nobody consumes cost no outbox
 * writes.
 */
@Component
class WebhookFanout implements EventInterest {

    private final WebhookRepository webhooks;
    private final WebhookInterest interest;
    private final ObjectMapper json;
    private final Clock clock;

    WebhookFanout(WebhookRepository webhooks, WebhookInterest interest, ObjectMapper json, Clock clock) {
        this.webhooks = webhooks;
        this.interest = interest;
        this.json = json;
        this.clock = clock;
    }

    @Override
    public boolean wants(Object event) {
        return event instanceof DomainEvent domainEvent && interest.wanted(domainEvent);
    }

    @ApplicationModuleListener(id = "integration.webhook-fanout")
    void on(DomainEvent event) {
        var subscriptions = webhooks.activeSubscriptions().stream().filter(s -> s.wants(event.eventType())).toList();
        if (subscriptions.isEmpty()) {
            return;
        }
        String payload = json.writeValueAsString(envelope(event));
        var now = clock.instant();
        for (var subscription : subscriptions) {
            webhooks.queue(Ids.newId(), subscription.id(), event.eventId(), event.eventType(), payload, now);
        }
    }

    /** What receivers get: the event's identity and type around its data. */
    static Map<String, Object> envelope(DomainEvent event) {
        Map<String, Object> envelope = new LinkedHashMap<>();
        envelope.put("id", event.eventId());
        envelope.put("type", event.eventType());
        envelope.put("occurredAt", event.occurredAt());
        envelope.put("subject", event.subject());
        envelope.put("data", event);
        return envelope;
    }
}
