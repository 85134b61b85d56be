package org.comptoir.inventory.internal;

import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.comptoir.platform.security.Caller;
import org.comptoir.platform.security.Callers;
import org.comptoir.platform.security.SecretTokens;
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
 * tomorrow at the Boulogne store"). A storefront holds for its shopper's cart only, briefly and a
 * few at a time, and sees and releases its shopper's holds only; it never confirms one (a sale is an
 * order's).
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
    ResponseEntity<Hold> place(@Valid @RequestBody PlaceHoldRequest request, HttpServletRequest http) {
        Caller caller = Callers.current();
        String channel = caller.channelCode().orElse(request.channelCode());
        if (channel == null) {
            throw ApiProblem.invalid("channelCode", "is required");
        }
        if (caller.storefront() && request.kind() != Hold.Kind.CART) {
            throw ApiProblem.forbidden("A storefront holds stock for carts only");
        }
        var lines = request.lines().stream()
                .map(l -> new Hold.Line(l.locationCode(), l.sku(), l.quantity())).toList();
        var asked = new Holds.PlaceHold(request.kind(), request.reference(), channel, request.expiresAt(),
                request.note(), lines);
        Hold hold = caller.storefront() ? holds.placeForShopper(asked, holder(http), address(http), caller)
                : holds.place(asked, caller);
        return ResponseEntity.created(URI.create("/api/v1/inventory/holds/" + hold.id())).body(hold);
    }

    @GetMapping("/{id}")
    Hold get(@PathVariable UUID id, HttpServletRequest http) {
        return visible(holds.find(id), http);
    }

    @PostMapping("/{id}/confirm")
    Hold confirm(@PathVariable UUID id, HttpServletRequest http) {
        if (Callers.current().storefront()) {
            throw ApiProblem.forbidden("A storefront does not sell held stock: an order does");
        }
        visible(holds.find(id), http);
        return holds.confirm(id);
    }

    @PostMapping("/{id}/release")
    Hold release(@PathVariable UUID id, HttpServletRequest http) {
        visible(holds.find(id), http);
        return holds.release(id);
    }

    private Hold visible(Hold hold, HttpServletRequest http) {
        return holds.visibleTo(Callers.current(), hold, holder(http));
    }

    /**
     * The shopper a storefront's request comes from: the signed-in customer, else as far as a public key
     * can tell, their address.
     */
    private static String holder(HttpServletRequest http) {
        var customer = Callers.current().customerId();
        return customer.isPresent() ? "customer:" + customer.get() : address(http);
    }

    /** Where the request comes from, hashed: what bounds the holds one shopper may place. */
    private static String address(HttpServletRequest http) {
        return "address:" + SecretTokens.sha256Hex(http.getRemoteAddr().getBytes(StandardCharsets.UTF_8))
                .substring(0, 40);
    }
}
