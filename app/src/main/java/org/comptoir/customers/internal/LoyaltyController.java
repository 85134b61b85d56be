package org.comptoir.customers.internal;

import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.UUID;
import org.comptoir.platform.security.Callers;
import org.comptoir.platform.web.ApiProblem;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The loyalty programme: tiers, members, their points and adjustments. */
@Tag(name = "Loyalty")
@RestController
@RequestMapping("/api/v1/loyalty")
class LoyaltyController {

    record EnrolPayload(@NotNull UUID customerId, @Size(max = 40) String cardNumber) {}

    record AdjustmentPayload(@NotNull @Min(-1_000_000) @Max(1_000_000) Long points,
            @NotBlank @Size(max = 200) String reason) {}

    private final Loyalty loyalty;

    LoyaltyController(Loyalty loyalty) {
        this.loyalty = loyalty;
    }

    @GetMapping("/tiers")
    List<Loyalty.Tier> tiers() {
        return loyalty.tiers();
    }

    @PostMapping("/members")
    ResponseEntity<Loyalty.Membership> enrol(@Valid @RequestBody EnrolPayload p) {
        return ResponseEntity.status(HttpStatus.CREATED).body(loyalty.enrol(p.customerId(), p.cardNumber()));
    }

    @GetMapping("/members/{customerId}")
    Loyalty.Membership member(@PathVariable UUID customerId) {
        return loyalty.membership(customerId);
    }

    @PostMapping("/members/{customerId}/adjustments")
    Loyalty.Membership adjust(@PathVariable UUID customerId, @Valid @RequestBody AdjustmentPayload p) {
        if (p.points() == 0) {
            throw ApiProblem.invalid("points", "must not be 0");
        }
        return loyalty.adjust(customerId, p.points(), p.reason(), Callers.current());
    }
}
