package org.comptoir.customers.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.comptoir.customers.CustomerUnmerged;
import org.comptoir.customers.CustomersMerged;
import org.comptoir.platform.persistence.Ids;
import org.comptoir.platform.security.Caller;
import org.comptoir.platform.web.ApiProblem;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Identity resolution. An incoming identity is matched exactly on its normalised value; blocked
 * values never match. When the identities of one request name several profiles, the profile named by
 * the strongest identity absorbs the others, unless two of them hold conflicting strong identities
 * (two loyalty cards, more strong identities of a kind than a profile may hold): those are left apart
 * for an agent to look at. A merge keeps everything and can be undone.
 */
@Service
class Resolution {

    /** An identity that was not attached, and why. */
    record Refused(IdentityKind kind, String value, String reason) {}

    /** What identification did: the profile, whether it is new, whom it absorbed, whom it could not. */
    record Outcome(Profile profile, boolean created, List<UUID> merged, List<UUID> conflicts, List<Refused> refused) {}

    private final CustomerRepository customers;
    private final Profiles profiles;
    private final Identities identities;
    private final List<OwnedRows> owned;
    private final LoyaltyRepository loyalty;
    private final TimelineRepository timeline;
    private final OrderLinkRepository orderLinks;
    private final CustomersSettings settings;
    private final ApplicationEventPublisher events;
    private final ObjectMapper json;
    private final Clock clock;

    Resolution(CustomerRepository customers, Profiles profiles, Identities identities, List<OwnedRows> owned,
            LoyaltyRepository loyalty, TimelineRepository timeline, OrderLinkRepository orderLinks,
            CustomersSettings settings, ApplicationEventPublisher events, ObjectMapper json, Clock clock) {
        this.orderLinks = orderLinks;
        this.customers = customers;
        this.profiles = profiles;
        this.identities = identities;
        this.owned = owned;
        this.loyalty = loyalty;
        this.timeline = timeline;
        this.settings = settings;
        this.events = events;
        this.json = json;
        this.clock = clock;
    }

    /**
     * Finds or creates the profile the identities name, merging the profiles they name when nothing
     * conflicts, attaches the new identities, stitches a device's anonymous touchpoints and fills the
     * profile's empty fields from {@code fields}.
     */
    @Transactional
    Outcome identify(List<Identities.Given> given, String source, Fields fields, Caller caller) {
        Instant now = clock.instant();
        List<Refused> refused = new ArrayList<>();
        List<CustomerRepository.Blocked> blockedValues = customers.blocked();
        Map<String, Identities.Given> usable = new LinkedHashMap<>();
        for (Identities.Given g : given) {
            if (identities.blocked(g.kind(), g.value(), blockedValues)) {
                refused.add(new Refused(g.kind(), g.value(), "blocked: this value never identifies anyone"));
            } else {
                usable.merge(g.ref(), g, (a, b) -> a.verified() ? a : b);
            }
        }
        Map<String, CustomerRepository.Identity> known = new HashMap<>();
        customers.identities(usable.values()).forEach(i -> known.put(i.ref(), i));
        // The strongest identity naming each profile decides which one absorbs the others.
        Map<UUID, Integer> rankOf = new LinkedHashMap<>();
        Map<UUID, String> matchedOn = new HashMap<>();
        for (CustomerRepository.Identity i : known.values()) {
            Profile root = customers.root(i.customerId()).orElseThrow();
            if (root.status() != Profile.Status.ACTIVE) {
                continue;
            }
            int rank = settings.rank(i.kind(), i.verified() || usable.get(i.ref()).verified());
            if (rank < rankOf.getOrDefault(root.id(), Integer.MAX_VALUE)) {
                rankOf.put(root.id(), rank);
                matchedOn.put(root.id(), i.kind().name());
            }
        }
        boolean created = false;
        List<UUID> merged = new ArrayList<>();
        List<UUID> conflicts = new ArrayList<>();
        Profile profile;
        if (rankOf.isEmpty()) {
            profile = profiles.create(Fields.NONE, now);
            created = true;
        } else {
            Map<UUID, Profile> locked = customers.lock(rankOf.keySet());
            UUID survivor = rankOf.keySet().stream().min(Comparator.comparing((UUID id) -> rankOf.get(id))
                    .thenComparing(id -> locked.get(id).createdAt()).thenComparing(id -> id)).orElseThrow();
            for (UUID other : rankOf.keySet()) {
                if (other.equals(survivor)) {
                    continue;
                }
                String conflict = conflict(survivor, other);
                if (conflict != null) {
                    conflicts.add(other);
                } else {
                    merge(survivor, other, "auto:" + matchedOn.get(other),
                            "the same person: identities of one " + source + " request name both profiles",
                            caller.name());
                    merged.add(other);
                }
            }
            profile = customers.find(survivor).orElseThrow();
        }
        List<CustomerRepository.Identity> held = new ArrayList<>(customers.identities(profile.id()));
        for (Identities.Given g : usable.values()) {
            CustomerRepository.Identity existing = known.get(g.ref());
            if (existing != null) {
                UUID owner = customers.root(existing.customerId()).map(Profile::id).orElse(null);
                if (profile.id().equals(owner)) {
                    customers.seenIdentity(existing.id(), g.verified(), now);
                }
                continue;
            }
            String why = attachable(profile.id(), g, held);
            if (why != null) {
                refused.add(new Refused(g.kind(), g.value(), why));
                continue;
            }
            CustomerRepository.Identity identity = new CustomerRepository.Identity(Ids.newId(), profile.id(),
                    profile.id(), g.kind(), g.value(), g.verified(), source, now, now);
            if (!customers.insert(identity)) {
                refused.add(new Refused(g.kind(), g.value(), "recorded for another profile at the same moment"));
                continue;
            }
            held.add(identity);
            attached(profile.id(), identity, now);
        }
        profile = profiles.fillBlanks(customers.find(profile.id()).orElseThrow(), fields);
        customers.seen(List.of(profile.id()), now);
        events.publishEvent(CustomerChanged.anything(profile.id()));
        return new Outcome(customers.find(profile.id()).orElseThrow(), created, merged, conflicts, refused);
    }

    /** A new profile with its identities; one that already names someone is a 409 that says whom. */
    @Transactional
    Profile create(List<Identities.Given> given, String source, Fields fields, Caller caller) {
        for (Identities.Given g : given) {
            customers.identity(g.kind(), g.value()).ifPresent(existing -> {
                throw ApiProblem.conflict("identity-taken", g.ref() + " already identifies a customer")
                        .with("customerId", customers.root(existing.customerId()).orElseThrow().id());
            });
        }
        if (given.isEmpty()) {
            return profiles.createNew(fields);
        }
        Outcome outcome = identify(given, source, fields, caller);
        if (!outcome.refused().isEmpty()) {
            Refused refused = outcome.refused().getFirst();
            throw new ApiProblem(org.springframework.http.HttpStatus.UNPROCESSABLE_CONTENT, "identity-refused",
                    "Identity refused", refused.kind() + " " + refused.value() + ": " + refused.reason());
        }
        return outcome.profile();
    }

    @Transactional(readOnly = true)
    List<CustomerRepository.Blocked> blocked() {
        return customers.blocked();
    }

    @Transactional
    CustomerRepository.Blocked block(IdentityKind kind, String pattern, String reason) {
        var blocked = new CustomerRepository.Blocked(kind, pattern, reason, clock.instant());
        customers.block(blocked);
        return blocked;
    }

    @Transactional
    void unblock(IdentityKind kind, String pattern) {
        if (customers.unblock(kind, pattern) == 0) {
            throw ApiProblem.notFound("blocked identity", kind + ":" + pattern);
        }
    }

    /** An identity an agent or a form adds to a known profile. */
    @Transactional
    CustomerRepository.Identity addIdentity(UUID customerId, Identities.Given g, String source) {
        Profile profile = profiles.active(customerId);
        customers.lock(List.of(profile.id()));
        if (identities.blocked(g.kind(), g.value(), customers.blocked())) {
            throw new ApiProblem(org.springframework.http.HttpStatus.UNPROCESSABLE_CONTENT, "identity-blocked",
                    "Blocked identity", g.ref() + " is a blocked value: it never identifies anyone");
        }
        var existing = customers.identity(g.kind(), g.value());
        if (existing.isPresent()) {
            UUID owner = customers.root(existing.get().customerId()).map(Profile::id).orElseThrow();
            if (!owner.equals(profile.id())) {
                throw ApiProblem.conflict("identity-taken", g.ref() + " identifies another customer; merge them if "
                        + "they are the same person").with("customerId", owner);
            }
            customers.seenIdentity(existing.get().id(), g.verified(), clock.instant());
            return customers.identity(g.kind(), g.value()).orElseThrow();
        }
        String why = attachable(profile.id(), g, customers.identities(profile.id()));
        if (why != null) {
            throw ApiProblem.conflict("identity-limit", why);
        }
        Instant now = clock.instant();
        var identity = new CustomerRepository.Identity(Ids.newId(), profile.id(), profile.id(), g.kind(), g.value(),
                g.verified(), source, now, now);
        if (!customers.insert(identity)) {
            throw ApiProblem.conflict("identity-taken", g.ref() + " was just recorded for another customer");
        }
        attached(profile.id(), identity, now);
        events.publishEvent(CustomerChanged.anything(profile.id()));
        return identity;
    }

    @Transactional
    void removeIdentity(UUID customerId, UUID identityId) {
        Profile profile = profiles.active(customerId);
        if (customers.deleteIdentity(profile.id(), identityId) == 0) {
            throw ApiProblem.notFound("identity", identityId);
        }
        events.publishEvent(CustomerChanged.anything(profile.id()));
    }

    private String attachable(UUID customerId, Identities.Given g, List<CustomerRepository.Identity> held) {
        long same = held.stream().filter(i -> i.kind() == g.kind()).count();
        if (same >= settings.limitOf(g.kind())) {
            return "the profile already holds " + same + " " + g.kind() + " identit" + (same == 1 ? "y" : "ies")
                    + " (the limit)";
        }
        if (g.kind() == IdentityKind.LOYALTY_CARD) {
            var account = loyalty.account(customerId, false);
            if (account.isPresent() && !account.get().cardNumber().equals(g.value())) {
                return "the customer is already a member with card " + account.get().cardNumber();
            }
            if (loyalty.byCard(g.value()).filter(a -> !a.customerId().equals(customerId)).isPresent()) {
                return "the card belongs to another member";
            }
        }
        return null;
    }

    /** A device's anonymous touchpoints become the profile's; a card seen for the first time enrols its holder. */
    private void attached(UUID customerId, CustomerRepository.Identity identity, Instant now) {
        if (identity.kind() == IdentityKind.DEVICE) {
            timeline.stitch(identity.value(), customerId);
        }
        if (identity.kind() == IdentityKind.LOYALTY_CARD && loyalty.account(customerId, false).isEmpty()) {
            loyalty.insert(new LoyaltyRepository.Account(customerId, identity.value(), Loyalty.lowestTier(settings), 0,
                    now, 1));
        }
    }

    /**
     * Why two profiles must not be merged automatically: both are loyalty members, or together they
     * would hold more strong identities of a kind than one profile may. Null when nothing conflicts.
     */
    String conflict(UUID a, UUID b) {
        if (loyalty.account(a, false).isPresent() && loyalty.account(b, false).isPresent()) {
            return "both are loyalty members with their own card";
        }
        Map<IdentityKind, Set<String>> strong = new HashMap<>();
        for (CustomerRepository.Identity i : customers.identitiesOf(List.of(a, b))) {
            if (settings.isStrong(i.kind(), i.verified())) {
                strong.computeIfAbsent(i.kind(), k -> new LinkedHashSet<>()).add(i.value());
            }
        }
        for (var e : strong.entrySet()) {
            if (e.getValue().size() > settings.limitOf(e.getKey())) {
                return "together they hold " + e.getValue().size() + " strong " + e.getKey() + " identities";
            }
        }
        return null;
    }

    /** An agent merges two profiles they know to be one person. */
    @Transactional
    CustomerRepository.Merge mergeByAgent(UUID survivorId, UUID absorbedId, String reason, Caller caller) {
        Profile survivor = profiles.active(survivorId);
        Profile absorbed = profiles.active(absorbedId);
        if (survivor.id().equals(absorbed.id())) {
            throw ApiProblem.invalid("absorbedId", "is already the same customer as survivorId");
        }
        customers.lock(List.of(survivor.id(), absorbed.id()));
        if (loyalty.account(survivor.id(), false).isPresent() && loyalty.account(absorbed.id(), false).isPresent()) {
            throw ApiProblem.conflict("two-loyalty-members", "Both customers are loyalty members with their own "
                    + "card: close one membership first");
        }
        return merge(survivor.id(), absorbed.id(), "agent", reason, caller.name());
    }

    /** Merges {@code absorbedId} into {@code survivorId}; both are locked by the caller. */
    private CustomerRepository.Merge merge(UUID survivorId, UUID absorbedId, String rule, String reason,
            String actor) {
        Instant now = clock.instant();
        Profile s = customers.find(survivorId).orElseThrow();
        Profile a = customers.find(absorbedId).orElseThrow();
        ObjectNode before = json.createObjectNode();
        ObjectNode filled = before.putObject("filled");
        String givenName = fill(filled, "givenName", s.givenName(), a.givenName());
        String familyName = fill(filled, "familyName", s.familyName(), a.familyName());
        java.time.LocalDate birthDate = s.birthDate() != null ? s.birthDate() : a.birthDate();
        if (s.birthDate() == null && a.birthDate() != null) {
            filled.put("birthDate", a.birthDate().toString());
        }
        String language = fill(filled, "language", s.language(), a.language());
        String store = fill(filled, "preferredStore", s.preferredStore(), a.preferredStore());
        String channel = fill(filled, "preferredChannel", s.preferredChannel(), a.preferredChannel());
        List<Profile.Address> addresses = new ArrayList<>(s.addresses());
        var addedAddresses = before.putArray("addedAddresses");
        for (Profile.Address address : a.addresses()) {
            if (!addresses.contains(address) && addresses.size() < 10) {
                Profile.Address added = addresses.isEmpty() ? address : new Profile.Address(address.label(),
                        address.line1(), address.line2(), address.postalCode(), address.city(), address.country(),
                        address.latitude(), address.longitude(), false);
                addresses.add(added);
                addedAddresses.addPOJO(added);
            }
        }
        Map<String, Object> attributes = new LinkedHashMap<>(s.attributes());
        var addedAttributes = before.putArray("addedAttributes");
        a.attributes().forEach((k, v) -> {
            if (!attributes.containsKey(k)) {
                attributes.put(k, v);
                addedAttributes.add(k);
            }
        });
        owned.forEach(rows -> rows.move(a.id(), s.id()));
        if (loyalty.account(s.id(), false).isEmpty() && loyalty.account(a.id(), false).isPresent()) {
            loyalty.moveAccount(a.id(), s.id());
            before.put("accountMoved", true);
        }
        profiles.save(new Profile(s.id(), s.status(), null, givenName, familyName, birthDate, language, store, channel,
                addresses, attributes, s.createdAt(), now, later(s.lastSeenAt(), a.lastSeenAt()), s.version()));
        profiles.save(new Profile(a.id(), Profile.Status.MERGED, s.id(), a.givenName(), a.familyName(), a.birthDate(),
                a.language(), a.preferredStore(), a.preferredChannel(), a.addresses(), a.attributes(), a.createdAt(),
                now, a.lastSeenAt(), a.version()));
        var merge = new CustomerRepository.Merge(Ids.newId(), s.id(), a.id(), rule, reason, actor,
                json.writeValueAsString(before), now, null, null);
        customers.insert(merge);
        events.publishEvent(new CustomersMerged(Ids.newId(), now, s.id(), a.id(), merge.id(), rule));
        events.publishEvent(CustomerChanged.anything(s.id()));
        return merge;
    }

    /**
     * Undoes a merge: the absorbed profile is active again with everything it brought (identities,
     * consents, touchpoints, loyalty points and card, and those of the profiles it had absorbed), and
     * the fields it had filled on the survivor are cleared if nobody changed them since.
     */
    @Transactional
    CustomerRepository.Merge unmerge(UUID mergeId, Caller caller) {
        var merge = customers.merge(mergeId, true).orElseThrow(() -> ApiProblem.notFound("merge", mergeId));
        if (merge.undoneAt() != null) {
            throw ApiProblem.conflict("merge-undone", "Merge " + mergeId + " was already undone");
        }
        Map<UUID, Profile> locked = customers.lock(List.of(merge.survivorId(), merge.absorbedId()));
        Profile a = locked.get(merge.absorbedId());
        Profile s = locked.get(merge.survivorId());
        if (a == null || a.status() != Profile.Status.MERGED || !merge.survivorId().equals(a.mergedInto())
                || s.status() == Profile.Status.ERASED) {
            throw ApiProblem.conflict("merge-not-undoable", "The profiles of merge " + mergeId + " changed since "
                    + "(erased or merged again): it cannot be undone");
        }
        Instant now = clock.instant();
        Set<UUID> side = customers.subtree(a.id());
        owned.forEach(rows -> rows.giveBack(side, a.id()));
        var before = (ObjectNode) json.readTree(merge.survivorBefore());
        if (before.path("accountMoved").asBoolean(false)) {
            loyalty.moveAccount(s.id(), a.id());
        }
        var filled = before.path("filled");
        List<Profile.Address> addresses = new ArrayList<>(s.addresses());
        before.path("addedAddresses").forEach(node -> addresses.remove(json.treeToValue(node, Profile.Address.class)));
        Map<String, Object> attributes = new LinkedHashMap<>(s.attributes());
        before.path("addedAttributes").forEach(k -> {
            if (Objects.equals(attributes.get(k.asString()), a.attributes().get(k.asString()))) {
                attributes.remove(k.asString());
            }
        });
        profiles.save(new Profile(s.id(), s.status(), s.mergedInto(), unfill(filled, "givenName", s.givenName()),
                unfill(filled, "familyName", s.familyName()),
                filled.has("birthDate") && s.birthDate() != null
                        && s.birthDate().toString().equals(filled.path("birthDate").asString()) ? null : s.birthDate(),
                unfill(filled, "language", s.language()), unfill(filled, "preferredStore", s.preferredStore()),
                unfill(filled, "preferredChannel", s.preferredChannel()), addresses, attributes, s.createdAt(), now,
                s.lastSeenAt(), s.version()));
        profiles.save(new Profile(a.id(), Profile.Status.ACTIVE, null, a.givenName(), a.familyName(), a.birthDate(),
                a.language(), a.preferredStore(), a.preferredChannel(), a.addresses(), a.attributes(), a.createdAt(),
                now, a.lastSeenAt(), a.version()));
        for (UUID id : List.of(s.id(), a.id())) {
            loyalty.account(id, false).ifPresent(account -> loyalty.settle(id, account.tier()));
        }
        customers.undone(merge.id(), caller.name(), now);
        events.publishEvent(new CustomerUnmerged(Ids.newId(), now, s.id(), a.id(), merge.id()));
        events.publishEvent(CustomerChanged.anything(s.id()));
        events.publishEvent(CustomerChanged.anything(a.id()));
        return customers.merge(merge.id(), false).orElseThrow();
    }

    @Transactional(readOnly = true)
    List<CustomerRepository.Merge> merges(UUID customerId) {
        Profile root = profiles.find(customerId);
        return customers.merges(customers.subtree(root.id()));
    }

    private static String fill(ObjectNode filled, String name, String current, String other) {
        if (current == null && other != null) {
            filled.put(name, other);
            return other;
        }
        return current;
    }

    private static String unfill(tools.jackson.databind.JsonNode filled, String name, String current) {
        return filled.has(name) && filled.path(name).asString().equals(current) ? null : current;
    }

    private static Instant later(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }

    /**
     * Every reference under which other modules may know the profile: its ids, its identities, and the
     * references its orders were placed under, however they were spelled.
     */
    Set<String> refsOf(UUID root) {
        Set<UUID> ids = customers.subtree(root);
        Set<String> refs = ids.stream().map(UUID::toString).collect(Collectors.toCollection(LinkedHashSet::new));
        // A blocked value names nobody, whatever an order was placed under (links made before it was blocked).
        List<CustomerRepository.Blocked> blocked = customers.blocked();
        orderLinks.refsOf(ids).stream().filter(ref -> identities.read(ref).map(r -> r.kind() == null
                || !identities.blocked(r.kind(), r.value(), blocked)).orElse(false)).forEach(refs::add);
        for (CustomerRepository.Identity i : customers.identitiesOf(ids)) {
            refs.add(i.ref());
            if (i.kind() == IdentityKind.EMAIL || i.kind() == IdentityKind.ACCOUNT) {
                refs.add(i.value());
            }
        }
        return refs;
    }
}
