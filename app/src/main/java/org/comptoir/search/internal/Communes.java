package org.comptoir.search.internal;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;
import org.comptoir.network.GeoPoint;
import org.comptoir.search.Gazetteer;
import org.springframework.stereotype.Component;

/**
 * The gazetteer: the French communes (and the arrondissements of Paris, Lyon and Marseille) with their
 * postcodes, populations and points, loaded at start from the file shipped with the platform
 * ({@code search/communes.csv.gz}, whose header says where it comes from). A name counts as a place
 * when the message introduces it ("à", "près de", "in", "near"…) or writes it with a capital (a town
 * past the first word, a big city anywhere); among names, the longest and then the most populous wins ("Boulogne" is Boulogne-Billancourt).
 */
@Component
class Communes implements Gazetteer {

    private record Commune(String name, List<String> postcodes, int population, GeoPoint point) {
        /** "Paris 11e Arrondissement" reads "Paris 11e". */
        String displayName() {
            return name.replace(" Arrondissement", "");
        }
    }

    private static final Pattern POSTCODE = Pattern.compile("\\b(\\d{5})\\b");
    private static final Pattern ARRONDISSEMENT = Pattern.compile(
            "\\b(paris|lyon|marseille)\\s*(\\d{1,2})\\s*(e|er|eme|ème|ieme|ième|è)?\\b", Pattern.CASE_INSENSITIVE);
    private static final Map<String, Integer> FIRST_POSTCODE = Map.of("paris", 75000, "lyon", 69000, "marseille", 13000);
    /** Words that introduce a place. */
    private static final Set<String> CUES = Set.of("a", "au", "aux", "vers", "pres", "proche", "cote", "autour",
            "habite", "in", "near", "around", "at", "from", "sur", "dans");
    private static final int BIG_CITY = 100_000;
    private static final int TOWN = 5_000;
    private static final int LONGEST_NAME = 6;

    private final Map<String, List<Commune>> byPostcode = new HashMap<>();
    private final Map<String, List<Commune>> byName = new HashMap<>();
    /** "boulogne" for Boulogne-Billancourt and Boulogne-sur-Mer: the first word of a compound name. */
    private final Map<String, List<Commune>> byFirstWord = new HashMap<>();

    Communes() {
        try (var in = new BufferedReader(new InputStreamReader(new GZIPInputStream(
                Communes.class.getResourceAsStream("/search/communes.csv.gz")), StandardCharsets.UTF_8))) {
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] f = line.split(";", -1);
                Commune c = new Commune(f[1], f[2].isBlank() ? List.of() : List.of(f[2].split(" ")),
                        Integer.parseInt(f[4]), new GeoPoint(Double.parseDouble(f[5]), Double.parseDouble(f[6])));
                c.postcodes().forEach(p -> byPostcode.computeIfAbsent(p, k -> new ArrayList<>()).add(c));
                List<String> words = words(c.name());
                byName.computeIfAbsent(String.join(" ", words), k -> new ArrayList<>()).add(c);
                if (words.size() > 1 && !c.name().contains(" Arrondissement")) {
                    byFirstWord.computeIfAbsent(words.getFirst(), k -> new ArrayList<>()).add(c);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    int size() {
        return byName.values().stream().mapToInt(List::size).sum();
    }

    @Override
    public Optional<Place> placeIn(String text) {
        Matcher postcode = POSTCODE.matcher(text);
        while (postcode.find()) {
            String code = postcode.group(1);
            // the most precise commune of the postcode: an arrondissement before its city
            Optional<Commune> c = byPostcode.getOrDefault(code, List.of()).stream()
                    .min(Comparator.<Commune>comparingInt(x -> x.postcodes().size())
                            .thenComparing(Comparator.comparingInt(Commune::population).reversed()));
            if (c.isPresent()) {
                return Optional.of(new Place(c.get().displayName(), code, c.get().point()));
            }
        }
        Matcher arrondissement = ARRONDISSEMENT.matcher(text);
        while (arrondissement.find()) {
            int n = Integer.parseInt(arrondissement.group(2));
            String code = String.valueOf(FIRST_POSTCODE.get(Analysis.fold(arrondissement.group(1))) + n);
            var found = byPostcode.getOrDefault(code, List.of()).stream().filter(c -> c.postcodes().size() == 1)
                    .findFirst();
            if (n >= 1 && found.isPresent()) {
                return Optional.of(new Place(found.get().displayName(), code, found.get().point()));
            }
        }
        return byName(text);
    }

    private Optional<Place> byName(String text) {
        String[] original = text.strip().split("[^\\p{L}\\p{N}]+");
        List<String> words = new ArrayList<>();
        List<Boolean> capital = new ArrayList<>();
        for (String w : original) {
            if (!w.isEmpty()) {
                words.add(Analysis.fold(w));
                capital.add(Character.isUpperCase(w.charAt(0)));
            }
        }
        Commune best = null;
        int bestLength = 0;
        for (int i = 0; i < words.size(); i++) {
            boolean cued = i > 0 && CUES.contains(words.get(i - 1)) && !englishArticle(words, i - 1)
                    || i > 1 && words.get(i - 1).equals("de") && CUES.contains(words.get(i - 2));
            boolean introduced = cued || (capital.get(i) && i > 0);
            for (int length = Math.min(LONGEST_NAME, words.size() - i); length >= 1; length--) {
                String key = String.join(" ", words.subList(i, i + length));
                List<Commune> named = new ArrayList<>(byName.getOrDefault(key, List.of()));
                if (length == 1) {
                    named.addAll(byFirstWord.getOrDefault(key, List.of()));
                }
                Optional<Commune> c = named.stream().max(Comparator.comparingInt(Commune::population));
                if (c.isEmpty() || key.length() < 3) {
                    continue;
                }
                int population = c.get().population();
                boolean accepted = cued || (introduced && population >= TOWN) || (length > 1 && introduced)
                        || (population >= BIG_CITY && capital.get(i));
                if (accepted && (length > bestLength || length == bestLength && population > best.population())) {
                    best = c.get();
                    bestLength = length;
                }
                break;
            }
        }
        Commune found = best;
        return Optional.ofNullable(found).map(c -> new Place(c.displayName(),
                c.postcodes().size() == 1 ? c.postcodes().getFirst() : null, c.point()));
    }

    /** "a" is "à" typed without its accent ("je suis a paris"), unless English says "a" ("have a nice day"). */
    private static boolean englishArticle(List<String> words, int at) {
        return words.get(at).equals("a") && at > 0 && ENGLISH_BEFORE_ARTICLE.contains(words.get(at - 1));
    }

    private static final Set<String> ENGLISH_BEFORE_ARTICLE = Set.of("have", "has", "had", "is", "was", "be", "been",
            "get", "got", "need", "want", "like", "take", "make", "buy", "for", "with", "such", "what", "and", "of",
            "in", "on", "as", "to", "it", "s", "there", "not", "find", "sell", "order", "ordered", "bought", "i",
            "you", "we", "just", "quite", "very", "day", "reserve", "hold");

    private static List<String> words(String name) {
        List<String> words = new ArrayList<>();
        for (String w : name.split("[^\\p{L}\\p{N}]+")) {
            if (!w.isEmpty()) {
                words.add(Analysis.fold(w));
            }
        }
        return words;
    }
}
