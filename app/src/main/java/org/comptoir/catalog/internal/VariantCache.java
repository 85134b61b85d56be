package org.comptoir.catalog.internal;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import org.comptoir.catalog.VariantSummary;
import org.comptoir.platform.persistence.Snapshot;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Variant summaries by SKU, asked by every quote, cart change and hold, kept at most
 * {@link Snapshot#MAX_AGE} like the other reference data: a product written on this node is forgotten
 * at once and again when its transaction ends; one written on another node is seen within that time.
 * Unknown SKUs are not remembered, so a new product sells at once on every node.
 */
@Component
class VariantCache {

    private static final int MAX_ENTRIES = 200_000;

    private record Entry(VariantSummary variant, long atNanos) {}

    private final Map<String, Entry> entries = new ConcurrentHashMap<>();
    /** Moves on every change: a load that began before it does not store what it read. */
    private final AtomicLong generation = new AtomicLong();

    Map<String, VariantSummary> variants(Collection<String> skus,
            Function<Collection<String>, Map<String, VariantSummary>> load) {
        long now = System.nanoTime();
        Map<String, VariantSummary> found = new HashMap<>();
        List<String> missing = new ArrayList<>();
        for (String sku : skus) {
            Entry entry = entries.get(sku);
            if (entry != null && now - entry.atNanos() <= Snapshot.MAX_AGE.toNanos()) {
                found.put(sku, entry.variant());
            } else {
                missing.add(sku);
            }
        }
        if (missing.isEmpty()) {
            return found;
        }
        long seen = generation.get();
        Map<String, VariantSummary> loaded = load.apply(missing);
        found.putAll(loaded);
        if (generation.get() == seen) {
            if (entries.size() + loaded.size() > MAX_ENTRIES) {
                entries.clear();
            }
            loaded.forEach((sku, variant) -> entries.put(sku, new Entry(variant, now)));
        }
        return found;
    }

    /** Forgets every variant now and once the changing transaction ends (a read in between saw the old rows). */
    void changed() {
        forget();
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCompletion(int status) {
                    forget();
                }
            });
        }
    }

    private void forget() {
        generation.incrementAndGet();
        entries.clear();
    }
}
