package org.comptoir.customers.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;
import org.comptoir.network.Network;
import org.comptoir.platform.web.ApiProblem;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Profiles read and written: fields checked, custom attributes typed and indexed, aliases resolved. */
@Service
class Profiles {

    private static final Pattern LANGUAGE = Pattern.compile("[a-z]{2}(-[A-Z]{2})?");
    private static final Pattern ATTRIBUTE_NAME = Pattern.compile("[a-z][a-zA-Z0-9_]{0,59}");
    private static final int MAX_ADDRESSES = 10;

    private final CustomerRepository customers;
    private final Network network;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    Profiles(CustomerRepository customers, Network network, ApplicationEventPublisher events, Clock clock) {
        this.customers = customers;
        this.network = network;
        this.events = events;
        this.clock = clock;
    }

    /** The profile an id names, following merges; erased profiles are answered as they are (empty). */
    @Transactional(readOnly = true)
    Profile find(UUID id) {
        return customers.root(id).orElseThrow(() -> ApiProblem.notFound("customer", id));
    }

    Optional<Profile> root(UUID id) {
        return customers.root(id);
    }

    @Transactional
    Profile createNew(Fields fields) {
        Profile profile = create(fields, clock.instant());
        events.publishEvent(CustomerChanged.anything(profile.id()));
        return profile;
    }

    /** A new, empty profile with the fields given (checked first). */
    Profile create(Fields fields, Instant now) {
        Profile blank = new Profile(org.comptoir.platform.persistence.Ids.newId(), Profile.Status.ACTIVE, null, null,
                null, null, null, null, null, List.of(), Map.of(), now, now, now, 1);
        Profile profile = apply(blank, fields, false);
        customers.insert(profile);
        customers.index(profile.id(), profile.attributes(), customers.definitions());
        return profile;
    }

    /** Writes the fields given over the profile's (PATCH semantics). */
    @Transactional
    Profile update(UUID id, Fields fields, Integer expectedVersion) {
        Profile current = active(id);
        if (expectedVersion != null && expectedVersion != current.version()) {
            throw new ApiProblem(HttpStatus.PRECONDITION_FAILED, "version-mismatch", "Version mismatch",
                    "The profile is at version " + current.version()).with("version", current.version());
        }
        Profile updated = apply(current, fields, false);
        save(updated);
        events.publishEvent(CustomerChanged.anything(updated.id()));
        return customers.find(updated.id()).orElseThrow();
    }

    /** Fills the profile's empty fields from what a touchpoint or a till observed. */
    Profile fillBlanks(Profile current, Fields fields) {
        Profile filled = apply(current, fields, true);
        if (!filled.equals(current)) {
            save(filled);
            return customers.find(filled.id()).orElseThrow();
        }
        return current;
    }

    void save(Profile p) {
        Profile next = new Profile(p.id(), p.status(), p.mergedInto(), p.givenName(), p.familyName(), p.birthDate(),
                p.language(), p.preferredStore(), p.preferredChannel(), p.addresses(), p.attributes(), p.createdAt(),
                clock.instant(), p.lastSeenAt(), p.version() + 1);
        if (!customers.update(next)) {
            throw ApiProblem.conflict("concurrent-update", "The profile changed meanwhile; read it again");
        }
        customers.index(p.id(), p.attributes(), customers.definitions());
    }

    /** The active profile an id resolves to; a 409 for an erased one. */
    Profile active(UUID id) {
        Profile profile = customers.root(id).orElseThrow(() -> ApiProblem.notFound("customer", id));
        if (profile.status() != Profile.Status.ACTIVE) {
            throw ApiProblem.conflict("customer-erased", "Customer " + id + " was erased");
        }
        return profile;
    }

    private Profile apply(Profile p, Fields f, boolean blanksOnly) {
        if (f == null) {
            return p;
        }
        String given = pick(p.givenName(), text(f.givenName(), "givenName", 100), blanksOnly);
        String family = pick(p.familyName(), text(f.familyName(), "familyName", 100), blanksOnly);
        LocalDate birth = pick(p.birthDate(), birthDate(f.birthDate()), blanksOnly);
        String language = pick(p.language(), language(f.language()), blanksOnly);
        String store = pick(p.preferredStore(), store(f.preferredStore()), blanksOnly);
        String channel = pick(p.preferredChannel(), channel(f.preferredChannel()), blanksOnly);
        List<Profile.Address> addresses = p.addresses();
        if (f.addresses() != null && !(blanksOnly && !addresses.isEmpty())) {
            addresses = addresses(f.addresses());
        }
        Map<String, Object> attributes = p.attributes();
        if (f.attributes() != null && !f.attributes().isEmpty()) {
            attributes = attributes(p.attributes(), f.attributes(), blanksOnly);
        }
        return new Profile(p.id(), p.status(), p.mergedInto(), given, family, birth, language, store, channel,
                addresses, attributes, p.createdAt(), p.updatedAt(), p.lastSeenAt(), p.version());
    }

    private static <T> T pick(T current, T given, boolean blanksOnly) {
        if (given == null || (blanksOnly && current != null)) {
            return current;
        }
        return given;
    }

    private static String text(String value, String field, int max) {
        if (value == null) {
            return null;
        }
        String v = value.strip();
        if (v.isEmpty() || v.length() > max) {
            throw ApiProblem.invalid(field, "must be 1 to " + max + " characters");
        }
        return v;
    }

    private LocalDate birthDate(LocalDate date) {
        if (date != null && (date.isAfter(LocalDate.now(clock)) || date.isBefore(LocalDate.of(1900, 1, 1)))) {
            throw ApiProblem.invalid("birthDate", "must be between 1900-01-01 and today");
        }
        return date;
    }

    private static String language(String language) {
        if (language != null && !LANGUAGE.matcher(language).matches()) {
            throw ApiProblem.invalid("language", "must be a language tag such as fr or fr-FR");
        }
        return language;
    }

    private String store(String code) {
        if (code != null && network.location(code).isEmpty()) {
            throw ApiProblem.invalid("preferredStore", "no location has the code " + code);
        }
        return code;
    }

    private String channel(String code) {
        if (code != null && network.channel(code).isEmpty()) {
            throw ApiProblem.invalid("preferredChannel", "no channel has the code " + code);
        }
        return code;
    }

    private static List<Profile.Address> addresses(List<Profile.Address> given) {
        if (given.size() > MAX_ADDRESSES) {
            throw ApiProblem.invalid("addresses", "at most " + MAX_ADDRESSES + " addresses");
        }
        List<Profile.Address> checked = new ArrayList<>();
        for (int i = 0; i < given.size(); i++) {
            Profile.Address a = given.get(i);
            String at = "addresses[" + i + "]";
            if (a == null || a.line1() == null || a.line1().isBlank() || a.line1().length() > 200) {
                throw ApiProblem.invalid(at + ".line1", "is required (at most 200 characters)");
            }
            if (a.postalCode() == null || a.postalCode().isBlank() || a.postalCode().length() > 20) {
                throw ApiProblem.invalid(at + ".postalCode", "is required (at most 20 characters)");
            }
            if (a.city() == null || a.city().isBlank() || a.city().length() > 100) {
                throw ApiProblem.invalid(at + ".city", "is required (at most 100 characters)");
            }
            if (a.country() == null || !a.country().matches("[A-Z]{2}")) {
                throw ApiProblem.invalid(at + ".country", "must be an ISO 3166 country code such as FR");
            }
            if ((a.latitude() == null) != (a.longitude() == null) || (a.latitude() != null
                    && (Math.abs(a.latitude()) > 90 || Math.abs(a.longitude()) > 180))) {
                throw ApiProblem.invalid(at + ".latitude", "latitude (-90..90) and longitude (-180..180) go together");
            }
            checked.add(a);
        }
        return checked;
    }

    private Map<String, Object> attributes(Map<String, Object> current, Map<String, Object> given,
            boolean blanksOnly) {
        Map<String, AttributeDefinition> definitions = new LinkedHashMap<>();
        customers.definitions().forEach(d -> definitions.put(d.name(), d));
        Map<String, Object> merged = new LinkedHashMap<>(current);
        given.forEach((name, value) -> {
            AttributeDefinition definition = definitions.get(name);
            if (definition == null) {
                throw ApiProblem.invalid("attributes." + name, "is not a declared attribute (declare it first)");
            }
            if (blanksOnly && merged.containsKey(name)) {
                return;
            }
            Object checked = definition.check(value);
            if (checked == null) {
                merged.remove(name);
            } else {
                merged.put(name, checked);
            }
        });
        return merged;
    }

    // Custom attribute definitions

    @Transactional(readOnly = true)
    List<AttributeDefinition> definitions() {
        return customers.definitions();
    }

    @Transactional
    AttributeDefinition define(AttributeDefinition definition) {
        if (definition.name() == null || !ATTRIBUTE_NAME.matcher(definition.name()).matches()) {
            throw ApiProblem.invalid("name", "must start with a lower-case letter: letters, digits, _ (at most 60)");
        }
        if (customers.definitions().stream().anyMatch(d -> d.name().equals(definition.name()))) {
            throw ApiProblem.conflict("attribute-exists", "Attribute " + definition.name() + " is already declared");
        }
        customers.define(definition);
        return definition;
    }

    @Transactional(readOnly = true)
    List<UUID> withAttribute(String name, String value) {
        AttributeDefinition definition = customers.definitions().stream().filter(d -> d.name().equals(name))
                .findFirst().orElseThrow(() -> ApiProblem.invalid("attribute", "no attribute is declared as " + name));
        if (!definition.indexed()) {
            throw ApiProblem.invalid("attribute", name + " is not indexed: declare it indexed to look profiles up by it");
        }
        return customers.withAttribute(name, value, 200);
    }
}
