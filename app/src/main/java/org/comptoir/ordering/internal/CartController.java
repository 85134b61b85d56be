package org.comptoir.ordering.internal;

import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.comptoir.platform.security.Caller;
import org.comptoir.platform.security.Callers;
import org.comptoir.platform.web.Versions;
import org.comptoir.pricing.Quote;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Carts of every channel. Every change answers the cart priced by the engine, with what the channel
 * cannot promise. A storefront creates carts on its own channel and reaches a cart afterwards only
 * with the secret its creation answered ({@code Cart-Secret}) or as its signed-in customer; it takes
 * over another channel's cart the same way.
 */
@Tag(name = "Carts", description = "Carts that follow the customer across channels")
@RestController
@RequestMapping("/api/v1/carts")
class CartController {

    private static final String GROUP = "[a-z0-9][a-z0-9_-]{0,39}";

    record CreatePayload(@Size(max = 40) String channelCode, @Size(max = 120) String customerRef,
            @Size(max = 40) String customerGroup,
            @Pattern(regexp = "[A-Z]{2}", message = "must be an ISO 3166 country code such as FR") String country,
            @Pattern(regexp = "[A-Z]{3}", message = "must be an ISO 4217 code such as EUR") String currency) {}

    record LinePayload(@NotBlank @Size(max = 64) String sku, @Min(1) @Max(OrderPlacement.MAX_QUANTITY) int quantity,
            @Pattern(regexp = GROUP, message = "must be a group code such as main") String group) {}

    record QuantityPayload(@Min(0) @Max(OrderPlacement.MAX_QUANTITY) int quantity,
            @Pattern(regexp = GROUP, message = "must be a group code such as main") String group) {}

    record CodePayload(@NotBlank @Size(max = 40) String code) {}

    record GroupPayload(@NotNull Fulfilment.Method method, @Size(max = 40) String locationCode,
            @Size(max = 80) String relayPoint, @Valid Fulfilment.Address address) {}

    record CustomerPayload(@NotBlank @Size(max = 120) String customerRef, @Size(max = 40) String customerGroup) {}

    record HandoverPayload(@Size(max = 40) String channelCode) {}

    record PointsPayload(@NotNull @Min(0) @Max(100_000_000) Long points) {}

    record OrderPayload(Order.PaymentTerms paymentTerms) {}

    /**
     * A cart as clients see it. {@code secret} is in the answer that created it only: a storefront sends
     * it back as {@code Cart-Secret} on every later call on the cart.
     */
    record CartView(UUID id, String channelCode, String customerRef, String customerGroup, Cart.Status status,
            String currency, String country, List<String> codes, List<Fulfilment.Group> groups, List<Cart.Line> lines,
            long loyaltyPoints, Quote quote, String pricingProblem, List<Carts.Shortage> unavailable, UUID holdId,
            UUID orderId, int version, Instant updatedAt, String secret) {
        static CartView of(Carts.View v) {
            return of(v, null);
        }

        static CartView of(Carts.View v, String secret) {
            Cart c = v.cart();
            return new CartView(c.id(), c.channelCode(), c.customerRef(), c.customerGroup(), c.status(), c.currency(),
                    c.country(), c.codes(), c.groups(), c.lines(), c.loyaltyPoints(), v.quote(), v.pricingProblem(),
                    v.unavailable(), c.holdId(), c.orderId(), c.version(), c.updatedAt(), secret);
        }
    }

    private final Carts carts;

    CartController(Carts carts) {
        this.carts = carts;
    }

    @PostMapping
    ResponseEntity<CartView> create(@Valid @RequestBody CreatePayload p) {
        Caller caller = Callers.current();
        var created = carts.create(caller.channelCode().orElse(p.channelCode()), p.customerRef(), p.customerGroup(),
                p.country(), p.currency(), caller);
        Cart cart = created.cart();
        return ResponseEntity.created(URI.create("/api/v1/carts/" + cart.id())).eTag(Versions.etag(cart.version()))
                .body(CartView.of(carts.view(cart), created.secret()));
    }

    @GetMapping("/{id}")
    ResponseEntity<CartView> get(@PathVariable UUID id) {
        Cart cart = carts.visible(id, Callers.current());
        return ResponseEntity.ok().eTag(Versions.etag(cart.version())).body(CartView.of(carts.view(cart)));
    }

    @PostMapping("/{id}/lines")
    CartView add(@PathVariable UUID id, @Valid @RequestBody LinePayload p) {
        return view(carts.setLine(id, p.sku(), p.quantity(), p.group(), true, Callers.current()));
    }

    @PutMapping("/{id}/lines/{sku}")
    CartView set(@PathVariable UUID id, @PathVariable String sku, @Valid @RequestBody QuantityPayload p) {
        return view(carts.setLine(id, sku, p.quantity(), p.group(), false, Callers.current()));
    }

    @DeleteMapping("/{id}/lines/{sku}")
    CartView remove(@PathVariable UUID id, @PathVariable String sku) {
        return view(carts.setLine(id, sku, 0, null, false, Callers.current()));
    }

    @PostMapping("/{id}/codes")
    CartView addCode(@PathVariable UUID id, @Valid @RequestBody CodePayload p) {
        return view(carts.addCode(id, p.code(), Callers.current()));
    }

    /** The loyalty points the cart's customer spends on it. */
    @PutMapping("/{id}/loyalty-points")
    CartView spendPoints(@PathVariable UUID id, @Valid @RequestBody PointsPayload p) {
        return view(carts.spendPoints(id, p.points(), Callers.current()));
    }

    @DeleteMapping("/{id}/codes/{code}")
    CartView removeCode(@PathVariable UUID id, @PathVariable String code) {
        return view(carts.removeCode(id, code, Callers.current()));
    }

    @PutMapping("/{id}/groups/{group}")
    CartView setGroup(@PathVariable UUID id, @PathVariable String group, @Valid @RequestBody GroupPayload p) {
        return view(carts.setGroup(id, new Fulfilment.Group(group, p.method(), p.locationCode(), p.relayPoint(),
                p.address()), Callers.current()));
    }

    @PutMapping("/{id}/customer")
    CartView attach(@PathVariable UUID id, @Valid @RequestBody CustomerPayload p) {
        return view(carts.attach(id, p.customerRef(), p.customerGroup(), Callers.current()));
    }

    @PostMapping("/{id}/handover")
    CartView handOver(@PathVariable UUID id, @Valid @RequestBody HandoverPayload p) {
        return view(carts.handOver(id, p.channelCode(), Callers.current()));
    }

    @PostMapping("/{id}/order")
    ResponseEntity<OrderController.OrderView> order(@PathVariable UUID id,
            @Valid @RequestBody(required = false) OrderPayload p) {
        return OrderController.created(carts.order(id, p == null ? null : p.paymentTerms(), Callers.current()));
    }

    private static CartView view(Carts.View view) {
        return CartView.of(view);
    }
}
