package org.comptoir.customers.internal;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import org.comptoir.customers.ContactChannel;
import org.comptoir.customers.Purpose;
import org.comptoir.platform.web.ApiProblem;
import tools.jackson.databind.JsonNode;

/**
 * A segment's condition, a tree read from JSON:
 * <pre>
 * {"all": [...]} {"any": [...]} {"not": {...}}
 * {"attribute": "language", "op": "eq", "value": "fr"}        profile fields, "age", custom attributes
 * {"identity": "PHONE", "verified": true}                       holds an identity of a kind
 * {"consent": {"channel": "SMS", "purpose": "MARKETING"}}       may be contacted now
 * {"event": {"type": "PRODUCT_VIEW", "category": "garden-tools"}, "atLeast": 3, "withinDays": 14}
 * {"orders": {"channel": "STORES", "store": "PAR-01"}, "atLeast": 2, "spendAtLeast": 10000, "withinDays": 365}
 * {"near": {"store": "PAR-01", "km": 20}}                       home address within a distance of a store
 * {"score": "monetary", "op": "gte", "value": 4}                recency, frequency, monetary, ltv, orders, points, tier
 * </pre>
 * Operators: eq, ne, gt, gte, lt, lte, in, exists, contains. Conditions are checked when the segment
 * is saved, so a bad one is a 400 naming the offending path.
 */
sealed interface Condition {

    boolean test(Facts facts);

    /** Touchpoint types the condition counts; when {@link #anyEvent} every type matters. */
    default Set<TouchpointType> eventTypes() {
        return EnumSet.noneOf(TouchpointType.class);
    }

    default boolean anyEvent() {
        return false;
    }

    /** True when the mere passing of time can change the answer (windows, ages, scores). */
    default boolean timed() {
        return false;
    }

    /**
     * True when time can make a customer join without any new event (a "not" around a window, an
     * at-most count, an age, scores): the time pass must then look at every customer, not only members.
     */
    default boolean canJoinByTime() {
        return false;
    }

    /** What a condition reads of one customer; loaded lazily and once per evaluation. */
    interface Facts {

        Profile profile();

        List<CustomerRepository.Identity> identities();

        boolean mayContact(ContactChannel channel, Purpose purpose);

        int events(TouchpointType type, String channel, String subject, String category, String location,
                Instant since);

        /** Orders (not cancelled) and what was spent on them, optionally on a channel, from a store, since. */
        long[] orders(String channel, String store, Instant since);

        Double kmTo(String storeCode);

        Object score(String name);

        Instant now();
    }

    enum Op {
        EQ, NE, GT, GTE, LT, LTE, IN, EXISTS, CONTAINS;

        boolean apply(Object actual, JsonNode expected) {
            if (this == EXISTS) {
                return (actual != null) == (expected == null || expected.isNull() || expected.asBoolean(true));
            }
            if (actual == null) {
                return this == NE;
            }
            return switch (this) {
                case EQ -> compare(actual, expected) == 0;
                case NE -> compare(actual, expected) != 0;
                case GT -> compare(actual, expected) > 0;
                case GTE -> compare(actual, expected) >= 0;
                case LT -> compare(actual, expected) < 0;
                case LTE -> compare(actual, expected) <= 0;
                case IN -> {
                    for (JsonNode option : expected) {
                        if (compare(actual, option) == 0) {
                            yield true;
                        }
                    }
                    yield false;
                }
                case CONTAINS -> String.valueOf(actual).toLowerCase(Locale.ROOT)
                        .contains(expected.asString().toLowerCase(Locale.ROOT));
                case EXISTS -> throw new IllegalStateException();
            };
        }

        private static int compare(Object actual, JsonNode expected) {
            if (actual instanceof Number n && expected.isNumber()) {
                return new BigDecimal(n.toString()).compareTo(expected.decimalValue());
            }
            if (actual instanceof Number n && expected.isString()) {
                try {
                    return new BigDecimal(n.toString()).compareTo(new BigDecimal(expected.asString()));
                } catch (NumberFormatException e) {
                    return 1;
                }
            }
            if (actual instanceof Boolean b) {
                return Boolean.compare(b, expected.asBoolean());
            }
            return String.valueOf(actual).compareTo(expected.asString());
        }
    }

    /** {@code all} and {@code any}: they count what their parts count, and time changes them as it changes a part. */
    sealed interface Group extends Condition permits All, Any {

        List<Condition> parts();

        @Override
        default Set<TouchpointType> eventTypes() {
            return union(parts());
        }

        @Override
        default boolean anyEvent() {
            return parts().stream().anyMatch(Condition::anyEvent);
        }

        @Override
        default boolean timed() {
            return parts().stream().anyMatch(Condition::timed);
        }

        @Override
        default boolean canJoinByTime() {
            return parts().stream().anyMatch(Condition::canJoinByTime);
        }
    }

    record All(List<Condition> parts) implements Group {
        public boolean test(Facts f) {
            return parts.stream().allMatch(c -> c.test(f));
        }
    }

    record Any(List<Condition> parts) implements Group {
        public boolean test(Facts f) {
            return parts.stream().anyMatch(c -> c.test(f));
        }
    }

    record Not(Condition inner) implements Condition {
        public boolean test(Facts f) {
            return !inner.test(f);
        }

        public Set<TouchpointType> eventTypes() {
            return inner.eventTypes();
        }

        public boolean anyEvent() {
            return inner.anyEvent();
        }

        public boolean timed() {
            return inner.timed();
        }

        public boolean canJoinByTime() {
            return inner.timed();
        }
    }

    record Attribute(String name, Op op, JsonNode value) implements Condition {
        public boolean test(Facts f) {
            Profile p = f.profile();
            Profile.Address home = p.home();
            Object actual = switch (name) {
                case "givenName" -> p.givenName();
                case "familyName" -> p.familyName();
                case "birthDate" -> p.birthDate() == null ? null : p.birthDate().toString();
                case "age" -> p.birthDate() == null ? null
                        : Period.between(p.birthDate(), LocalDate.ofInstant(f.now(), java.time.ZoneOffset.UTC)).getYears();
                case "language" -> p.language();
                case "preferredStore" -> p.preferredStore();
                case "preferredChannel" -> p.preferredChannel();
                case "city" -> home == null ? null : home.city();
                case "postalCode" -> home == null ? null : home.postalCode();
                case "country" -> home == null ? null : home.country();
                default -> p.attributes().get(name);
            };
            return op.apply(actual, value);
        }

        public boolean timed() {
            return name.equals("age");
        }

        public boolean canJoinByTime() {
            return timed();
        }
    }

    record HasIdentity(IdentityKind kind, Boolean verified) implements Condition {
        public boolean test(Facts f) {
            return f.identities().stream().anyMatch(i -> i.kind() == kind && (verified == null
                    || i.verified() == verified));
        }
    }

    record Consent(ContactChannel channel, Purpose purpose) implements Condition {
        public boolean test(Facts f) {
            return f.mayContact(channel, purpose);
        }
    }

    record Events(TouchpointType type, String channel, String subject, String category, String location,
            int atLeast, Integer atMost, Integer withinDays) implements Condition {
        public boolean test(Facts f) {
            Instant since = withinDays == null ? null : f.now().minus(Duration.ofDays(withinDays));
            int n = f.events(type, channel, subject, category, location, since);
            return n >= atLeast && (atMost == null || n <= atMost);
        }

        public Set<TouchpointType> eventTypes() {
            return type == null ? EnumSet.noneOf(TouchpointType.class) : EnumSet.of(type);
        }

        public boolean anyEvent() {
            return type == null;
        }

        public boolean timed() {
            return withinDays != null;
        }

        public boolean canJoinByTime() {
            return withinDays != null && atMost != null;
        }
    }

    record Orders(String channel, String store, int atLeast, Long spendAtLeast, Integer withinDays)
            implements Condition {
        public boolean test(Facts f) {
            Instant since = withinDays == null ? null : f.now().minus(Duration.ofDays(withinDays));
            long[] counted = f.orders(channel, store, since);
            return counted[0] >= atLeast && (spendAtLeast == null || counted[1] >= spendAtLeast);
        }

        public Set<TouchpointType> eventTypes() {
            return EnumSet.of(TouchpointType.PURCHASE, TouchpointType.RETURN);
        }

        public boolean timed() {
            return withinDays != null;
        }
    }

    record Near(String store, double km) implements Condition {
        public boolean test(Facts f) {
            Double distance = f.kmTo(store);
            return distance != null && distance <= km;
        }
    }

    record Score(String name, Op op, JsonNode value) implements Condition {
        public boolean test(Facts f) {
            return op.apply(f.score(name), value);
        }

        public Set<TouchpointType> eventTypes() {
            return EnumSet.of(TouchpointType.PURCHASE, TouchpointType.RETURN);
        }

        public boolean timed() {
            return true;
        }

        public boolean canJoinByTime() {
            return true;
        }
    }

    private static Set<TouchpointType> union(List<Condition> parts) {
        Set<TouchpointType> all = EnumSet.noneOf(TouchpointType.class);
        parts.forEach(p -> all.addAll(p.eventTypes()));
        return all;
    }

    Set<String> SCORES = Set.of("recency", "frequency", "monetary", "ltv", "orders", "points", "tier");

    /** The most values an {@code in} condition lists. */
    int MAX_OPTIONS = 1000;

    /** Reads a condition, or a 400 naming the path of what is wrong. */
    static Condition parse(JsonNode node, String path, int depth) {
        if (depth > 10) {
            throw ApiProblem.invalid(path, "conditions nest at most 10 deep");
        }
        if (node == null || !node.isObject()) {
            throw ApiProblem.invalid(path, "must be a condition object");
        }
        if (node.has("all") || node.has("any")) {
            String key = node.has("all") ? "all" : "any";
            JsonNode list = node.get(key);
            if (!list.isArray() || list.isEmpty() || list.size() > 50) {
                throw ApiProblem.invalid(path + "." + key, "must list 1 to 50 conditions");
            }
            List<Condition> parts = new ArrayList<>();
            for (int i = 0; i < list.size(); i++) {
                parts.add(parse(list.get(i), path + "." + key + "[" + i + "]", depth + 1));
            }
            return key.equals("all") ? new All(parts) : new Any(parts);
        }
        if (node.has("not")) {
            return new Not(parse(node.get("not"), path + ".not", depth + 1));
        }
        if (node.has("attribute")) {
            return new Attribute(text(node, "attribute", path), op(node, path), value(node, path));
        }
        if (node.has("identity")) {
            return new HasIdentity(enumOf(IdentityKind.class, node.get("identity"), path + ".identity"),
                    node.has("verified") ? node.get("verified").asBoolean() : null);
        }
        if (node.has("consent")) {
            JsonNode c = node.get("consent");
            return new Consent(enumOf(ContactChannel.class, c.get("channel"), path + ".consent.channel"),
                    enumOf(Purpose.class, c.get("purpose"), path + ".consent.purpose"));
        }
        if (node.has("event")) {
            JsonNode e = node.get("event");
            if (!e.isObject()) {
                throw ApiProblem.invalid(path + ".event", "must be an object (type, channel, subject, category, location)");
            }
            TouchpointType type = e.has("type") ? enumOf(TouchpointType.class, e.get("type"), path + ".event.type") : null;
            return new Events(type, optional(e, "channel"), optional(e, "subject"), optional(e, "category"),
                    optional(e, "location"), count(node, "atLeast", path, 1), countOrNull(node, "atMost", path),
                    days(node, path));
        }
        if (node.has("orders")) {
            JsonNode o = node.get("orders");
            if (!o.isObject()) {
                throw ApiProblem.invalid(path + ".orders", "must be an object (channel, store)");
            }
            Long spend = node.has("spendAtLeast") ? node.get("spendAtLeast").asLong() : null;
            if (spend != null && spend < 0) {
                throw ApiProblem.invalid(path + ".spendAtLeast", "must be 0 or more (minor units)");
            }
            return new Orders(optional(o, "channel"), optional(o, "store"), count(node, "atLeast", path, 1), spend,
                    days(node, path));
        }
        if (node.has("near")) {
            JsonNode n = node.get("near");
            String store = text(n, "store", path + ".near");
            double km = n.path("km").asDouble(-1);
            if (!(km > 0 && km <= 1000)) {
                throw ApiProblem.invalid(path + ".near.km", "must be more than 0 and at most 1000");
            }
            return new Near(store, km);
        }
        if (node.has("score")) {
            String name = text(node, "score", path);
            if (!SCORES.contains(name)) {
                throw ApiProblem.invalid(path + ".score", "must be one of " + new java.util.TreeSet<>(SCORES));
            }
            return new Score(name, op(node, path), value(node, path));
        }
        throw ApiProblem.invalid(path, "must be one of all, any, not, attribute, identity, consent, event, orders, "
                + "near, score");
    }

    private static String text(JsonNode node, String name, String path) {
        JsonNode v = node.get(name);
        if (v == null || !v.isString() || v.asString().isBlank() || v.asString().length() > 100) {
            throw ApiProblem.invalid(path + "." + name, "must be a non-blank string");
        }
        return v.asString();
    }

    private static String optional(JsonNode node, String name) {
        JsonNode v = node.get(name);
        return v == null || v.isNull() ? null : v.asString();
    }

    private static Op op(JsonNode node, String path) {
        return node.has("op") ? enumOf(Op.class, node.get("op"), path + ".op") : Op.EQ;
    }

    private static JsonNode value(JsonNode node, String path) {
        Op op = op(node, path);
        JsonNode v = node.get("value");
        if (op == Op.IN && (v == null || !v.isArray())) {
            throw ApiProblem.invalid(path + ".value", "must be a list for op in");
        }
        if (op != Op.EXISTS && (v == null || v.isNull())) {
            throw ApiProblem.invalid(path + ".value", "is required");
        }
        // Only scalars are compared: a nested value would fail every later evaluation, not this one.
        if (op == Op.IN) {
            if (v.isEmpty() || v.size() > MAX_OPTIONS) {
                throw ApiProblem.invalid(path + ".value", "must list 1 to " + MAX_OPTIONS + " values");
            }
            for (JsonNode option : v) {
                if (!scalar(option)) {
                    throw ApiProblem.invalid(path + ".value", "must list strings, numbers or booleans");
                }
            }
        } else if (op == Op.EXISTS) {
            if (v != null && !v.isNull() && !v.isBoolean()) {
                throw ApiProblem.invalid(path + ".value", "must be true or false for op exists");
            }
        } else if (!scalar(v)) {
            throw ApiProblem.invalid(path + ".value", "must be a string, a number or a boolean");
        }
        return v;
    }

    private static boolean scalar(JsonNode v) {
        return v.isString() || v.isNumber() || v.isBoolean();
    }

    private static int count(JsonNode node, String name, String path, int otherwise) {
        Integer n = countOrNull(node, name, path);
        return n == null ? otherwise : n;
    }

    private static Integer countOrNull(JsonNode node, String name, String path) {
        if (!node.has(name)) {
            return null;
        }
        JsonNode v = node.get(name);
        if (!v.canConvertToInt() || v.asInt() < 0 || !v.isIntegralNumber()) {
            throw ApiProblem.invalid(path + "." + name, "must be a whole number, 0 or more");
        }
        return v.asInt();
    }

    private static Integer days(JsonNode node, String path) {
        Integer days = countOrNull(node, "withinDays", path);
        if (days != null && (days < 1 || days > 3650)) {
            throw ApiProblem.invalid(path + ".withinDays", "must be 1 to 3650");
        }
        return days;
    }

    private static <E extends Enum<E>> E enumOf(Class<E> type, JsonNode v, String path) {
        try {
            return Enum.valueOf(type, Objects.requireNonNull(v).asString().toUpperCase(Locale.ROOT));
        } catch (RuntimeException e) {
            throw ApiProblem.invalid(path, "must be one of " + java.util.Arrays.toString(type.getEnumConstants()));
        }
    }
}
