package org.comptoir.platform.privacy;

import java.util.Iterator;
import java.util.Map;
import java.util.Set;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Takes a person out of a JSON document kept elsewhere than in their records (an event waiting in the
 * outbox, a webhook not delivered yet): every mention of them (a reference, an identity's value, an
 * id) becomes their pseudonym, and free text, which may say anything about them (a message's body, a
 * comment, a reason, an address), is dropped. The document keeps its shape for whoever reads it next.
 */
public final class Scrubbing {

    /** Fields of free text about people, whatever the document. */
    private static final Set<String> FREE_TEXT = Set.of("body", "recipient", "comment", "summary", "reason", "detail",
            "note", "address", "line1", "line2", "givenName", "familyName", "birthDate", "description");

    private Scrubbing() {}

    /** True when the text names the person (any of the needles). */
    public static boolean mentions(String text, Set<String> needles) {
        if (text == null) {
            return false;
        }
        String lower = text.toLowerCase(java.util.Locale.ROOT);
        return needles.stream().anyMatch(n -> lower.contains(n.toLowerCase(java.util.Locale.ROOT)));
    }

    /** The document without the person, or null when it does not read as JSON (then drop it whole). */
    public static String scrub(String json, Set<String> needles, String pseudonym, ObjectMapper mapper) {
        try {
            JsonNode tree = mapper.readTree(json);
            return mapper.writeValueAsString(scrub(tree, needles, pseudonym));
        } catch (JacksonException e) {
            return null;
        }
    }

    private static JsonNode scrub(JsonNode node, Set<String> needles, String pseudonym) {
        if (node instanceof ObjectNode object) {
            Iterator<Map.Entry<String, JsonNode>> fields = object.properties().iterator();
            java.util.List<String> names = new java.util.ArrayList<>();
            while (fields.hasNext()) {
                names.add(fields.next().getKey());
            }
            for (String name : names) {
                if (FREE_TEXT.contains(name)) {
                    object.putNull(name);
                } else {
                    object.set(name, scrub(object.get(name), needles, pseudonym));
                }
            }
            return object;
        }
        if (node instanceof ArrayNode array) {
            for (int i = 0; i < array.size(); i++) {
                array.set(i, scrub(array.get(i), needles, pseudonym));
            }
            return array;
        }
        if (node.isString()) {
            String text = node.asString();
            for (String needle : needles) {
                text = replaceIgnoringCase(text, needle, pseudonym);
            }
            return node.asString().equals(text) ? node : tools.jackson.databind.node.JsonNodeFactory.instance
                    .stringNode(text);
        }
        return node;
    }

    private static String replaceIgnoringCase(String text, String needle, String replacement) {
        return java.util.regex.Pattern.compile(java.util.regex.Pattern.quote(needle),
                java.util.regex.Pattern.CASE_INSENSITIVE).matcher(text)
                .replaceAll(java.util.regex.Matcher.quoteReplacement(replacement));
    }
}
