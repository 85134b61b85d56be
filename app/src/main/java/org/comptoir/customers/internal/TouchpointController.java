package org.comptoir.customers.internal;

import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.comptoir.platform.security.Caller;
import org.comptoir.platform.security.Callers;
import org.comptoir.platform.web.ApiProblem;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Touchpoint ingestion from every channel: one event, or a batch of store and web traffic (all or
 * nothing). A storefront sends its own channel's events, its shopper's or an anonymous visitor's, and
 * learns nothing about who they belong to.
 */
@Tag(name = "Touchpoints", description = "Events from every touchpoint, on the customer's timeline")
@RestController
@RequestMapping("/api/v1/touchpoints")
class TouchpointController {

    record IdentityRef(@NotNull IdentityKind kind, @NotNull @Size(max = 320) String value) {}

    record EventPayload(@NotNull TouchpointType type, @NotNull @Size(max = 40) String channel,
            @NotNull Instant occurredAt, UUID customerId, @Valid IdentityRef identity, @Size(max = 200) String anonymousId,
            @Size(max = 40) String locationCode, @Size(max = 200) String subject, @Size(max = 100) String category,
            @Size(max = 50) Map<String, Object> properties) {

        Timeline.Event event() {
            return new Timeline.Event(type, channel, occurredAt, customerId, identity == null ? null : identity.kind(),
                    identity == null ? null : identity.value(), anonymousId, locationCode, subject, category,
                    properties);
        }
    }

    record BatchPayload(@NotEmpty @Size(max = Timeline.MAX_BATCH) List<@NotNull @Valid EventPayload> events) {}

    /** The ids recorded; whose they are is told to back-office callers only. */
    record Recorded(int recorded, List<UUID> ids, List<UUID> customerIds) {}

    private final Timeline timeline;

    TouchpointController(Timeline timeline) {
        this.timeline = timeline;
    }

    @PostMapping
    ResponseEntity<Recorded> one(@Valid @RequestBody EventPayload p) {
        return recorded(List.of(p));
    }

    @PostMapping("/batch")
    ResponseEntity<Recorded> batch(@Valid @RequestBody BatchPayload p) {
        return recorded(p.events());
    }

    private ResponseEntity<Recorded> recorded(List<EventPayload> events) {
        Caller caller = Callers.current();
        var recorded = timeline.ingest(events.stream().map(EventPayload::event).toList(), caller);
        boolean storefront = caller.channelCode().isPresent();
        return ResponseEntity.status(HttpStatus.CREATED).body(new Recorded(recorded.ids().size(), recorded.ids(),
                storefront ? null : recorded.customerIds()));
    }
}
