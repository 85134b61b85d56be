package org.comptoir.fulfilment.internal;

import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalTime;
import java.util.List;
import java.util.Set;
import org.comptoir.network.GeoPoint;
import org.comptoir.platform.security.Callers;
import org.comptoir.platform.web.ApiProblem;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Delivery promises before purchase, relay points near an address, and the carriers' services. */
@Tag(name = "Delivery")
@RestController
@RequestMapping("/api/v1/fulfilment")
class DeliveryController {

    record RatePayload(@NotNull @Min(1) @Max(1_000_000) Integer maxWeightGrams,
            @NotNull @Min(0) @Max(100_000_000) Long price,
            @NotNull @Pattern(regexp = "[A-Z]{3}", message = "must be an ISO 4217 code such as EUR") String currency) {}

    record ServicePayload(@NotBlank @Size(max = 80) String carrier, @NotBlank @Size(max = 120) String name,
            @NotNull DeliveryMethod method,
            @NotEmpty @Size(max = 60) Set<@Pattern(regexp = "[A-Z]{2}", message = "must be ISO 3166 codes such as FR")
                    String> countries,
            @NotNull LocalTime cutoff, @NotNull @Min(0) @Max(30) Integer transitDays, Boolean active,
            @NotEmpty @Size(max = 50) List<@NotNull @Valid RatePayload> rates) {}

    record Point(@NotNull @DecimalMin("-90") @DecimalMax("90") Double latitude,
            @NotNull @DecimalMin("-180") @DecimalMax("180") Double longitude) {}

    record PromisePayload(@NotBlank @Size(max = 40) String channelCode,
            @NotEmpty @Size(max = Sourcing.MAX_LINES) List<SourcingController.@NotNull @Valid LinePayload> lines,
            @Valid Point destination,
            @Pattern(regexp = "[A-Z]{2}", message = "must be an ISO 3166 code such as FR") String country,
            @Size(max = 40) String pickupStore) {}

    private final Delivery delivery;

    DeliveryController(Delivery delivery) {
        this.delivery = delivery;
    }

    /** The earliest date per delivery method for a basket, nothing held. */
    @PostMapping("/promises")
    List<Delivery.Promise> promise(@Valid @RequestBody PromisePayload p) {
        GeoPoint destination = p.destination() == null ? null
                : new GeoPoint(p.destination().latitude(), p.destination().longitude());
        return delivery.promise(p.channelCode(), p.lines().stream()
                .map(l -> new SourcingEngine.Line(l.sku(), l.quantity())).toList(), destination,
                p.country() == null ? "FR" : p.country(), p.pickupStore(), Callers.current());
    }

    @GetMapping("/relay-points")
    List<Delivery.RelayPoint> relayPoints(@RequestParam double latitude, @RequestParam double longitude,
            @RequestParam(defaultValue = "10") double radiusKm) {
        if (!(radiusKm > 0 && radiusKm <= 100)) {
            throw ApiProblem.invalid("radiusKm", "must be above 0 and at most 100");
        }
        GeoPoint near;
        try {
            near = new GeoPoint(latitude, longitude);
        } catch (IllegalArgumentException e) {
            throw ApiProblem.invalid("latitude", e.getMessage());
        }
        return delivery.relayPoints(near, radiusKm);
    }

    @GetMapping("/carrier-services")
    List<CarrierChoice.Service> services() {
        return delivery.services();
    }

    @PutMapping("/carrier-services/{code}")
    CarrierChoice.Service putService(@PathVariable String code, @Valid @RequestBody ServicePayload p) {
        if (!code.matches("[A-Z0-9][A-Z0-9_-]{0,39}")) {
            throw ApiProblem.invalid("code", "must be 1 to 40 upper-case letters, digits, '-' or '_'");
        }
        if (p.method().pickup()) {
            throw ApiProblem.invalid("method", "carriers deliver: HOME_DELIVERY, HOME_EXPRESS or RELAY_POINT");
        }
        return delivery.putService(new CarrierChoice.Service(code, p.carrier(), p.name(), p.method(),
                Set.copyOf(p.countries()), p.cutoff(), p.transitDays(), p.active() == null || p.active(),
                p.rates().stream().map(r -> new CarrierChoice.Rate(r.maxWeightGrams(), r.price(), r.currency()))
                        .toList()));
    }
}
