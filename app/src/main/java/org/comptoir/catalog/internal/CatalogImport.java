package org.comptoir.catalog.internal;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.comptoir.catalog.internal.ImportJobRepository.RowError;
import org.comptoir.network.Network;
import org.comptoir.platform.web.ApiProblem.FieldError;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Writes one batch of import items in one transaction, together with the job's progress, so a job
 * resumed after a crash starts exactly where the last committed batch ended. Items are upserted by
 * SKU: a SKU that exists updates its product; otherwise the handle finds the product, or a new one
 * is created. A refused item becomes a row error; the others are kept.
 */
@Component
class CatalogImport {

    private final ProductRepository products;
    private final CategoryRepository categories;
    private final ImportJobRepository jobs;
    private final Products events;
    private final Network network;
    private final CatalogSettings settings;
    private final Clock clock;

    CatalogImport(ProductRepository products, CategoryRepository categories, ImportJobRepository jobs,
            Products events, Network network, CatalogSettings settings, Clock clock) {
        this.products = products;
        this.categories = categories;
        this.jobs = jobs;
        this.events = events;
        this.network = network;
        this.settings = settings;
        this.clock = clock;
    }

    /** A batch that must be retried item by item to find the refused ones. */
    static final class ImportBatchConflict extends RuntimeException {
        ImportBatchConflict(String message) {
            super(message);
        }
    }

    /** What a batch did, for the job log. */
    record BatchResult(int created, int updated, int failed) {}

    @Transactional
    BatchResult write(UUID jobId, List<ImportSource.Item> items, Map<String, Boolean> knownChannels) {
        List<RowError> errors = new ArrayList<>();
        Set<String> skus = new HashSet<>();
        Set<String> handles = new HashSet<>();
        Set<String> categoryCodes = new HashSet<>();
        for (ImportSource.Item item : items) {
            if (item.payload() != null) {
                skusOf(item.payload()).forEach(skus::add);
                if (item.payload().handle() != null) {
                    handles.add(item.payload().handle());
                }
                if (item.payload().category() != null) {
                    categoryCodes.add(item.payload().category());
                }
            }
        }
        Map<String, UUID> ownerBySku = new HashMap<>(skus.isEmpty() ? Map.of() : products.productIdsBySku(skus));
        Map<String, UUID> ownerByHandle = new HashMap<>(handles.isEmpty() ? Map.of()
                : products.productIdsByHandle(handles));
        Map<String, UUID> categoryIds = categoryCodes.isEmpty() ? Map.of() : categories.idsByCode(categoryCodes);
        Set<UUID> existingIds = new HashSet<>(ownerBySku.values());
        existingIds.addAll(ownerByHandle.values());
        Map<UUID, Product> stored = new HashMap<>();
        products.load(existingIds).forEach(p -> stored.put(p.id(), p));

        Map<UUID, Product> working = new LinkedHashMap<>(stored);
        Set<UUID> created = new HashSet<>();
        Set<UUID> touched = new HashSet<>();
        Map<String, UUID> ownerByGtin = new HashMap<>();
        for (ImportSource.Item item : items) {
            if (item.payload() == null) {
                errors.add(new RowError(item.line(), item.sku(), item.error()));
                continue;
            }
            String problem = apply(item.payload(), working, created, ownerBySku, ownerByHandle, ownerByGtin,
                    categoryIds, knownChannels);
            if (problem != null) {
                errors.add(new RowError(item.line(), item.sku(), problem));
            } else {
                touched.add(targetOf(item.payload(), ownerBySku, ownerByHandle));
            }
        }
        List<String> gtinProblems = checkGtins(working, touched);
        if (!gtinProblems.isEmpty()) {
            if (items.size() > 1) {
                // Rare (a GTIN moving between products): the runner retries this batch item by item.
                throw new ImportBatchConflict("GTIN conflicts " + gtinProblems);
            }
            ImportSource.Item item = items.getFirst();
            errors.add(new RowError(item.line(), item.sku(), "gtin " + gtinProblems + " belongs to another product"));
            touched.clear();
        }
        List<Product> inserts = new ArrayList<>();
        List<Product> replacements = new ArrayList<>();
        for (UUID id : touched) {
            Product p = working.get(id);
            if (created.contains(id)) {
                inserts.add(p);
            } else {
                replacements.add(new Product(p.id(), p.handle(), p.brand(), p.categoryCode(), p.status(), p.texts(),
                        p.media(), p.channels(), p.variants(), stored.get(id).version() + 1));
            }
        }
        Map<String, UUID> allCategoryIds = new HashMap<>(categoryIds);
        var now = clock.instant();
        products.insertAll(inserts, allCategoryIds, now);
        Set<UUID> replaced = products.replaceAll(replacements, allCategoryIds, now);
        if (replaced.size() != replacements.size()) {
            throw new IllegalStateException("products changed while the batch was written");
        }
        inserts.forEach(events::publishCreated);
        replacements.forEach(p -> events.publishChanged(stored.get(p.id()), p));
        jobs.insertErrors(jobId, errors);
        jobs.progress(jobId, items.size(), errors.size(), now);
        return new BatchResult(inserts.size(), replacements.size(), errors.size());
    }

    /** Applies one item to the working set; returns why it was refused, or null. */
    private String apply(ProductPayload item, Map<UUID, Product> working, Set<UUID> created,
            Map<String, UUID> ownerBySku, Map<String, UUID> ownerByHandle, Map<String, UUID> ownerByGtin,
            Map<String, UUID> categoryIds, Map<String, Boolean> knownChannels) {
        Set<UUID> owners = skusOf(item).map(ownerBySku::get).filter(Objects::nonNull).collect(Collectors.toSet());
        if (owners.size() > 1) {
            return "its SKUs belong to different products " + owners;
        }
        UUID target = targetOf(item, ownerBySku, ownerByHandle);
        Product candidate;
        if (target == null) {
            candidate = ImportMerge.create(item, settings.defaultLocale());
            if (candidate.handle() != null && ownerByHandle.containsKey(candidate.handle())) {
                candidate = ImportMerge.merge(working.get(ownerByHandle.get(candidate.handle())), item);
            }
        } else {
            candidate = ImportMerge.merge(working.get(target), item);
        }
        List<FieldError> problems = new ArrayList<>(ProductRules.check(candidate));
        if (candidate.categoryCode() != null && !categoryIds.containsKey(candidate.categoryCode())) {
            problems.add(new FieldError("category", "no category has the code " + candidate.categoryCode()));
        }
        for (String channel : candidate.channels()) {
            if (!knownChannels.computeIfAbsent(channel, network::channelExists)) {
                problems.add(new FieldError("channels", "unknown channel " + channel));
            }
        }
        UUID handleOwner = ownerByHandle.get(candidate.handle());
        if (handleOwner != null && !handleOwner.equals(candidate.id())) {
            problems.add(new FieldError("handle", "belongs to another product"));
        }
        if (!problems.isEmpty()) {
            return problems.stream().map(p -> p.field() + " " + p.message()).collect(Collectors.joining("; "));
        }
        if (!working.containsKey(candidate.id())) {
            created.add(candidate.id());
        }
        Product previous = working.put(candidate.id(), candidate);
        if (previous != null && !previous.handle().equals(candidate.handle())) {
            ownerByHandle.remove(previous.handle());
        }
        ownerByHandle.put(candidate.handle(), candidate.id());
        for (Product.Variant v : candidate.variants()) {
            ownerBySku.put(v.sku(), candidate.id());
        }
        return null;
    }

    private static UUID targetOf(ProductPayload item, Map<String, UUID> ownerBySku, Map<String, UUID> ownerByHandle) {
        return skusOf(item).map(ownerBySku::get).filter(Objects::nonNull).findFirst()
                .orElseGet(() -> item.handle() == null ? null : ownerByHandle.get(item.handle()));
    }

    private static java.util.stream.Stream<String> skusOf(ProductPayload item) {
        return item.variants() == null ? java.util.stream.Stream.empty()
                : item.variants().stream().filter(Objects::nonNull).map(ProductPayload.VariantPayload::sku)
                        .filter(Objects::nonNull).map(String::trim);
    }

    /** GTINs the batch writes that another product already has. */
    private List<String> checkGtins(Map<UUID, Product> working, Set<UUID> touched) {
        Map<String, UUID> written = new HashMap<>();
        List<String> conflicts = new ArrayList<>();
        for (UUID id : touched) {
            for (Product.Variant v : working.get(id).variants()) {
                if (v.gtin() != null && written.putIfAbsent(v.gtin(), id) != null && !written.get(v.gtin()).equals(id)) {
                    conflicts.add(v.gtin());
                }
            }
        }
        if (!written.isEmpty()) {
            products.productIdsByGtin(written.keySet()).forEach((gtin, owner) -> {
                if (!owner.equals(written.get(gtin))) {
                    conflicts.add(gtin);
                }
            });
        }
        return conflicts;
    }
}
