package org.comptoir.access.internal;

import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.comptoir.platform.security.Role;
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

@Tag(name = "API keys", description = "Keys of back-office users and integrations (admins only)")
@RestController
@RequestMapping("/api/v1/api-keys")
class ApiKeyController {

    record CreateApiKey(@NotBlank @Size(max = 200) String name, @NotEmpty Set<@NotNull Role> roles,
            @Size(max = 40) String locationCode, Instant expiresAt) {}

    /** {@code overlap}: how long the old key keeps working beside the new one (ISO 8601, default PT24H). */
    record Rotation(java.time.Duration overlap) {}

    record ApiKeyView(UUID id, String name, String prefix, Set<Role> roles, String locationCode, Instant createdAt,
            Instant revokedAt, Instant expiresAt, UUID replacedBy) {
        static ApiKeyView of(ApiKey key) {
            return new ApiKeyView(key.id(), key.name(), key.prefix(), key.roles(), key.locationCode().orElse(null),
                    key.createdAt(), key.revokedAt().orElse(null), key.expiresAt().orElse(null),
                    key.replacedBy().orElse(null));
        }
    }

    /** The creation answer is the only one that carries the secret. */
    record CreatedApiKey(UUID id, String name, String prefix, Set<Role> roles, String locationCode,
            Instant createdAt, Instant expiresAt, String key) {
        static CreatedApiKey of(ApiKeys.IssuedKey issued) {
            ApiKey key = issued.key();
            return new CreatedApiKey(key.id(), key.name(), key.prefix(), key.roles(), key.locationCode().orElse(null),
                    key.createdAt(), key.expiresAt().orElse(null), issued.secret());
        }
    }

    private final ApiKeys keys;

    ApiKeyController(ApiKeys keys) {
        this.keys = keys;
    }

    @PostMapping
    ResponseEntity<CreatedApiKey> create(@Valid @RequestBody CreateApiKey request) {
        var issued = keys.issue(request.name().trim(), request.roles(), Optional.ofNullable(request.locationCode()),
                Optional.ofNullable(request.expiresAt()));
        return ResponseEntity.created(URI.create("/api/v1/api-keys/" + issued.key().id()))
                .body(CreatedApiKey.of(issued));
    }

    /** A successor key (its secret in this answer only); the old one works until the overlap ends. */
    @PostMapping("/{id}/rotation")
    ResponseEntity<CreatedApiKey> rotate(@PathVariable UUID id, @RequestBody(required = false) Rotation request) {
        var overlap = request == null || request.overlap() == null ? java.time.Duration.ofHours(24) : request.overlap();
        var issued = keys.rotate(id, overlap);
        return ResponseEntity.created(URI.create("/api/v1/api-keys/" + issued.key().id()))
                .body(CreatedApiKey.of(issued));
    }

    @GetMapping
    CursorPage<ApiKeyView> list(@RequestParam(required = false) Integer limit,
            @RequestParam(required = false) String cursor) {
        return keys.list(PageRequest.of(limit, cursor)).map(ApiKeyView::of);
    }

    @GetMapping("/{id}")
    ApiKeyView get(@PathVariable UUID id) {
        return ApiKeyView.of(keys.find(id));
    }

    /** Revocation keeps the record (who had access when) and takes effect on the next request. */
    @DeleteMapping("/{id}")
    ResponseEntity<Void> revoke(@PathVariable UUID id) {
        keys.revoke(id);
        return ResponseEntity.noContent().build();
    }
}
