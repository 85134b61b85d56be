package org.comptoir.inventory.internal;

import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.time.LocalDate;
import java.util.Optional;
import java.util.UUID;
import org.comptoir.platform.security.Callers;
import org.comptoir.platform.web.ApiProblem;
import org.comptoir.platform.web.CursorPage;
import org.comptoir.platform.web.PageRequest;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@Tag(name = "Inbound supply", description = "Purchase orders and transfers on their way, with expected dates")
@RestController
@RequestMapping("/api/v1/inventory")
class InboundController {

    record ExpectRequest(@NotBlank @Size(max = 40) String locationCode, @NotBlank @Size(max = 64) String sku,
            @NotNull @Min(1) @Max(10_000_000) Integer quantity, @NotNull LocalDate expectedOn,
            @NotBlank @Size(max = 120) String reference) {}

    record TransferRequest(@NotBlank @Size(max = 40) String fromLocationCode,
            @NotBlank @Size(max = 40) String toLocationCode, @NotBlank @Size(max = 64) String sku,
            @NotNull @Min(1) @Max(10_000_000) Integer quantity, @NotNull LocalDate expectedOn,
            @NotBlank @Size(max = 120) String reference) {}

    private final InboundSupply supply;

    InboundController(InboundSupply supply) {
        this.supply = supply;
    }

    @PostMapping("/inbound")
    ResponseEntity<Inbound> expect(@Valid @RequestBody ExpectRequest request) {
        scoped(request.locationCode());
        Inbound inbound = supply.expect(request.locationCode(), request.sku(), request.quantity(),
                request.expectedOn(), request.reference());
        return ResponseEntity.created(URI.create("/api/v1/inventory/inbound/" + inbound.id())).body(inbound);
    }

    @PostMapping("/transfers")
    ResponseEntity<Inbound> transfer(@Valid @RequestBody TransferRequest request) {
        scoped(request.fromLocationCode());
        Inbound inbound = supply.transfer(request.fromLocationCode(), request.toLocationCode(), request.sku(),
                request.quantity(), request.expectedOn(), request.reference(), Callers.current().name());
        return ResponseEntity.created(URI.create("/api/v1/inventory/inbound/" + inbound.id())).body(inbound);
    }

    @GetMapping("/inbound")
    CursorPage<Inbound> list(@RequestParam(required = false) String sku,
            @RequestParam(required = false) String locationCode, @RequestParam(required = false) Inbound.Status status,
            @RequestParam(required = false) Integer limit, @RequestParam(required = false) String cursor) {
        return supply.list(Optional.ofNullable(sku),
                Callers.current().locationCode().or(() -> Optional.ofNullable(locationCode)),
                Optional.ofNullable(status), PageRequest.of(limit, cursor));
    }

    @GetMapping("/inbound/{id}")
    Inbound get(@PathVariable UUID id) {
        Inbound inbound = supply.find(id);
        scoped(inbound.locationCode());
        return inbound;
    }

    @PostMapping("/inbound/{id}/receive")
    Inbound receive(@PathVariable UUID id) {
        scoped(supply.find(id).locationCode());
        return supply.receive(id, Callers.current().name());
    }

    @PostMapping("/inbound/{id}/cancel")
    Inbound cancel(@PathVariable UUID id) {
        scoped(supply.find(id).locationCode());
        return supply.cancel(id);
    }

    private static void scoped(String locationCode) {
        if (!Callers.current().mayAccessLocation(locationCode)) {
            throw ApiProblem.notFound("location", locationCode);
        }
    }
}
