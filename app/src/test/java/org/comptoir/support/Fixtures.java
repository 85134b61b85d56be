package org.comptoir.support;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.validator.routines.checkdigit.CheckDigitException;
import org.apache.commons.validator.routines.checkdigit.EAN13CheckDigit;

/** Request bodies of valid resources, to be varied by the tests. */
public final class Fixtures {

    private Fixtures() {}

    public static Map<String, Object> store(String code, double latitude, double longitude) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("code", code);
        body.put("name", "Store " + code);
        body.put("type", "STORE");
        body.put("address", Map.of("line1", "1 rue de Rivoli", "postalCode", "75001", "city", "Paris",
                "country", "FR"));
        body.put("coordinates", Map.of("latitude", latitude, "longitude", longitude));
        body.put("timeZone", "Europe/Paris");
        body.put("openingHours", List.of(
                Map.of("day", "MONDAY", "opens", "09:00", "closes", "12:30"),
                Map.of("day", "MONDAY", "opens", "14:00", "closes", "19:00"),
                Map.of("day", "SATURDAY", "opens", "10:00", "closes", "18:00")));
        body.put("openingExceptions", List.of(Map.of("date", "2026-12-25", "label", "Noël", "hours", List.of())));
        body.put("capabilities", List.of("CLICK_AND_COLLECT", "ACCEPTS_RETURNS"));
        body.put("dailyCapacity", 50);
        return body;
    }

    public static Map<String, Object> channel(String code, List<String> locations) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("code", code);
        body.put("name", "Channel " + code);
        body.put("type", "WEB");
        body.put("currency", "EUR");
        body.put("locationCodes", locations);
        return body;
    }

    /** A product with one variant per SKU given. */
    public static Map<String, Object> product(String nameFr, List<String> channels, String... skus) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("brand", "Felco");
        body.put("status", "ACTIVE");
        body.put("texts", Map.of("fr", Map.of("name", nameFr, "description", "Description de " + nameFr),
                "en", Map.of("name", "EN " + nameFr)));
        body.put("channels", channels);
        List<Map<String, Object>> variants = new ArrayList<>();
        for (String sku : skus) {
            Map<String, Object> variant = new LinkedHashMap<>();
            variant.put("sku", sku);
            variant.put("attributes", Map.of("size", "M", "colour", "vert"));
            variant.put("weightGrams", 250);
            variant.put("taxClass", "STANDARD");
            variants.add(variant);
        }
        body.put("variants", variants);
        return body;
    }

    private static long gtinSequence = System.nanoTime() % 1_000_000_000L;

    /** A fresh valid GTIN-13. */
    public static synchronized String gtin13() {
        String body = "376" + "%09d".formatted(++gtinSequence % 1_000_000_000L);
        try {
            return body + EAN13CheckDigit.EAN13_CHECK_DIGIT.calculate(body);
        } catch (CheckDigitException e) {
            throw new IllegalStateException(e);
        }
    }
}
