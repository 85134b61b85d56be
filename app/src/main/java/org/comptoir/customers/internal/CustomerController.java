package org.comptoir.customers.internal;

import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.comptoir.customers.ContactChannel;
import org.comptoir.customers.Customers;
import org.comptoir.customers.Purpose;
import org.comptoir.platform.security.Callers;
import org.comptoir.platform.web.ApiProblem;
import org.comptoir.platform.web.CursorPage;
import org.comptoir.platform.web.PageRequest;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Customer profiles: identification from any touchpoint, the profile and its identities, merges and
 * their undoing, consents, the timeline, the 360 view, and the person's rights (export, erasure).
 */
@Tag(name = "Customers", description = "One profile whatever the channel")
@RestController
@RequestMapping("/api/v1/customers")
class CustomerController {

    record IdentityPayload(@NotNull IdentityKind kind, @NotBlank @Size(max = 320) String value, Boolean verified) {}

    record FieldsPayload(@Size(max = 100) String givenName, @Size(max = 100) String familyName, LocalDate birthDate,
            @Size(max = 10) String language, @Size(max = 40) String preferredStore,
            @Size(max = 40) String preferredChannel, @Size(max = 10) List<Profile.Address> addresses,
            @Size(max = 100) Map<String, Object> attributes) {

        Fields fields() {
            return new Fields(givenName, familyName, birthDate, language, preferredStore, preferredChannel, addresses,
                    attributes);
        }
    }

    record IdentifyPayload(@NotEmpty @Size(max = 20) List<@NotNull @Valid IdentityPayload> identities,
            @NotBlank @Size(max = 60) String source, @Valid FieldsPayload profile) {}

    record CreatePayload(@Size(max = 20) List<@NotNull @Valid IdentityPayload> identities,
            @Size(max = 60) String source, @Valid FieldsPayload profile) {}

    record UpdatePayload(@Valid @NotNull FieldsPayload profile, Integer version) {}

    record MergePayload(@NotNull UUID survivorId, @NotNull UUID absorbedId, @NotBlank @Size(max = 300) String reason) {}

    record ConsentPayload(@NotNull ContactChannel channel, @NotNull Purpose purpose, @NotNull Boolean granted,
            @NotBlank @Size(max = 40) String viaChannel, @NotBlank @Size(max = 100) String form,
            @NotBlank @Size(max = 40) String wordingVersion, Boolean doubleOptIn) {}

    record ConfirmPayload(@NotBlank @Size(max = 200) String token) {}

    record ErasurePayload(@NotBlank @Size(max = 200) String reason) {}

    record DefinitionPayload(@NotBlank @Size(max = 60) String name, @NotNull AttributeDefinition.Type type,
            Boolean indexed, @Size(max = 200) String description) {}

    record BlockPayload(@NotNull IdentityKind kind, @NotBlank @Size(max = 320) String pattern,
            @NotBlank @Size(max = 200) String reason) {}

    record ConsentsView(List<ConsentRepository.Entry> current, List<ConsentRepository.Entry> ledger) {}

    private final Profiles profiles;
    private final Resolution resolution;
    private final Identities identities;
    private final Consents consents;
    private final Timeline timeline;
    private final CustomerViews views;
    private final Privacy privacy;

    CustomerController(Profiles profiles, Resolution resolution, Identities identities, Consents consents,
            Timeline timeline, CustomerViews views, Privacy privacy) {
        this.profiles = profiles;
        this.resolution = resolution;
        this.identities = identities;
        this.consents = consents;
        this.timeline = timeline;
        this.views = views;
        this.privacy = privacy;
    }

    /** Recognises the person behind identities seen at a touchpoint, creating or merging profiles. */
    @PostMapping("/identify")
    Resolution.Outcome identify(@Valid @RequestBody IdentifyPayload p) {
        return resolution.identify(given(p.identities()), p.source(), p.profile() == null ? Fields.NONE
                : p.profile().fields(), Callers.current());
    }

    /** A new profile; an identity that already names someone is a 409 that says whom. */
    @PostMapping
    ResponseEntity<CustomerViews.ProfileView> create(@Valid @RequestBody CreatePayload p) {
        Profile created = resolution.create(given(p.identities() == null ? List.of() : p.identities()),
                p.source() == null ? "back-office" : p.source(),
                p.profile() == null ? Fields.NONE : p.profile().fields(), Callers.current());
        return ResponseEntity.status(HttpStatus.CREATED).body(views.profile(created.id()));
    }

    /** Looks a customer up by a reference: an identity ({@code email:…}), an account number, a profile id. */
    @GetMapping
    List<CustomerViews.ProfileView> lookup(@RequestParam(required = false) String ref,
            @RequestParam(required = false) String attribute, @RequestParam(required = false) String value) {
        if (ref != null) {
            return consents.resolve(ref).map(id -> List.of(views.profile(id))).orElse(List.of());
        }
        if (attribute != null && value != null) {
            return profiles.withAttribute(attribute, value).stream().map(views::profile).toList();
        }
        throw ApiProblem.invalid("ref", "look customers up by ref (email:…, phone:…, card:…) or by attribute and value");
    }

    @GetMapping("/{id}")
    CustomerViews.ProfileView get(@PathVariable UUID id) {
        return views.profile(id);
    }

    @PatchMapping("/{id}")
    CustomerViews.ProfileView update(@PathVariable UUID id, @Valid @RequestBody UpdatePayload p) {
        Profile updated = profiles.update(id, p.profile().fields(), p.version());
        return views.profile(updated.id());
    }

    @PostMapping("/{id}/identities")
    ResponseEntity<CustomerRepository.Identity> addIdentity(@PathVariable UUID id,
            @Valid @RequestBody IdentityPayload p) {
        var g = given(List.of(p)).getFirst();
        return ResponseEntity.status(HttpStatus.CREATED).body(resolution.addIdentity(id, g, "back-office"));
    }

    @DeleteMapping("/{id}/identities/{identityId}")
    ResponseEntity<Void> removeIdentity(@PathVariable UUID id, @PathVariable UUID identityId) {
        resolution.removeIdentity(id, identityId);
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/{id}/view")
    CustomerViews.View view(@PathVariable UUID id) {
        return views.view(id);
    }

    /** The merged timeline of the profile (and its aliases), newest first, optionally of some types. */
    @GetMapping("/{id}/timeline")
    CursorPage<TimelineRepository.Touchpoint> timeline(@PathVariable UUID id,
            @RequestParam(required = false) String types, @RequestParam(required = false) Integer limit,
            @RequestParam(required = false) String cursor) {
        PageRequest page = PageRequest.of(limit, cursor);
        Instant beforeAt = null;
        UUID beforeId = null;
        if (page.after().isPresent()) {
            String[] parts = page.after().get().split("\\|");
            try {
                beforeAt = Instant.parse(parts[0]);
                beforeId = UUID.fromString(parts[1]);
            } catch (RuntimeException e) {
                throw ApiProblem.invalid("cursor", "is not a cursor returned by this API");
            }
        }
        Set<TouchpointType> wanted = EnumSet.noneOf(TouchpointType.class);
        if (types != null && !types.isBlank()) {
            for (String t : types.split(",")) {
                try {
                    wanted.add(TouchpointType.valueOf(t.strip()));
                } catch (IllegalArgumentException e) {
                    throw ApiProblem.invalid("types", t + " is not one of " + Arrays.toString(TouchpointType.values()));
                }
            }
        }
        var fetched = timeline.page(id, wanted, beforeAt, beforeId, page.limit() + 1);
        return CursorPage.of(fetched, page, t -> t.occurredAt() + "|" + t.id());
    }

    @PostMapping("/merges")
    ResponseEntity<CustomerRepository.Merge> merge(@Valid @RequestBody MergePayload p) {
        return ResponseEntity.status(HttpStatus.CREATED)
                .body(resolution.mergeByAgent(p.survivorId(), p.absorbedId(), p.reason(), Callers.current()));
    }

    @PostMapping("/merges/{mergeId}/undo")
    CustomerRepository.Merge unmerge(@PathVariable UUID mergeId) {
        return resolution.unmerge(mergeId, Callers.current());
    }

    @GetMapping("/{id}/merges")
    List<CustomerRepository.Merge> merges(@PathVariable UUID id) {
        return resolution.merges(id);
    }

    @GetMapping("/{id}/consents")
    ConsentsView consents(@PathVariable UUID id) {
        return new ConsentsView(consents.current(id), consents.ledger(id));
    }

    @PostMapping("/{id}/consents")
    ResponseEntity<Consents.Recorded> consent(@PathVariable UUID id, @Valid @RequestBody ConsentPayload p) {
        return ResponseEntity.status(HttpStatus.CREATED).body(consents.record(id, new Consents.Record(p.channel(),
                p.purpose(), p.granted(), p.viaChannel(), p.form(), p.wordingVersion(),
                Boolean.TRUE.equals(p.doubleOptIn())), Callers.current()));
    }

    /** The person confirms a double opt-in with the token they were sent. */
    @PostMapping("/consents/confirm")
    ConsentRepository.Entry confirm(@Valid @RequestBody ConfirmPayload p) {
        return consents.confirm(p.token());
    }

    /** "May we contact this person on this channel for this purpose, now?" */
    @GetMapping("/{id}/contactability")
    Customers.Contactability contactability(@PathVariable UUID id, @RequestParam ContactChannel channel,
            @RequestParam Purpose purpose) {
        return consents.mayContact(id, channel, purpose);
    }

    /** Right of access: everything held about the person, from every module. */
    @GetMapping("/{id}/export")
    ResponseEntity<Map<String, Object>> export(@PathVariable UUID id) {
        return ResponseEntity.ok().header(HttpHeaders.CONTENT_DISPOSITION,
                "attachment; filename=\"customer-" + id + ".json\"").body(privacy.export(id));
    }

    /** Right to erasure: personal data anonymised everywhere; orders stay for accounting. */
    @PostMapping("/{id}/erasure")
    ResponseEntity<ErasureRepository.Erasure> erase(@PathVariable UUID id, @Valid @RequestBody ErasurePayload p) {
        return ResponseEntity.status(HttpStatus.CREATED).body(privacy.erase(id, p.reason(), Callers.current()));
    }

    @GetMapping("/attributes")
    List<AttributeDefinition> definitions() {
        return profiles.definitions();
    }

    @PostMapping("/attributes")
    ResponseEntity<AttributeDefinition> define(@Valid @RequestBody DefinitionPayload p) {
        return ResponseEntity.status(HttpStatus.CREATED).body(profiles.define(new AttributeDefinition(p.name(),
                p.type(), Boolean.TRUE.equals(p.indexed()), p.description())));
    }

    @GetMapping("/blocked-identities")
    List<CustomerRepository.Blocked> blocked() {
        return resolution.blocked();
    }

    @PostMapping("/blocked-identities")
    ResponseEntity<CustomerRepository.Blocked> block(@Valid @RequestBody BlockPayload p) {
        String pattern = p.pattern().endsWith("*") ? p.pattern().strip()
                : identities.normalise(p.kind(), p.pattern(), "pattern");
        return ResponseEntity.status(HttpStatus.CREATED).body(resolution.block(p.kind(), pattern, p.reason()));
    }

    @DeleteMapping("/blocked-identities")
    ResponseEntity<Void> unblock(@RequestParam IdentityKind kind, @RequestParam String pattern) {
        resolution.unblock(kind, pattern);
        return ResponseEntity.noContent().build();
    }

    private List<Identities.Given> given(List<IdentityPayload> payloads) {
        List<Identities.Given> given = new ArrayList<>();
        List<ApiProblem.FieldError> errors = new ArrayList<>();
        for (int i = 0; i < payloads.size(); i++) {
            IdentityPayload p = payloads.get(i);
            try {
                given.add(new Identities.Given(p.kind(), identities.normalise(p.kind(), p.value(),
                        "identities[" + i + "].value"), Boolean.TRUE.equals(p.verified())));
            } catch (ApiProblem e) {
                errors.addAll(e.errors());
            }
        }
        if (!errors.isEmpty()) {
            throw ApiProblem.invalid(errors);
        }
        return given;
    }
}
