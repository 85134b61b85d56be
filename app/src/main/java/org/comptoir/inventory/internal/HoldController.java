package org.comptoir.inventory.internal;

import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.comptoir.platform.security.Caller;
import org.comptoir.platform.security.Callers;
import org.comptoir.platform.web.ApiProblem;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Holds: a cart's, an order's, or an agent's for a customer ("I keep the shears for you until
 * tomorrow at the Boulogne store"). A storefront key holds for carts of its own channel only.
 */
@Tag(name = "Holds", description = "Stock reserved for a cart, an order or a person, with an expiry")
@RestController
@RequestMapping("/api/v1/inventory/holds")
class HoldController {

    record LineRequest(@NotBlank @Size(max = 64) String sku, @NotBlank @Size(max = 40) String locationCode,
            @NotNull Integer quantity) {}

    record PlaceHoldRequest(@NotNull Hold.Kind kind, @Size(max = 120) String reference,
            @Size(max = 40) String channelCode, Instant expiresAt, @Size(max = 500) String note,
            @NotEmpty @Size(max = Holds.MAX_LINES) List<@NotNull @Valid LineRequest> lines) {}

    private final Holds holds;

    HoldController(Holds holds) {
        this.holds = holds;
    }

    @PostMapping
    ResponseEntity<Hold> place(@Valid @RequestBody PlaceHoldRequest request) {
        Caller caller = Callers.current();
        String channel = caller.channelCode().orElse(request.channelCode());
        if (channel == null) {
            throw ApiProblem.invalid("channelCode", "is required");
        }
        if (caller.channelCode().isPresent() && request.kind() != Hold.Kind.CART) {
            throw ApiProblem.forbidden("A storefront key holds stock for carts only");
        }
        var lines = request.lines().stream()
                .map(l -> new Hold.Line(l.locationCode(), l.sku(), l.quantity())).toList();
        Hold hold = holds.place(new Holds.PlaceHold(request.kind(), request.reference(), channel, request.expiresAt(),
                request.note(), lines), caller);
        return ResponseEntity.created(URI.create("/api/v1/inventory/holds/" + hold.id())).body(hold);
    }

    @GetMapping("/{id}")
    Hold get(@PathVariable UUID id) {
        return visible(holds.find(id));
    }

    @PostMapping("/{id}/confirm")
    Hold confirm(@PathVariable UUID id) {
        visible(holds.find(id));
        return holds.confirm(id);
    }

    @PostMapping("/{id}/release")
    Hold release(@PathVariable UUID id) {
        visible(holds.find(id));
        return holds.release(id);
    }

    private Hold visible(Hold hold) {
        return holds.visibleTo(Callers.current(), hold);
    }
}
