package org.comptoir.search.internal;

import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Merchandisers' say in the search: synonyms per locale and product boosts, used from the next query. */
@Tag(name = "Search merchandising", description = "Synonyms and boosts of the product search")
@RestController
@RequestMapping("/api/v1/search")
class MerchandisingController {

    record SynonymPayload(String locale, List<String> terms) {}

    record SynonymView(UUID id, String locale, List<String> terms) {}

    record BoostPayload(Double factor) {}

    private final Merchandising merchandising;

    MerchandisingController(Merchandising merchandising) {
        this.merchandising = merchandising;
    }

    @GetMapping("/synonyms")
    Map<String, List<SynonymView>> synonyms() {
        return Map.of("items", merchandising.synonyms().stream().map(MerchandisingController::view).toList());
    }

    @PostMapping("/synonyms")
    ResponseEntity<SynonymView> addSynonyms(@RequestBody SynonymPayload payload) {
        var set = merchandising.addSynonyms(payload.locale(), payload.terms());
        return ResponseEntity.created(URI.create("/api/v1/search/synonyms/" + set.id())).body(view(set));
    }

    @GetMapping("/synonyms/{id}")
    SynonymView synonymSet(@PathVariable UUID id) {
        return merchandising.synonymSet(id).map(MerchandisingController::view)
                .orElseThrow(() -> org.comptoir.platform.web.ApiProblem.notFound("synonym set", id));
    }

    @DeleteMapping("/synonyms/{id}")
    ResponseEntity<Void> removeSynonyms(@PathVariable UUID id) {
        merchandising.removeSynonyms(id);
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/boosts")
    Map<String, List<Merchandising.Boost>> boosts() {
        return Map.of("items", merchandising.boosts().entrySet().stream()
                .map(e -> new Merchandising.Boost(e.getKey(), e.getValue())).sorted(java.util.Comparator.comparing(
                        b -> b.productId().toString())).collect(Collectors.toList()));
    }

    /** A factor above 1 lifts the product among results as relevant and as available as it; below 1 lowers it. */
    @PutMapping("/boosts/{productId}")
    Merchandising.Boost boost(@PathVariable UUID productId, @RequestBody BoostPayload payload) {
        if (payload.factor() == null) {
            throw org.comptoir.platform.web.ApiProblem.invalid("factor", "is required");
        }
        return merchandising.boost(productId, payload.factor());
    }

    @DeleteMapping("/boosts/{productId}")
    ResponseEntity<Void> removeBoost(@PathVariable UUID productId) {
        merchandising.removeBoost(productId);
        return ResponseEntity.noContent().build();
    }

    private static SynonymView view(Merchandising.SynonymSet set) {
        return new SynonymView(set.id(), set.locale(), set.terms());
    }
}
