package org.comptoir.support;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Function;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Sends requests built from the OpenAPI document, each with one thing wrong: a body from the
 * operation's schema with one field mutated (wrong type, null, empty, huge, negative, 2^63, NUL and
 * other unicode, SQL and script fragments, an unknown field, deep nesting), a truncated body, the
 * wrong media type, or a path or query parameter made hostile (bad percent-encoding, traversal, NUL).
 * It reports every answer that is a 5xx, an error that is not a problem document, and a refused write
 * after which the database holds something new (as the {@code committed} function tells, by the
 * request's correlation id). Deterministic for a seed.
 */
public final class OpenApiFuzzer {

    /** Who sends the requests. */
    public record Caller(String name, String key) {}

    /** Something wrong with one answer. */
    public record Finding(String request, int status, String reason, String answer) {

        @Override
        public String toString() {
            return request + " -> " + status + ": " + reason + " " + answer;
        }
    }

    public record Report(int sent, Map<Integer, Integer> statuses, Map<String, Integer> mutations,
            List<Finding> findings) {}

    enum Mutation {
        NONE, WRONG_TYPE, NULL, EMPTY, HUGE, NEGATIVE, BEYOND_LONG, UNICODE_NUL, SQL, SCRIPT, UNKNOWN_FIELD,
        DEEP_NESTING, TRUNCATED, WRONG_MEDIA_TYPE, PARAM_BAD_ESCAPE, PARAM_TRAVERSAL, PARAM_NUL, PARAM_HUGE,
        PARAM_SQL, PARAM_UNICODE, PARAM_NEGATIVE, PARAM_BEYOND_LONG
    }

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final Mutation[] MUTATIONS = Mutation.values();

    private final int port;
    private final JsonNode document;
    private final Random random;
    private final Function<String, String> pathValues;
    private final Map<String, Object> fieldValues;
    private final Function<String, List<String>> committed;
    /** Writes a refusal may leave, by "METHOD path" suffix: the pickup-code attempts counter. */
    private final Map<String, String> allowedWrites;

    /**
     * @param pathValues a value for a path parameter, given the path template up to it
     *     ({@code /api/v1/orders/{id}}), or null to make one up
     * @param fieldValues values for body fields and query parameters by name (sku, locationCode…)
     */
    public OpenApiFuzzer(int port, JsonNode document, long seed, Function<String, String> pathValues,
            Map<String, Object> fieldValues, Function<String, List<String>> committed,
            Map<String, String> allowedWrites) {
        this.port = port;
        this.document = document;
        this.random = new Random(seed);
        this.pathValues = pathValues;
        this.fieldValues = fieldValues;
        this.committed = committed;
        this.allowedWrites = allowedWrites;
    }

    private record Operation(String method, String path, JsonNode spec) {}

    /** The operations of the document, in its order. */
    public List<String> operations() {
        return operationList().stream().map(o -> o.method() + " " + o.path()).toList();
    }

    private List<Operation> operationList() {
        List<Operation> operations = new ArrayList<>();
        for (var path : document.path("paths").properties()) {
            for (var op : path.getValue().properties()) {
                if (List.of("get", "post", "put", "patch", "delete").contains(op.getKey())) {
                    operations.add(new Operation(op.getKey().toUpperCase(), path.getKey(), op.getValue()));
                }
            }
        }
        return operations;
    }

    /** A request body of the operation ({@code "POST /api/v1/carts"}), as valid as can be guessed. */
    public record Sample(String contentType, byte[] body) {}

    /** The operation's body, filled with the known field values, or null when it takes none. */
    public Sample sample(String operation) {
        Operation op = operationList().stream().filter(o -> (o.method() + " " + o.path()).equals(operation))
                .findFirst().orElseThrow(() -> new IllegalArgumentException(operation));
        String contentType = contentType(op);
        if (contentType == null) {
            return null;
        }
        JsonNode schema = op.spec().path("requestBody").path("content").path(contentType).path("schema");
        return new Sample(contentType, body(contentType, schema, Mutation.NONE));
    }

    public Report run(List<Caller> callers, int budget) {
        List<Operation> operations = operationList();
        List<Finding> findings = new ArrayList<>();
        Map<Integer, Integer> statuses = new TreeMap<>();
        Map<String, Integer> mutations = new TreeMap<>();
        for (int i = 0; i < budget; i++) {
            Operation op = operations.get(i % operations.size());
            Caller caller = callers.get((i / operations.size()) % callers.size());
            Mutation mutation = i < operations.size() * callers.size() && random.nextInt(4) == 0 ? Mutation.NONE
                    : MUTATIONS[1 + random.nextInt(MUTATIONS.length - 1)];
            mutations.merge(mutation.name(), 1, Integer::sum);
            send(op, caller, mutation, findings, statuses);
        }
        return new Report(budget, statuses, mutations, findings);
    }

    private void send(Operation op, Caller caller, Mutation mutation, List<Finding> findings,
            Map<Integer, Integer> statuses) {
        String contentType = contentType(op);
        boolean paramMutation = mutation.name().startsWith("PARAM_");
        List<String> hostileParams = new ArrayList<>();
        String target = target(op, paramMutation ? mutation : null, hostileParams);
        byte[] body = null;
        if (contentType != null) {
            JsonNode schema = op.spec().path("requestBody").path("content").path(contentType).path("schema");
            body = body(contentType, schema, paramMutation ? Mutation.NONE : mutation);
            if (mutation == Mutation.WRONG_MEDIA_TYPE) {
                contentType = random.nextBoolean() ? "text/plain" : "application/xml";
            }
        } else if (mutation == Mutation.TRUNCATED || mutation == Mutation.WRONG_MEDIA_TYPE) {
            body = "{\"a\":".getBytes(StandardCharsets.UTF_8);
            contentType = "application/json";
        }
        String correlation = "fuzz-" + UUID.randomUUID();
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Authorization", "Bearer " + caller.key());
        headers.put("X-Correlation-Id", correlation);
        headers.put("If-Match", "*");
        headers.put("Accept", "application/json");
        if (contentType != null) {
            headers.put("Content-Type", contentType);
        }
        String request = caller.name() + " " + op.method() + " " + target + " [" + mutation + "] "
                + (body == null ? "" : abbreviate(new String(body, StandardCharsets.UTF_8)));
        Api.Response answer;
        try {
            answer = RawHttp.send(port, op.method(), target, headers, body);
        } catch (RuntimeException e) {
            findings.add(new Finding(request, 0, "no answer: " + e.getMessage(), ""));
            return;
        }
        statuses.merge(answer.status(), 1, Integer::sum);
        if (answer.status() >= 500) {
            findings.add(new Finding(request, answer.status(), "server error", abbreviate(answer.body())));
        } else if (answer.status() >= 400) {
            String type = answer.header("Content-Type");
            if (type == null || !type.startsWith("application/problem+json") || answer.problem().isBlank()) {
                findings.add(new Finding(request, answer.status(), "not a problem document (" + type + ")",
                        abbreviate(answer.body())));
            }
            if (!op.method().equals("GET")) {
                List<String> written = committed.apply(correlation).stream()
                        .filter(w -> allowedWrites.entrySet().stream().noneMatch(a ->
                                (op.method() + " " + op.path()).endsWith(a.getKey()) && w.startsWith(a.getValue())))
                        .toList();
                if (!written.isEmpty()) {
                    findings.add(new Finding(request, answer.status(), "refused but wrote " + written,
                            abbreviate(answer.body())));
                }
            }
        }
    }

    private static String abbreviate(String text) {
        return text == null ? "" : text.length() > 300 ? text.substring(0, 300) + "…" : text;
    }

    private static String contentType(Operation op) {
        JsonNode content = op.spec().path("requestBody").path("content");
        if (content.isMissingNode() || content.isEmpty()) {
            return null;
        }
        return content.has("application/json") ? "application/json" : content.propertyNames().iterator().next();
    }

    // ----- paths and parameters -----

    private String target(Operation op, Mutation mutation, List<String> hostile) {
        List<JsonNode> parameters = new ArrayList<>();
        op.spec().path("parameters").forEach(parameters::add);
        List<JsonNode> mutable = parameters.stream().filter(p -> !p.path("in").asString().equals("header")).toList();
        JsonNode victim = mutation == null || mutable.isEmpty() ? null : mutable.get(random.nextInt(mutable.size()));
        String path = op.path();
        StringBuilder query = new StringBuilder();
        for (JsonNode parameter : parameters) {
            String name = parameter.path("name").asString();
            String in = parameter.path("in").asString();
            boolean isVictim = parameter == victim;
            if (in.equals("path")) {
                String value = isVictim ? hostile(mutation) : encode(pathValue(op.path(), name, parameter));
                if (isVictim) {
                    hostile.add(name);
                }
                path = path.replace("{" + name + "}", value);
            } else if (in.equals("query") && (isVictim || parameter.path("required").asBoolean(false)
                    || random.nextInt(3) == 0)) {
                String value = isVictim ? hostile(mutation) : encode(String.valueOf(queryValue(name, parameter)));
                if (isVictim) {
                    hostile.add(name);
                }
                query.append(query.isEmpty() ? "?" : "&").append(name).append('=').append(value);
            }
        }
        if (mutation != null && victim == null) {
            // No parameter to spoil: spoil the path itself.
            path = path + "/" + hostile(mutation);
        }
        return path + query;
    }

    private String pathValue(String path, String name, JsonNode parameter) {
        String upTo = path.substring(0, path.indexOf("{" + name + "}") + name.length() + 2);
        String known = pathValues.apply(upTo);
        if (known != null) {
            return known;
        }
        Object field = fieldValues.get(name);
        if (field != null) {
            return String.valueOf(field);
        }
        return "uuid".equals(parameter.path("schema").path("format").asString()) ? UUID.randomUUID().toString()
                : "NO-SUCH-" + random.nextInt(1000);
    }

    private Object queryValue(String name, JsonNode parameter) {
        Object known = fieldValues.get(name);
        if (known != null) {
            return known;
        }
        JsonNode sample = sample(parameter.path("schema"), name, 0);
        if (sample.isArray() && !sample.isEmpty()) {
            sample = sample.get(0);
        }
        return sample.isValueNode() ? sample.asString() : "x";
    }

    private String hostile(Mutation mutation) {
        return switch (mutation) {
            case PARAM_BAD_ESCAPE -> List.of("s%E9cateur", "%zz", "%", "%E9%", "%C3%28").get(random.nextInt(5));
            case PARAM_TRAVERSAL -> List.of("..%2F..%2Fetc%2Fpasswd", "../../etc", "..%5C..", "%2e%2e%2f")
                    .get(random.nextInt(4));
            case PARAM_NUL -> List.of("a%00b", "%00", "a%0Ab", "%0D%0AX-Injected:%201").get(random.nextInt(4));
            case PARAM_HUGE -> "A".repeat(5000);
            case PARAM_SQL -> encode(List.of("' OR '1'='1", "1; DROP TABLE x--", "\" OR 1=1 --")
                    .get(random.nextInt(3)));
            case PARAM_UNICODE -> encode(List.of("𝔰é\u202e\u200b", "日本語", "\uFEFFx", "🌱🌱").get(random.nextInt(4)));
            case PARAM_NEGATIVE -> "-1";
            case PARAM_BEYOND_LONG -> "9223372036854775808";
            default -> "x";
        };
    }

    private static String encode(String value) {
        return java.net.URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    // ----- bodies -----

    private byte[] body(String contentType, JsonNode schema, Mutation mutation) {
        if (!contentType.contains("json")) {
            String text = contentType.equals("message/rfc822")
                    ? "From: a@example.fr\r\nTo: service@example.fr\r\nSubject: Bonjour\r\n\r\nOù est ma commande ?"
                    : "sku,name_fr\nSKU-1,Bêche\n";
            if (mutation == Mutation.TRUNCATED || mutation == Mutation.HUGE) {
                text = mutation == Mutation.HUGE ? text.repeat(2000) : text.substring(0, text.length() / 2);
            } else if (mutation == Mutation.UNICODE_NUL) {
                text = text + "\u0000\uFFFF";
            }
            return text.getBytes(StandardCharsets.UTF_8);
        }
        JsonNode sample = sample(schema, "body", 0);
        String json;
        if (mutation == Mutation.TRUNCATED) {
            String whole = sample.toString();
            json = whole.substring(0, Math.max(1, whole.length() / 2));
        } else if (mutation == Mutation.DEEP_NESTING) {
            json = mutateAt(sample, n -> NODES.stringNode("DEEP")).toString()
                    .replace("\"DEEP\"", "[".repeat(3000) + "]".repeat(3000));
        } else if (mutation == Mutation.NONE || mutation == Mutation.WRONG_MEDIA_TYPE) {
            json = sample.toString();
        } else if (mutation == Mutation.UNKNOWN_FIELD) {
            json = unknownField(sample).toString();
        } else {
            json = mutateAt(sample, node -> mutate(node, mutation)).toString();
        }
        return json.getBytes(StandardCharsets.UTF_8);
    }

    /** The sample with one node (chosen at random among all of them, the root included) replaced. */
    private JsonNode mutateAt(JsonNode sample, Function<JsonNode, JsonNode> change) {
        List<JsonNode> containers = new ArrayList<>();
        collect(sample, containers);
        int choice = random.nextInt(containers.size() + 1);
        if (choice == containers.size()) {
            return change.apply(sample);
        }
        JsonNode parent = containers.get(choice);
        if (parent instanceof ObjectNode object && !object.isEmpty()) {
            List<String> names = new ArrayList<>(object.propertyNames());
            String name = names.get(random.nextInt(names.size()));
            object.set(name, change.apply(object.get(name)));
        } else if (parent instanceof ArrayNode array && !array.isEmpty()) {
            int index = random.nextInt(array.size());
            array.set(index, change.apply(array.get(index)));
        }
        return sample;
    }

    /** The sample with a field no schema has, in one of its objects. */
    private JsonNode unknownField(JsonNode sample) {
        List<JsonNode> containers = new ArrayList<>();
        collect(sample, containers);
        List<ObjectNode> objects = containers.stream().filter(ObjectNode.class::isInstance)
                .map(ObjectNode.class::cast).toList();
        if (objects.isEmpty()) {
            return sample;
        }
        objects.get(random.nextInt(objects.size())).put("zzUnknown", "surprise");
        return sample;
    }

    private static void collect(JsonNode node, List<JsonNode> containers) {
        if (node.isContainer()) {
            containers.add(node);
            node.values().forEach(child -> collect(child, containers));
        }
    }

    private JsonNode mutate(JsonNode node, Mutation mutation) {
        return switch (mutation) {
            case WRONG_TYPE -> node != null && node.isString() ? NODES.numberNode(12)
                    : node != null && node.isContainer() ? NODES.stringNode("not an object")
                    : NODES.objectNode().put("wrong", true);
            case NULL -> NODES.nullNode();
            case EMPTY -> node != null && node.isArray() ? NODES.arrayNode()
                    : node != null && node.isObject() ? NODES.objectNode() : NODES.stringNode("");
            case HUGE -> node != null && node.isArray() ? repeat(node, 20_000)
                    : node != null && node.isNumber() ? NODES.numberNode(new java.math.BigDecimal("1e400"))
                    : NODES.stringNode("x".repeat(100_000));
            case NEGATIVE -> NODES.numberNode(random.nextBoolean() ? -1 : -2_147_483_648L);
            case BEYOND_LONG -> NODES.numberNode(new java.math.BigInteger("9223372036854775808"));
            case UNICODE_NUL -> NODES.stringNode("a\u0000b\uD83C\uDF31\u202Ez\uFFFF");
            case SQL -> NODES.stringNode(List.of("' OR '1'='1", "x'); DROP TABLE customer; --", "\\' UNION SELECT 1")
                    .get(random.nextInt(3)));
            case SCRIPT -> NODES.stringNode("<script>alert(1)</script><img src=x onerror=alert(2)>");
            default -> node;
        };
    }

    private static JsonNode repeat(JsonNode array, int times) {
        ArrayNode many = NODES.arrayNode();
        JsonNode item = array.isEmpty() ? NODES.stringNode("x") : array.get(0);
        for (int i = 0; i < times; i++) {
            many.add(item.deepCopy());
        }
        return many;
    }

    /** A value of the schema, as valid as can be guessed: known values for known names. */
    JsonNode sample(JsonNode schema, String name, int depth) {
        if (schema.has("$ref")) {
            String ref = schema.path("$ref").asString().replace("#/components/schemas/", "");
            return depth > 6 ? NODES.nullNode() : sample(document.path("components").path("schemas").path(ref), name,
                    depth + 1);
        }
        for (String combinator : List.of("allOf", "oneOf", "anyOf")) {
            if (schema.has(combinator) && !schema.path(combinator).isEmpty()) {
                return sample(schema.path(combinator).get(0), name, depth);
            }
        }
        Object known = fieldValues.get(name);
        if (known != null && !schema.path("type").asString("").equals("array")) {
            return Api.JSON.valueToTree(known);
        }
        String type = type(schema);
        if (schema.has("enum") && !schema.path("enum").isEmpty()) {
            JsonNode options = schema.path("enum");
            return options.get(random.nextInt(options.size()));
        }
        return switch (type) {
            case "object" -> object(schema, depth);
            case "array" -> {
                ArrayNode array = NODES.arrayNode();
                JsonNode item = sample(schema.path("items"), singular(name), depth + 1);
                if (!item.isNull()) {
                    array.add(item);
                }
                yield array;
            }
            case "integer" -> NODES.numberNode(Math.max(1, schema.path("minimum").asLong(1)));
            case "number" -> NODES.numberNode(Math.max(1.0, schema.path("minimum").asDouble(1)));
            case "boolean" -> NODES.booleanNode(true);
            case "string" -> NODES.stringNode(string(schema, name));
            default -> NODES.objectNode();
        };
    }

    private JsonNode object(JsonNode schema, int depth) {
        ObjectNode object = NODES.objectNode();
        if (depth > 8) {
            return object;
        }
        for (var property : schema.path("properties").properties()) {
            JsonNode value = sample(property.getValue(), property.getKey(), depth + 1);
            if (!value.isNull()) {
                object.set(property.getKey(), value);
            }
        }
        JsonNode extra = schema.path("additionalProperties");
        if (extra.isObject() && !extra.isEmpty() && schema.path("properties").isEmpty()) {
            object.set("fr", sample(extra, "value", depth + 1));
        }
        return object;
    }

    private static String type(JsonNode schema) {
        JsonNode type = schema.path("type");
        if (type.isArray()) {
            for (JsonNode t : type) {
                if (!t.asString().equals("null")) {
                    return t.asString();
                }
            }
        }
        if (type.isString()) {
            return type.asString();
        }
        return schema.has("properties") ? "object" : schema.has("items") ? "array" : "object";
    }

    private static String singular(String name) {
        return name.endsWith("ies") ? name.substring(0, name.length() - 3) + "y"
                : name.endsWith("s") ? name.substring(0, name.length() - 1) : name;
    }

    private String string(JsonNode schema, String name) {
        String format = schema.path("format").asString("");
        return switch (format) {
            case "date-time" -> Instant.now().plus(1, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS).toString();
            case "date" -> LocalDate.now().plusDays(1).toString();
            case "uuid" -> UUID.randomUUID().toString();
            case "email" -> "fuzz" + random.nextInt(1000) + "@example.fr";
            case "uri", "url" -> "https://example.com/" + random.nextInt(1000);
            default -> {
                String pattern = schema.path("pattern").asString("");
                yield pattern.contains("[A-Z]{2}") ? "FR" : pattern.contains("[A-Z]{3}") ? "EUR"
                        : pattern.contains("a-z0-9") ? "main" : name.toLowerCase().contains("time") ? "09:00"
                        : "Fuzz" + random.nextInt(1000);
            }
        };
    }
}
