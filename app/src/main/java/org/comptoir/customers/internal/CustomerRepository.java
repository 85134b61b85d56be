package org.comptoir.customers.internal;

import static org.comptoir.customers.internal.db.tables.AttributeDefinition.ATTRIBUTE_DEFINITION;
import static org.comptoir.customers.internal.db.tables.AttributeValue.ATTRIBUTE_VALUE;
import static org.comptoir.customers.internal.db.tables.BlockedIdentity.BLOCKED_IDENTITY;
import static org.comptoir.customers.internal.db.tables.Customer.CUSTOMER;
import static org.comptoir.customers.internal.db.tables.Identity.IDENTITY;
import static org.comptoir.customers.internal.db.tables.MergeRecord.MERGE_RECORD;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.comptoir.customers.internal.db.tables.records.CustomerRecord;
import org.comptoir.customers.internal.db.tables.records.IdentityRecord;
import org.jooq.DSLContext;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.ObjectMapper;

/** Profiles, their identities, blocked values, merges and custom attributes. */
@Repository
class CustomerRepository implements OwnedRows {

    private static final TypeReference<List<Profile.Address>> ADDRESSES = new TypeReference<>() {};
    private static final TypeReference<Map<String, Object>> ATTRIBUTES = new TypeReference<>() {};

    /** An identity of a profile; {@code originId} is the profile it was first attached to. */
    record Identity(UUID id, UUID customerId, UUID originId, IdentityKind kind, String value, boolean verified,
            String source, Instant firstSeenAt, Instant lastSeenAt) {

        String ref() {
            return kind.ref(value);
        }
    }

    record Blocked(IdentityKind kind, String pattern, String reason, Instant createdAt) {}

    record Merge(UUID id, UUID survivorId, UUID absorbedId, String rule, String reason, String actor,
            String survivorBefore, Instant mergedAt, Instant undoneAt, String undoneBy) {}

    private final DSLContext db;
    private final ObjectMapper json;

    CustomerRepository(DSLContext db, ObjectMapper json) {
        this.db = db;
        this.json = json;
    }

    void insert(Profile p) {
        db.insertInto(CUSTOMER).set(values(p)).set(CUSTOMER.ID, p.id()).set(CUSTOMER.CREATED_AT, p.createdAt())
                .execute();
    }

    /** Writes the profile if its version is still {@code p.version() - 1}. */
    boolean update(Profile p) {
        return db.update(CUSTOMER).set(values(p)).where(CUSTOMER.ID.eq(p.id()), CUSTOMER.VERSION.eq(p.version() - 1))
                .execute() == 1;
    }

    private Map<org.jooq.Field<?>, Object> values(Profile p) {
        Profile.Address home = p.home();
        Map<org.jooq.Field<?>, Object> v = new LinkedHashMap<>();
        v.put(CUSTOMER.STATUS, p.status().name());
        v.put(CUSTOMER.MERGED_INTO, p.mergedInto());
        v.put(CUSTOMER.GIVEN_NAME, p.givenName());
        v.put(CUSTOMER.FAMILY_NAME, p.familyName());
        v.put(CUSTOMER.BIRTH_DATE, p.birthDate());
        v.put(CUSTOMER.LANGUAGE, p.language());
        v.put(CUSTOMER.PREFERRED_STORE, p.preferredStore());
        v.put(CUSTOMER.PREFERRED_CHANNEL, p.preferredChannel());
        v.put(CUSTOMER.ADDRESSES_JSON, json.writeValueAsString(p.addresses()));
        v.put(CUSTOMER.ATTRIBUTES_JSON, json.writeValueAsString(p.attributes()));
        v.put(CUSTOMER.HOME_LATITUDE, home == null ? null : home.latitude());
        v.put(CUSTOMER.HOME_LONGITUDE, home == null ? null : home.longitude());
        v.put(CUSTOMER.UPDATED_AT, p.updatedAt());
        v.put(CUSTOMER.LAST_SEEN_AT, p.lastSeenAt());
        v.put(CUSTOMER.VERSION, p.version());
        return v;
    }

    Optional<Profile> find(UUID id) {
        return db.selectFrom(CUSTOMER).where(CUSTOMER.ID.eq(id)).fetchOptional(this::profile);
    }

    /** Locks the profiles, in id order (two merges of the same pair never deadlock). */
    Map<UUID, Profile> lock(Collection<UUID> ids) {
        Map<UUID, Profile> locked = new LinkedHashMap<>();
        db.selectFrom(CUSTOMER).where(CUSTOMER.ID.in(ids)).orderBy(CUSTOMER.ID).forUpdate().fetch(this::profile)
                .forEach(p -> locked.put(p.id(), p));
        return locked;
    }

    /** The profile an id resolves to: itself, or the one its merges lead to. */
    Optional<Profile> root(UUID id) {
        Optional<Profile> p = find(id);
        for (int hops = 0; p.isPresent() && p.get().status() == Profile.Status.MERGED && hops < 50; hops++) {
            p = find(p.get().mergedInto());
        }
        return p;
    }

    /**
     * The profiles the ids resolve to, in one query for the usual case (ids of active profiles):
     * id → the active profile it names, or null when erased; unknown ids are left out.
     */
    Map<UUID, UUID> roots(Collection<UUID> ids) {
        Map<UUID, UUID> roots = new LinkedHashMap<>();
        if (ids.isEmpty()) {
            return roots;
        }
        for (var r : db.select(CUSTOMER.ID, CUSTOMER.STATUS).from(CUSTOMER).where(CUSTOMER.ID.in(ids)).fetch()) {
            Profile.Status status = Profile.Status.valueOf(r.value2());
            UUID root = switch (status) {
                case ACTIVE -> r.value1();
                case ERASED -> null;
                case MERGED -> root(r.value1()).filter(p -> p.status() == Profile.Status.ACTIVE).map(Profile::id)
                        .orElse(null);
            };
            roots.put(r.value1(), root);
        }
        return roots;
    }

    /** The profile and every profile merged into it, directly or through others. */
    Set<UUID> subtree(UUID root) {
        Set<UUID> all = new HashSet<>(List.of(root));
        Set<UUID> frontier = Set.of(root);
        while (!frontier.isEmpty()) {
            frontier = new HashSet<>(db.select(CUSTOMER.ID).from(CUSTOMER).where(CUSTOMER.MERGED_INTO.in(frontier))
                    .fetch(CUSTOMER.ID));
            frontier.removeAll(all);
            all.addAll(frontier);
        }
        return all;
    }

    /** Active profiles after {@code after} in id order (passes over every customer). */
    List<UUID> activeIds(UUID after, int limit) {
        var where = CUSTOMER.STATUS.eq(Profile.Status.ACTIVE.name());
        if (after != null) {
            where = where.and(CUSTOMER.ID.gt(after));
        }
        return db.select(CUSTOMER.ID).from(CUSTOMER).where(where).orderBy(CUSTOMER.ID).limit(limit).fetch(CUSTOMER.ID);
    }

    /** Active profiles not seen since {@code before}. */
    List<UUID> inactiveSince(Instant before, int limit) {
        return db.select(CUSTOMER.ID).from(CUSTOMER).where(CUSTOMER.STATUS.eq(Profile.Status.ACTIVE.name()),
                CUSTOMER.LAST_SEEN_AT.lt(before)).orderBy(CUSTOMER.LAST_SEEN_AT).limit(limit).fetch(CUSTOMER.ID);
    }

    /**
     * Marks the profiles seen. Retention counts in years, so an hour's precision is plenty: a profile
     * seen within the hour is not written again (a busy customer's every click would rewrite its row).
     */
    void seen(Collection<UUID> ids, Instant at) {
        db.update(CUSTOMER).set(CUSTOMER.LAST_SEEN_AT, at).where(CUSTOMER.ID.in(ids),
                CUSTOMER.LAST_SEEN_AT.lt(at.minus(java.time.Duration.ofHours(1)))).execute();
    }

    int count() {
        return db.fetchCount(CUSTOMER, CUSTOMER.STATUS.eq(Profile.Status.ACTIVE.name()));
    }

    private Profile profile(CustomerRecord r) {
        return new Profile(r.getId(), Profile.Status.valueOf(r.getStatus()), r.getMergedInto(), r.getGivenName(),
                r.getFamilyName(), r.getBirthDate(), r.getLanguage(), r.getPreferredStore(), r.getPreferredChannel(),
                json.readValue(r.getAddressesJson(), ADDRESSES), json.readValue(r.getAttributesJson(), ATTRIBUTES),
                r.getCreatedAt(), r.getUpdatedAt(), r.getLastSeenAt(), r.getVersion());
    }

    // Identities

    List<Identity> identities(UUID customerId) {
        return db.selectFrom(IDENTITY).where(IDENTITY.CUSTOMER_ID.eq(customerId))
                .orderBy(IDENTITY.KIND, IDENTITY.FIRST_SEEN_AT).fetch(CustomerRepository::identity);
    }

    List<Identity> identitiesOf(Collection<UUID> customerIds) {
        return db.selectFrom(IDENTITY).where(IDENTITY.CUSTOMER_ID.in(customerIds))
                .orderBy(IDENTITY.KIND, IDENTITY.FIRST_SEEN_AT).fetch(CustomerRepository::identity);
    }

    Optional<Identity> identity(IdentityKind kind, String value) {
        return db.selectFrom(IDENTITY).where(IDENTITY.KIND.eq(kind.name()), IDENTITY.IDENTITY_VALUE.eq(value))
                .fetchOptional(CustomerRepository::identity);
    }

    /** Identities among the given (kind, value) pairs that exist. */
    List<Identity> identities(Collection<Identities.Given> given) {
        if (given.isEmpty()) {
            return List.of();
        }
        var where = org.jooq.impl.DSL.or(given.stream().map(g -> IDENTITY.KIND.eq(g.kind().name())
                .and(IDENTITY.IDENTITY_VALUE.eq(g.value()))).toList());
        return db.selectFrom(IDENTITY).where(where).fetch(CustomerRepository::identity);
    }

    /** Inserts the identity unless (kind, value) exists already; true when inserted. */
    boolean insert(Identity i) {
        return db.insertInto(IDENTITY).set(IDENTITY.ID, i.id()).set(IDENTITY.CUSTOMER_ID, i.customerId())
                .set(IDENTITY.ORIGIN_CUSTOMER_ID, i.originId()).set(IDENTITY.KIND, i.kind().name())
                .set(IDENTITY.IDENTITY_VALUE, i.value()).set(IDENTITY.VERIFIED, i.verified())
                .set(IDENTITY.SOURCE, i.source()).set(IDENTITY.FIRST_SEEN_AT, i.firstSeenAt())
                .set(IDENTITY.LAST_SEEN_AT, i.lastSeenAt()).onConflictDoNothing().execute() == 1;
    }

    void seenIdentity(UUID id, boolean verified, Instant at) {
        db.update(IDENTITY).set(IDENTITY.LAST_SEEN_AT, at)
                .set(IDENTITY.VERIFIED, verified ? org.jooq.impl.DSL.inline(true) : IDENTITY.VERIFIED)
                .where(IDENTITY.ID.eq(id)).execute();
    }

    int deleteIdentity(UUID customerId, UUID id) {
        return db.deleteFrom(IDENTITY).where(IDENTITY.ID.eq(id), IDENTITY.CUSTOMER_ID.eq(customerId)).execute();
    }

    int deleteIdentities(Collection<UUID> customerIds) {
        return db.deleteFrom(IDENTITY).where(IDENTITY.CUSTOMER_ID.in(customerIds)).execute();
    }

    @Override
    public void move(UUID from, UUID to) {
        db.update(IDENTITY).set(IDENTITY.CUSTOMER_ID, to).where(IDENTITY.CUSTOMER_ID.eq(from)).execute();
    }

    @Override
    public void giveBack(Collection<UUID> origins, UUID to) {
        db.update(IDENTITY).set(IDENTITY.CUSTOMER_ID, to).where(IDENTITY.ORIGIN_CUSTOMER_ID.in(origins)).execute();
    }

    private static Identity identity(IdentityRecord r) {
        return new Identity(r.getId(), r.getCustomerId(), r.getOriginCustomerId(), IdentityKind.valueOf(r.getKind()),
                r.getIdentityValue(), r.getVerified(), r.getSource(), r.getFirstSeenAt(), r.getLastSeenAt());
    }

    // Blocked values

    List<Blocked> blocked() {
        return db.selectFrom(BLOCKED_IDENTITY).orderBy(BLOCKED_IDENTITY.KIND, BLOCKED_IDENTITY.PATTERN)
                .fetch(r -> new Blocked(IdentityKind.valueOf(r.getKind()), r.getPattern(), r.getReason(),
                        r.getCreatedAt()));
    }

    void block(Blocked b) {
        db.insertInto(BLOCKED_IDENTITY).set(BLOCKED_IDENTITY.KIND, b.kind().name())
                .set(BLOCKED_IDENTITY.PATTERN, b.pattern()).set(BLOCKED_IDENTITY.REASON, b.reason())
                .set(BLOCKED_IDENTITY.CREATED_AT, b.createdAt()).onConflictDoNothing().execute();
    }

    int unblock(IdentityKind kind, String pattern) {
        return db.deleteFrom(BLOCKED_IDENTITY).where(BLOCKED_IDENTITY.KIND.eq(kind.name()),
                BLOCKED_IDENTITY.PATTERN.eq(pattern)).execute();
    }

    // Merges

    void insert(Merge m) {
        db.insertInto(MERGE_RECORD).set(MERGE_RECORD.ID, m.id()).set(MERGE_RECORD.SURVIVOR_ID, m.survivorId())
                .set(MERGE_RECORD.ABSORBED_ID, m.absorbedId()).set(MERGE_RECORD.RULE, m.rule())
                .set(MERGE_RECORD.REASON, m.reason()).set(MERGE_RECORD.ACTOR, m.actor())
                .set(MERGE_RECORD.SURVIVOR_BEFORE_JSON, m.survivorBefore()).set(MERGE_RECORD.MERGED_AT, m.mergedAt())
                .execute();
    }

    Optional<Merge> merge(UUID id, boolean lock) {
        var query = db.selectFrom(MERGE_RECORD).where(MERGE_RECORD.ID.eq(id));
        return (lock ? query.forUpdate().fetchOptional() : query.fetchOptional()).map(CustomerRepository::merge);
    }

    List<Merge> merges(Collection<UUID> customerIds) {
        return db.selectFrom(MERGE_RECORD).where(MERGE_RECORD.SURVIVOR_ID.in(customerIds)
                .or(MERGE_RECORD.ABSORBED_ID.in(customerIds))).orderBy(MERGE_RECORD.MERGED_AT)
                .fetch(CustomerRepository::merge);
    }

    void undone(UUID id, String by, Instant at) {
        db.update(MERGE_RECORD).set(MERGE_RECORD.UNDONE_AT, at).set(MERGE_RECORD.UNDONE_BY, by)
                .where(MERGE_RECORD.ID.eq(id)).execute();
    }

    /** Erasure: what a merge remembered of a profile's fields goes. */
    void forgetMerges(Collection<UUID> customerIds) {
        db.update(MERGE_RECORD).set(MERGE_RECORD.SURVIVOR_BEFORE_JSON, "{}").set(MERGE_RECORD.REASON, "(erased)")
                .where(MERGE_RECORD.SURVIVOR_ID.in(customerIds).or(MERGE_RECORD.ABSORBED_ID.in(customerIds)))
                .execute();
    }

    private static Merge merge(org.comptoir.customers.internal.db.tables.records.MergeRecordRecord r) {
        return new Merge(r.getId(), r.getSurvivorId(), r.getAbsorbedId(), r.getRule(), r.getReason(), r.getActor(),
                r.getSurvivorBeforeJson(), r.getMergedAt(), r.getUndoneAt(), r.getUndoneBy());
    }

    // Custom attributes

    List<AttributeDefinition> definitions() {
        return db.selectFrom(ATTRIBUTE_DEFINITION).orderBy(ATTRIBUTE_DEFINITION.NAME)
                .fetch(r -> new AttributeDefinition(r.getName(), AttributeDefinition.Type.valueOf(r.getType()),
                        r.getIndexed(), r.getDescription()));
    }

    void define(AttributeDefinition d) {
        db.insertInto(ATTRIBUTE_DEFINITION).set(ATTRIBUTE_DEFINITION.NAME, d.name())
                .set(ATTRIBUTE_DEFINITION.TYPE, d.type().name()).set(ATTRIBUTE_DEFINITION.INDEXED, d.indexed())
                .set(ATTRIBUTE_DEFINITION.DESCRIPTION, d.description()).execute();
    }

    /** Rewrites the indexed copies of a profile's custom attributes. */
    void index(UUID customerId, Map<String, Object> attributes, List<AttributeDefinition> definitions) {
        db.deleteFrom(ATTRIBUTE_VALUE).where(ATTRIBUTE_VALUE.CUSTOMER_ID.eq(customerId)).execute();
        List<org.jooq.Query> inserts = new ArrayList<>();
        for (AttributeDefinition d : definitions) {
            Object value = attributes.get(d.name());
            if (d.indexed() && value != null) {
                boolean number = d.type() == AttributeDefinition.Type.NUMBER;
                inserts.add(db.insertInto(ATTRIBUTE_VALUE).set(ATTRIBUTE_VALUE.CUSTOMER_ID, customerId)
                        .set(ATTRIBUTE_VALUE.NAME, d.name())
                        .set(ATTRIBUTE_VALUE.TEXT_VALUE, number ? null : String.valueOf(value))
                        .set(ATTRIBUTE_VALUE.NUMBER_VALUE, number ? new BigDecimal(value.toString()) : null));
            }
        }
        if (!inserts.isEmpty()) {
            db.batch(inserts).execute();
        }
    }

    /** Profiles whose indexed attribute has the value (a lookup by a custom attribute). */
    List<UUID> withAttribute(String name, String value, int limit) {
        org.jooq.Condition equal = ATTRIBUTE_VALUE.TEXT_VALUE.eq(value);
        try {
            equal = equal.or(ATTRIBUTE_VALUE.NUMBER_VALUE.eq(new BigDecimal(value)));
        } catch (NumberFormatException e) {
            // not a number: only text values can match
        }
        return db.select(ATTRIBUTE_VALUE.CUSTOMER_ID).from(ATTRIBUTE_VALUE)
                .where(ATTRIBUTE_VALUE.NAME.eq(name), equal)
                .orderBy(ATTRIBUTE_VALUE.CUSTOMER_ID).limit(limit).fetch(ATTRIBUTE_VALUE.CUSTOMER_ID);
    }

    void deleteAttributes(Collection<UUID> customerIds) {
        db.deleteFrom(ATTRIBUTE_VALUE).where(ATTRIBUTE_VALUE.CUSTOMER_ID.in(customerIds)).execute();
    }
}
