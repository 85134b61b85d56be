package org.comptoir.bench;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;
import tools.jackson.databind.JsonNode;

/**
 * Bulk import of a catalogue: {@code variants} variants in products of one to four sizes, as one CSV
 * file (seed 42), timed from the upload until the job says it completed.
 */
final class ImportWorkload {

    private static final String[] KINDS = {"Sécateur", "Bêche", "Râteau", "Arrosoir", "Gants", "Tuyau",
        "Cisaille", "Transplantoir", "Terreau", "Jardinière"};
    private static final String[] SIZES = {"S", "M", "L", "XL"};

    private final Bench.Client client;
    private final int variants;
    /** How many products the file holds, once made. */
    private int products;

    ImportWorkload(Bench.Client client, int variants) {
        this.client = client;
        this.variants = variants;
    }

    Map<String, Object> run() throws Exception {
        byte[] csv = csv();
        long start = System.nanoTime();
        var accepted = client.send("POST", "/api/v1/catalog/imports", "text/csv", csv);
        if (accepted.statusCode() != 202) {
            throw new IllegalStateException("import refused: " + accepted.statusCode() + " " + accepted.body());
        }
        String location = accepted.headers().firstValue("Location").orElseThrow();
        JsonNode job;
        do {
            Thread.sleep(200);
            job = client.get(location);
        } while (!job.path("status").asString().equals("COMPLETED") && !job.path("status").asString().equals("FAILED"));
        double seconds = (System.nanoTime() - start) / 1e9;
        Map<String, Object> figures = new LinkedHashMap<>();
        figures.put("variants", variants);
        figures.put("products", products);
        figures.put("bytes", csv.length);
        figures.put("status", job.path("status").asString());
        figures.put("seconds", "%.1f".formatted(seconds));
        figures.put("variants_per_s", Math.round(variants / seconds));
        figures.put("errors", job.path("rowsFailed").asLong());
        return figures;
    }

    private byte[] csv() {
        Random random = new Random(42);
        StringBuilder csv = new StringBuilder(variants * 120);
        csv.append("handle,sku,gtin,status,brand,category,name_fr,name_en,description_fr,weight_grams,tax_class,attr_size,attr_colour\n");
        int written = 0;
        int product = 0;
        while (written < variants) {
            product++;
            String kind = KINDS[random.nextInt(KINDS.length)];
            int sizes = Math.min(1 + random.nextInt(4), variants - written);
            for (int s = 0; s < sizes; s++) {
                written++;
                csv.append("bench-").append(product).append(',')
                        .append("BENCH-").append(written).append(',')
                        .append(gtin(written)).append(',')
                        .append("ACTIVE,Jardin & Co,,")
                        .append(kind).append(' ').append(product).append(',')
                        .append("Garden item ").append(product).append(',')
                        .append("\"").append(kind).append(" de qualité, modèle ").append(product).append("\",")
                        .append(100 + random.nextInt(5000)).append(",STANDARD,")
                        .append(SIZES[s]).append(',')
                        .append(random.nextBoolean() ? "vert" : "noir").append('\n');
            }
        }
        products = product;
        return csv.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** A GTIN-13 with its GS1 check digit. */
    static String gtin(int n) {
        String body = "200" + "%09d".formatted(n);
        int sum = 0;
        for (int i = 0; i < body.length(); i++) {
            int digit = body.charAt(body.length() - 1 - i) - '0';
            sum += digit * (i % 2 == 0 ? 3 : 1);
        }
        return body + (10 - sum % 10) % 10;
    }
}
