package org.comptoir.integration.internal;

import org.comptoir.platform.events.DomainEvent;
import org.springframework.stereotype.Component;

/**
 * Whether an active subscription wants an event: the condition of the webhook fan-out, asked for
 * every event published. A plain bean of its own, not the transactional listener's proxy: resolving a
 * method on a proxy makes SpEL try each of the proxy's interfaces first, and every miss is a thrown
 * exception, three per published event.
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
