package org.comptoir.catalog.internal;

import java.util.Collection;
import java.util.Map;
import java.util.function.Function;
import org.comptoir.catalog.VariantSummary;
import org.comptoir.platform.cluster.CacheTopics;
import org.comptoir.platform.persistence.KeyedSnapshot;
import org.comptoir.platform.persistence.Snapshot;
import org.springframework.stereotype.Component;

/**
 * Variant summaries by SKU, asked by every quote, cart change and hold, kept at most
 * {@link Snapshot#MAX_AGE} like the other reference data: a product written on this node is forgotten
 * at once and again when its transaction ends; one written on another node within a second.
 * Unknown SKUs are not remembered, so a new product sells at once on every node.
 */
@Component
class VariantCache {

    private final KeyedSnapshot<VariantSummary> entries;

    VariantCache(CacheTopics topics) {
        this.entries = new KeyedSnapshot<>(topics, "catalog.variants", 200_000);
    }

    Map<String, VariantSummary> variants(Collection<String> skus,
            Function<Collection<String>, Map<String, VariantSummary>> load) {
        return entries.get(skus, load);
    }

    void changed() {
        entries.changed();
    }
}
