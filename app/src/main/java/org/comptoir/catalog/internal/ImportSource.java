package org.comptoir.catalog.internal;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.TreeSet;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.comptoir.catalog.ProductStatus;
import org.comptoir.catalog.TaxClass;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.ObjectReader;

/**
 * Streams the items of an import file, one at a time, whatever its size. A CSV row is one variant
 * with the fields of its product; a JSON file is an array of products shaped as in the API. An item
 * that cannot be read carries its error instead of a payload; a file that cannot be read at all
 * (unknown columns, broken JSON) fails with {@link BadFile}.
 */
abstract class ImportSource implements Iterator<ImportSource.Item>, AutoCloseable {

    /** One item: its line in the file, and either what it says or why it cannot be read. */
    record Item(long line, String sku, ProductPayload payload, String error) {}

    /** The file as a whole cannot be read. */
    static final class BadFile extends RuntimeException {
        BadFile(String message) {
            super(message);
        }
    }

    static ImportSource open(ImportJob.Format format, InputStream in, ObjectMapper json) throws IOException {
        return format == ImportJob.Format.CSV ? new Csv(in) : new Json(in, json);
    }

    /** Columns: handle, sku, gtin, status, brand, category, name_LOCALE, description_LOCALE, weight_grams,
     * tax_class, channels and media (separated by '|'), attr_NAME. */
    static final class Csv extends ImportSource {

        private static final Set<String> FIXED = Set.of("handle", "sku", "gtin", "status", "brand", "category",
                "weight_grams", "tax_class", "channels", "media");

        private final CSVParser parser;
        private final Iterator<CSVRecord> records;

        Csv(InputStream in) throws IOException {
            var reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            this.parser = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true)
                    .setIgnoreEmptyLines(true).setTrim(true).setIgnoreSurroundingSpaces(true).get().parse(reader);
            Set<String> unknown = new TreeSet<>();
            for (String column : parser.getHeaderNames()) {
                boolean known = FIXED.contains(column) || column.startsWith("attr_")
                        || column.matches("(name|description)_[a-z]{2}(-[A-Z]{2})?");
                if (!known) {
                    unknown.add(column);
                }
            }
            if (!parser.getHeaderNames().contains("sku")) {
                throw new BadFile("the header has no sku column");
            }
            if (!unknown.isEmpty()) {
                throw new BadFile("unknown column(s) " + unknown);
            }
            this.records = parser.iterator();
        }

        @Override
        public boolean hasNext() {
            try {
                return records.hasNext();
            } catch (RuntimeException e) {
                throw new BadFile("the CSV cannot be read after record " + parser.getRecordNumber() + ": "
                        + e.getMessage());
            }
        }

        @Override
        public Item next() {
            if (!hasNext()) {
                throw new NoSuchElementException();
            }
            CSVRecord record = records.next();
            long line = record.getRecordNumber() + 1;
            String sku = value(record, "sku");
            if (!record.isConsistent()) {
                return new Item(line, sku, null, "has " + record.size() + " fields where the header has "
                        + parser.getHeaderNames().size());
            }
            try {
                return new Item(line, sku, toPayload(record), null);
            } catch (IllegalArgumentException e) {
                return new Item(line, sku, null, e.getMessage());
            }
        }

        private ProductPayload toPayload(CSVRecord record) {
            Map<String, ProductPayload.TextPayload> texts = new LinkedHashMap<>();
            Map<String, String> attributes = new LinkedHashMap<>();
            for (String column : parser.getHeaderNames()) {
                String value = value(record, column);
                if (value == null) {
                    continue;
                }
                if (column.startsWith("name_")) {
                    String locale = column.substring(5);
                    var text = texts.get(locale);
                    texts.put(locale, new ProductPayload.TextPayload(value, text == null ? null : text.description()));
                } else if (column.startsWith("description_")) {
                    String locale = column.substring(12);
                    var text = texts.get(locale);
                    texts.put(locale, new ProductPayload.TextPayload(text == null ? null : text.name(), value));
                } else if (column.startsWith("attr_")) {
                    attributes.put(column.substring(5), value);
                }
            }
            var variant = new ProductPayload.VariantPayload(value(record, "sku"), value(record, "gtin"),
                    attributes, integer(record, "weight_grams"), enumValue(record, "tax_class", TaxClass.class));
            // A blank cell leaves the stored value alone: only what the row says is changed.
            List<String> media = list(record, "media");
            List<String> channels = list(record, "channels");
            return new ProductPayload(value(record, "handle"), value(record, "brand"), value(record, "category"),
                    enumValue(record, "status", ProductStatus.class), texts.isEmpty() ? null : texts,
                    media.isEmpty() ? null : media.stream().map(u -> new ProductPayload.MediaPayload(u, null)).toList(),
                    channels.isEmpty() ? null : new TreeSet<>(channels), List.of(variant));
        }

        private static String value(CSVRecord record, String column) {
            if (!record.isMapped(column) || !record.isSet(column)) {
                return null;
            }
            String value = record.get(column);
            return value == null || value.isBlank() ? null : value.trim();
        }

        private static List<String> list(CSVRecord record, String column) {
            String value = value(record, column);
            List<String> items = new ArrayList<>();
            if (value != null) {
                for (String item : value.split("\\|")) {
                    if (!item.isBlank()) {
                        items.add(item.trim());
                    }
                }
            }
            return items;
        }

        private static Integer integer(CSVRecord record, String column) {
            String value = value(record, column);
            try {
                return value == null ? null : Integer.valueOf(value);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(column + " must be a whole number");
            }
        }

        private static <E extends Enum<E>> E enumValue(CSVRecord record, String column, Class<E> type) {
            String value = value(record, column);
            if (value == null) {
                return null;
            }
            try {
                return Enum.valueOf(type, value.toUpperCase(java.util.Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(column + " must be one of "
                        + java.util.Arrays.toString(type.getEnumConstants()));
            }
        }

        @Override
        public void close() throws IOException {
            parser.close();
        }
    }

    /** A JSON array of products; each element is read as a tree first so one bad item is not fatal. */
    static final class Json extends ImportSource {

        private final ObjectMapper json;
        private final ObjectReader trees;
        private final JsonParser parser;
        private JsonToken next;

        Json(InputStream in, ObjectMapper json) {
            this.json = json;
            // The file is read element by element: what follows an element is the next one.
            this.trees = json.reader().without(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
            try {
                this.parser = json.createParser(in);
                if (parser.nextToken() != JsonToken.START_ARRAY) {
                    throw new BadFile("a JSON import is an array of products");
                }
                this.next = parser.nextToken();
            } catch (tools.jackson.core.JacksonException e) {
                throw new BadFile("the JSON cannot be read: " + e.getOriginalMessage());
            }
        }

        @Override
        public boolean hasNext() {
            return next != null && next != JsonToken.END_ARRAY;
        }

        @Override
        public Item next() {
            if (!hasNext()) {
                throw new NoSuchElementException();
            }
            long line = parser.currentTokenLocation().getLineNr();
            JsonNode node;
            try {
                node = trees.readTree(parser);
                next = parser.nextToken();
            } catch (tools.jackson.core.JacksonException e) {
                throw new BadFile("the JSON cannot be read at line " + line + ": " + e.getOriginalMessage());
            }
            String sku = node.path("variants").path(0).path("sku").asString(null);
            if (!node.isObject()) {
                return new Item(line, sku, null, "is not a product object");
            }
            try {
                return new Item(line, sku, json.treeToValue(node, ProductPayload.class), null);
            } catch (tools.jackson.core.JacksonException e) {
                return new Item(line, sku, null, "cannot be read: " + e.getOriginalMessage());
            }
        }

        @Override
        public void close() {
            parser.close();
        }
    }
}
