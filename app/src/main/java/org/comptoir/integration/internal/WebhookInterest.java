package org.comptoir.integration.internal;

import org.comptoir.platform.events.DomainEvent;
import org.springframework.stereotype.Component;

/**
 * Whether an active subscription wants an event: what the webhook fan-out says it wants
 * ({@code EventInterest}), asked for every event published.
 */
@Component
class WebhookInterest {

    private final WebhookRepository webhooks;

    WebhookInterest(WebhookRepository webhooks) {
        this.webhooks = webhooks;
    }

    /** A subscription made on another node counts within {@code Snapshot.MAX_AGE}. */
    public boolean wanted(DomainEvent event) {
        return webhooks.activeSubscriptions().stream().anyMatch(s -> s.wants(event.eventType()));
    }
}
