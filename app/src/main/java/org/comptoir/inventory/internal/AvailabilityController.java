package org.comptoir.inventory.internal;

import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.Map;
import org.comptoir.network.GeoPoint;
import org.comptoir.platform.security.Callers;
import org.comptoir.platform.web.ApiProblem;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * What can be promised: one SKU everywhere, many SKUs at once, and stores near a point. A storefront
 * key always sees its own channel; back-office keys choose a channel or see the whole network.
 */
@Tag(name = "Availability", description = "Available to promise, per location and channel")
@RestController
@RequestMapping("/api/v1/inventory/availability")
class AvailabilityController {

    static final double MAX_RADIUS_KM = 1000;

    record ManySkus(@Size(max = 40) String channel, @NotEmpty @Size(max = 200) List<@NotNull String> skus) {}

    record NearMe(String sku, String channel, double latitude, double longitude, double radiusKm,
            List<Availability.AtLocation> locations) {}

    private final Availability availability;

    AvailabilityController(Availability availability) {
        this.availability = availability;
    }

    @GetMapping("/{sku}")
    Availability.OfSku ofSku(@PathVariable String sku, @RequestParam(required = false) String channel) {
        return availability.ofSku(sku, channelOf(channel));
    }

    @PostMapping
    Map<String, Availability.OfSku> ofSkus(@Valid @RequestBody ManySkus request) {
        return availability.of(request.skus().stream().distinct().toList(), channelOf(request.channel()));
    }

    @GetMapping("/{sku}/near")
    NearMe near(@PathVariable String sku, @RequestParam double latitude, @RequestParam double longitude,
            @RequestParam(defaultValue = "20") double radiusKm, @RequestParam(required = false) String channel) {
        if (!(radiusKm > 0 && radiusKm <= MAX_RADIUS_KM)) {
            throw ApiProblem.invalid("radiusKm", "must be above 0 and at most " + (int) MAX_RADIUS_KM);
        }
        GeoPoint point;
        try {
            point = new GeoPoint(latitude, longitude);
        } catch (IllegalArgumentException e) {
            throw ApiProblem.invalid(e.getMessage().startsWith("latitude") ? "latitude" : "longitude", e.getMessage());
        }
        String scope = channelOf(channel);
        return new NearMe(sku, scope, latitude, longitude, radiusKm, availability.near(sku, scope, point, radiusKm));
    }

    private static String channelOf(String asked) {
        return Callers.current().channelCode().orElse(asked);
    }
}
