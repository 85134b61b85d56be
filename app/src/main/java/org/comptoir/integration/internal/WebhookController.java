package org.comptoir.integration.internal;

import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
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
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@Tag(name = "Webhooks", description = "Signed event deliveries to other systems (ERP, WMS, POS)")
@RestController
@RequestMapping("/api/v1/webhooks")
class WebhookController {

    record CreateSubscription(@NotBlank @Size(max = 2000) String url,
            @NotEmpty @Size(max = 50) Set<@NotNull @Pattern(regexp = "\\*|[a-z]+(\\.[a-z_]+)*(\\.\\*)?",
                    message = "must be an event type, a prefix such as catalog.* or *") String> eventTypes,
            @Size(min = 16, max = 200) String secret, @Size(max = 500) String description) {}

    record SubscriptionView(UUID id, String url, Set<String> eventTypes, String description, boolean active,
            Instant createdAt, String secret) {
        static SubscriptionView of(Subscription s, boolean withSecret) {
            return new SubscriptionView(s.id(), s.url(), s.eventTypes(), s.description(), s.active(), s.createdAt(),
                    withSecret ? s.secret() : null);
        }
    }

    record DeliveryView(UUID id, UUID eventId, String eventType, Status status, int attempts, Instant nextAttemptAt,
            Instant createdAt, Instant deliveredAt, List<Attempt> attemptLog) {}

    private final Webhooks webhooks;

    WebhookController(Webhooks webhooks) {
        this.webhooks = webhooks;
    }

    /** The secret is returned once, here; receivers use it to check {@code Comptoir-Signature}. */
    @PostMapping
    ResponseEntity<SubscriptionView> create(@Valid @RequestBody CreateSubscription request) {
        var subscription = webhooks.subscribe(request.url(), request.eventTypes(), request.secret(),
                request.description());
        return ResponseEntity.created(URI.create("/api/v1/webhooks/" + subscription.id()))
                .body(SubscriptionView.of(subscription, true));
    }

    @GetMapping
    CursorPage<SubscriptionView> list(@RequestParam(required = false) Integer limit,
            @RequestParam(required = false) String cursor) {
        return webhooks.list(PageRequest.of(limit, cursor)).map(s -> SubscriptionView.of(s, false));
    }

    @GetMapping("/{id}")
    SubscriptionView get(@PathVariable UUID id) {
        return SubscriptionView.of(webhooks.find(id), false);
    }

    /** Stops new deliveries; those already queued are still attempted. */
    @DeleteMapping("/{id}")
    ResponseEntity<Void> deactivate(@PathVariable UUID id) {
        webhooks.deactivate(id);
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/{id}/deliveries")
    CursorPage<DeliveryView> deliveries(@PathVariable UUID id, @RequestParam(required = false) Status status,
            @RequestParam(required = false) Integer limit, @RequestParam(required = false) String cursor) {
        return webhooks.deliveries(id, Optional.ofNullable(status), PageRequest.of(limit, cursor))
                .map(d -> view(d, null));
    }

    @GetMapping("/{id}/deliveries/{deliveryId}")
    DeliveryView delivery(@PathVariable UUID id, @PathVariable UUID deliveryId) {
        return view(webhooks.delivery(id, deliveryId), webhooks.attempts(deliveryId));
    }

    private static DeliveryView view(Delivery d, List<Attempt> attempts) {
        return new DeliveryView(d.id(), d.eventId(), d.eventType(), d.status(), d.attempts(), d.nextAttemptAt(),
                d.createdAt(), d.deliveredAt(), attempts);
    }
}
