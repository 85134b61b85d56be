package org.comptoir.integration.internal;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import org.comptoir.integration.internal.WebhookRepository.Attempt;
import org.comptoir.integration.internal.WebhookRepository.Delivery;
import org.comptoir.integration.internal.WebhookRepository.Status;
import org.comptoir.integration.internal.WebhookRepository.Subscription;
import org.comptoir.platform.persistence.Ids;
import org.comptoir.platform.security.SecretTokens;
import org.comptoir.platform.web.ApiProblem;
import org.comptoir.platform.web.CursorPage;
import org.comptoir.platform.web.PageRequest;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Webhook subscriptions and what was delivered to them. */
@Service
class Webhooks {

    private final WebhookRepository webhooks;
    private final OutgoingAddresses addresses;
    private final Clock clock;

    Webhooks(WebhookRepository webhooks, WebhookSettings settings, Clock clock) {
        this.webhooks = webhooks;
        this.addresses = settings.addresses();
        this.clock = clock;
    }

    /** Subscribes a URL; without a secret one is generated (returned once, with the subscription). */
    @Transactional
    Subscription subscribe(String url, Set<String> eventTypes, String secret, String description) {
        try {
            URI uri = new URI(url);
            if (!("https".equals(uri.getScheme()) || "http".equals(uri.getScheme())) || uri.getHost() == null
                    || uri.getUserInfo() != null) {
                throw ApiProblem.invalid("url", "must be an absolute http(s) URL");
            }
            String refusal = addresses.refusal(uri);
            if (refusal != null) {
                throw ApiProblem.invalid("url", refusal + ": an admin may allow the host in "
                        + "comptoir.integration.webhooks.allowed-hosts");
            }
        } catch (URISyntaxException e) {
            throw ApiProblem.invalid("url", "is not a URL");
        }
        var subscription = new Subscription(Ids.newId(), url, new TreeSet<>(eventTypes),
                secret != null ? secret : SecretTokens.generate("whsec_"), description, true, clock.instant());
        webhooks.insert(subscription);
        return subscription;
    }

    @Transactional(readOnly = true)
    CursorPage<Subscription> list(PageRequest page) {
        return CursorPage.of(webhooks.subscriptions(page), page, s -> s.id().toString());
    }

    @Transactional(readOnly = true)
    Subscription find(UUID id) {
        return webhooks.subscription(id).orElseThrow(() -> ApiProblem.notFound("webhook", id));
    }

    @Transactional
    void deactivate(UUID id) {
        if (!webhooks.deactivate(id)) {
            throw ApiProblem.notFound("webhook", id);
        }
    }

    @Transactional(readOnly = true)
    CursorPage<Delivery> deliveries(UUID subscriptionId, Optional<Status> status, PageRequest page) {
        find(subscriptionId);
        return CursorPage.of(webhooks.deliveries(subscriptionId, status, page), page, d -> d.id().toString());
    }

    @Transactional(readOnly = true)
    Delivery delivery(UUID subscriptionId, UUID deliveryId) {
        return webhooks.delivery(deliveryId).filter(d -> d.subscriptionId().equals(subscriptionId))
                .orElseThrow(() -> ApiProblem.notFound("delivery", deliveryId));
    }

    @Transactional(readOnly = true)
    List<Attempt> attempts(UUID deliveryId) {
        return webhooks.attempts(deliveryId);
    }
}
