package org.comptoir.service.internal;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.comptoir.network.GeoPoint;
import org.springframework.stereotype.Component;

/**
 * The places a customer writes (a postcode, a city), read from a small gazetteer shipped with the
 * platform: a Paris arrondissement by its postcode, a department by the first two digits of any other
 * postcode, the main cities by name. Enough to answer "is it available near me?".
 */
@Component
class Places {

    /** A place found in a message. */
    record Place(String name, GeoPoint point) {}

    private static final Pattern POSTCODE = Pattern.compile("\\b(\\d{5})\\b");
    private final Map<String, Place> postcodes = new HashMap<>();
    private final Map<String, Place> departments = new HashMap<>();
    private final Map<String, Place> cities = new HashMap<>();

    Places() {
        try (var in = new BufferedReader(new InputStreamReader(
                Places.class.getResourceAsStream("/service/places.csv"), StandardCharsets.UTF_8))) {
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] f = line.split(",");
                Place place = new Place(f[2], new GeoPoint(Double.parseDouble(f[3]), Double.parseDouble(f[4])));
                (switch (f[0]) {
                    case "postcode" -> postcodes;
                    case "department" -> departments;
                    default -> cities;
                }).put(f[1], place);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The first postcode or known city the text names. */
    Optional<Place> in(String text) {
        Matcher postcode = POSTCODE.matcher(text);
        while (postcode.find()) {
            String code = postcode.group(1);
            Place place = postcodes.getOrDefault(code, departments.get(code.substring(0, 2)));
            if (place != null) {
                return Optional.of(place);
            }
        }
        String lower = " " + text.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}-]+", " ") + " ";
        return cities.entrySet().stream().filter(e -> lower.contains(" " + e.getKey() + " "))
                .max(java.util.Comparator.comparingInt(e -> e.getKey().length())).map(Map.Entry::getValue);
    }
}
