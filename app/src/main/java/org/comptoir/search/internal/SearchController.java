package org.comptoir.search.internal;

import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.comptoir.catalog.ProductStatus;
import org.comptoir.network.GeoPoint;
import org.comptoir.network.Network;
import org.comptoir.platform.security.Caller;
import org.comptoir.platform.security.Callers;
import org.comptoir.platform.web.ApiProblem;
import org.comptoir.platform.web.PageRequest;
import org.comptoir.search.Gazetteer;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Product search for shops, apps, tills and the back office. A storefront's key searches its channel's
 * active products and its channel's stock; the back office any channel's, or every location's.
 */
@Tag(name = "Search", description = "Product search in French and English, with facets")
@RestController
@RequestMapping("/api/v1/search/products")
class SearchController {

    static final int MAX_QUERY = 200;
    static final int DEFAULT_LIMIT = 20;
    static final int MAX_LIMIT = 50;
    static final double DEFAULT_RADIUS_KM = 20;
    static final double MAX_RADIUS_KM = 200;
    private static final String ATTRIBUTE_PARAM = "attr.";
    private static final Pattern POINT = Pattern.compile("\\s*(-?\\d{1,2}(?:\\.\\d+)?)\\s*,\\s*(-?\\d{1,3}(?:\\.\\d+)?)\\s*");

    private final SearchService search;
    private final Network network;
    private final Gazetteer places;

    SearchController(SearchService search, Network network, Gazetteer places) {
        this.search = search;
        this.network = network;
        this.places = places;
    }

    @GetMapping
    SearchPage search(@Parameter(description = "the shopper's words, or a SKU or GTIN") @RequestParam(required = false)
            String q, @RequestParam(required = false) String locale, @RequestParam(required = false) String channel,
            @RequestParam(required = false) String category, @RequestParam(required = false) String brand,
            @Parameter(description = "a location whose stock the products must have") @RequestParam(required = false)
            String store,
            @Parameter(description = "a place (\"Paris 11e\", \"75011\", \"Lyon\") or latitude,longitude: products a "
                    + "location within radiusKm has") @RequestParam(required = false) String near,
            @RequestParam(required = false) Double radiusKm,
            @Parameter(description = "a price band: 0-10, 10-25, 25-50, 50-100, 100-250, 250+")
            @RequestParam(required = false) String price,
            @RequestParam(required = false) Boolean inStock,
            @Parameter(description = "back office only: statuses, comma separated (ACTIVE by default)")
            @RequestParam(required = false) String status,
            @Parameter(description = "category, brand, price, availability, store, attr.<name>; comma separated")
            @RequestParam(required = false) String facets,
            @RequestParam(required = false) Integer limit, @RequestParam(required = false) String cursor,
            @Parameter(description = "attribute filters: attr.colour=vert") @RequestParam Map<String, String> parameters) {
        Caller caller = Callers.current();
        String text = q == null || q.isBlank() ? null : q.strip();
        if (text != null && text.length() > MAX_QUERY) {
            throw ApiProblem.invalid("q", "at most " + MAX_QUERY + " characters");
        }
        if (text == null && category == null && brand == null) {
            throw ApiProblem.invalid("q", "give words to search, or a category or brand to browse");
        }
        int size = limit == null ? DEFAULT_LIMIT : limit;
        if (size < 1 || size > MAX_LIMIT) {
            throw ApiProblem.invalid("limit", "must be between 1 and " + MAX_LIMIT);
        }
        String channelCode = channelOf(caller, channel);
        Set<ProductStatus> statuses = statuses(caller, status);
        Map<String, String> attributes = attributes(parameters);
        if (store != null && !network.locationExists(store)) {
            throw ApiProblem.invalid("store", "no location has the code " + store);
        }
        double radius = radiusKm == null ? DEFAULT_RADIUS_KM : radiusKm;
        if (!(radius > 0 && radius <= MAX_RADIUS_KM)) {
            throw ApiProblem.invalid("radiusKm", "must be above 0 and at most " + MAX_RADIUS_KM);
        }
        if (price != null) {
            Ranking.band(price);
        }
        Set<String> facetNames = facets == null || facets.isBlank() ? Set.of()
                : Facets.check(new LinkedHashSet<>(Arrays.stream(facets.split(",")).map(String::strip)
                        .filter(f -> !f.isEmpty()).toList()));
        String fingerprint = Integer.toHexString(java.util.Objects.hash(text, locale, channelCode, category, brand,
                store, near, radius, price, inStock, statuses, facetNames, attributes, size));
        int offset = offset(cursor, fingerprint);
        SearchPage page = search.search(new SearchRequest(text, locale, channelCode, statuses, category, brand,
                attributes, store, near == null ? null : point(near), radius, price, Boolean.TRUE.equals(inStock),
                facetNames, size, offset, Queries.Match.ALL, true));
        return page.nextCursor() == null ? page : new SearchPage(page.items(), page.total(),
                PageRequest.cursorFor(page.nextCursor() + ":" + fingerprint), page.relaxed(), page.didYouMean(),
                page.facets());
    }

    /** A storefront searches its own channel; the back office names one, or none for every location. */
    private String channelOf(Caller caller, String channel) {
        if (caller.channelCode().isPresent()) {
            return caller.channelCode().get();
        }
        if (channel != null && !network.channelExists(channel)) {
            throw ApiProblem.invalid("channel", "no channel has the code " + channel);
        }
        return channel;
    }

    private static Set<ProductStatus> statuses(Caller caller, String status) {
        if (status == null || status.isBlank() || caller.storefront()) {
            return EnumSet.of(ProductStatus.ACTIVE);
        }
        Set<ProductStatus> statuses = EnumSet.noneOf(ProductStatus.class);
        for (String s : status.split(",")) {
            try {
                statuses.add(ProductStatus.valueOf(s.strip()));
            } catch (IllegalArgumentException e) {
                throw ApiProblem.invalid("status", "must be among " + Arrays.toString(ProductStatus.values()));
            }
        }
        return statuses;
    }

    private static Map<String, String> attributes(Map<String, String> parameters) {
        Map<String, String> attributes = new LinkedHashMap<>();
        parameters.forEach((name, value) -> {
            if (name.startsWith(ATTRIBUTE_PARAM)) {
                attributes.put(name.substring(ATTRIBUTE_PARAM.length()), value);
            }
        });
        if (attributes.size() > 10) {
            throw ApiProblem.invalid("attr", "at most 10 attribute filters");
        }
        return attributes;
    }

    private GeoPoint point(String near) {
        Matcher m = POINT.matcher(near);
        if (m.matches()) {
            try {
                return new GeoPoint(Double.parseDouble(m.group(1)), Double.parseDouble(m.group(2)));
            } catch (IllegalArgumentException e) {
                throw ApiProblem.invalid("near", e.getMessage());
            }
        }
        if (near.length() > MAX_QUERY) {
            throw ApiProblem.invalid("near", "at most " + MAX_QUERY + " characters");
        }
        return places.placeIn("à " + near).map(Gazetteer.Place::point)
                .orElseThrow(() -> ApiProblem.invalid("near", "no place of France is called so"));
    }

    /** Where a cursor resumes; refused when it was given by another search. */
    private static int offset(String cursor, String fingerprint) {
        if (cursor == null || cursor.isBlank()) {
            return 0;
        }
        String[] key = PageRequest.keyOf(cursor).split(":");
        if (key.length != 2 || !key[1].equals(fingerprint) || !key[0].matches("\\d{1,4}")) {
            throw ApiProblem.invalid("cursor", "belongs to another search");
        }
        return Integer.parseInt(key[0]);
    }
}
