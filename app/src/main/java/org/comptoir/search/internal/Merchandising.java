package org.comptoir.search.internal;

import static org.comptoir.search.internal.db.tables.Boost.BOOST;
import static org.comptoir.search.internal.db.tables.Synonym.SYNONYM;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;
import org.comptoir.platform.persistence.Ids;
import org.comptoir.platform.web.ApiProblem;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Service;

/**
 * What merchandisers tell the search: synonym sets per locale and boosts per product. Held in memory
 * (every query reads them); a change made here is used at once, one made on another node as soon as
 * this node's follower sees the tables' fingerprint move (within a second).
 */
@Service
class Merchandising {

    static final int MAX_TERMS = 20;
    static final int MAX_TERM_LENGTH = 100;
    private static final Pattern LOCALE = Pattern.compile("[a-z]{2}(-[A-Z]{2})?");

    /** A set of words or phrases that mean the same in a locale; each phrase as folded words. */
    record SynonymSet(UUID id, String locale, List<String> terms, List<List<String>> phrases) {}

    record Boost(UUID productId, double factor) {}

    private record State(List<SynonymSet> synonyms, Map<UUID, Double> boosts, String fingerprint) {}

    private final DSLContext db;
    private final org.comptoir.catalog.Catalog catalog;
    private final Analysis analysis;
    private final Clock clock;
    private volatile State state = new State(List.of(), Map.of(), "");
    /** Moves on every reload: answers kept by the searcher are keyed by it. */
    private final java.util.concurrent.atomic.AtomicLong version = new java.util.concurrent.atomic.AtomicLong();

    long version() {
        return version.get();
    }

    Merchandising(DSLContext db, org.comptoir.catalog.Catalog catalog, Analysis analysis, Clock clock) {
        this.db = db;
        this.catalog = catalog;
        this.analysis = analysis;
        this.clock = clock;
    }

    List<SynonymSet> synonyms() {
        return state.synonyms();
    }

    double boost(UUID productId) {
        return state.boosts().getOrDefault(productId, 1.0);
    }

    Map<UUID, Double> boosts() {
        return state.boosts();
    }

    SynonymSet addSynonyms(String locale, List<String> terms) {
        if (locale == null || !LOCALE.matcher(locale).matches()) {
            throw ApiProblem.invalid("locale", "must be a language or a locale such as fr or fr-FR");
        }
        if (terms == null || terms.size() < 2 || terms.size() > MAX_TERMS) {
            throw ApiProblem.invalid("terms", "must list between 2 and " + MAX_TERMS + " words or phrases");
        }
        for (String t : terms) {
            if (t == null || t.isBlank() || t.length() > MAX_TERM_LENGTH || analysis.words(t).isEmpty()) {
                throw ApiProblem.invalid("terms", "each must hold a word, in at most " + MAX_TERM_LENGTH
                        + " characters");
            }
            if (t.contains("|")) {
                throw ApiProblem.invalid("terms", "may not contain |");
            }
        }
        UUID id = Ids.newId();
        List<String> stripped = terms.stream().map(String::strip).toList();
        db.insertInto(SYNONYM).set(SYNONYM.ID, id).set(SYNONYM.LOCALE, locale)
                .set(SYNONYM.TERMS, String.join("|", stripped)).set(SYNONYM.UPDATED_AT, clock.instant()).execute();
        reload();
        return set(id, locale, stripped);
    }

    void removeSynonyms(UUID id) {
        if (db.deleteFrom(SYNONYM).where(SYNONYM.ID.eq(id)).execute() == 0) {
            throw ApiProblem.notFound("synonym set", id);
        }
        reload();
    }

    Boost boost(UUID productId, double factor) {
        if (!(factor > 0 && factor <= 10)) {
            throw ApiProblem.invalid("factor", "must be above 0 and at most 10 (1 is neutral)");
        }
        if (catalog.documents(List.of(productId)).isEmpty()) {
            throw ApiProblem.notFound("product", productId);
        }
        Instant now = clock.instant();
        if (db.update(BOOST).set(BOOST.FACTOR, factor).set(BOOST.UPDATED_AT, now).where(BOOST.PRODUCT_ID.eq(productId))
                .execute() == 0) {
            db.insertInto(BOOST).set(BOOST.PRODUCT_ID, productId).set(BOOST.FACTOR, factor).set(BOOST.UPDATED_AT, now)
                    .execute();
        }
        reload();
        return new Boost(productId, factor);
    }

    void removeBoost(UUID productId) {
        if (db.deleteFrom(BOOST).where(BOOST.PRODUCT_ID.eq(productId)).execute() == 0) {
            throw ApiProblem.notFound("boost", productId);
        }
        reload();
    }

    Optional<SynonymSet> synonymSet(UUID id) {
        return state.synonyms().stream().filter(s -> s.id().equals(id)).findFirst();
    }

    /** Reloads when the tables changed since the last load (by a node or another). */
    void refreshIfChanged() {
        if (!fingerprint().equals(state.fingerprint())) {
            reload();
        }
    }

    synchronized void reload() {
        String fingerprint = fingerprint();
        List<SynonymSet> sets = new ArrayList<>();
        db.selectFrom(SYNONYM).orderBy(SYNONYM.LOCALE, SYNONYM.ID).forEach(r -> sets.add(
                set(r.getId(), r.getLocale(), Arrays.asList(r.getTerms().split("\\|")))));
        Map<UUID, Double> boosts = new HashMap<>();
        db.selectFrom(BOOST).forEach(r -> boosts.put(r.getProductId(), r.getFactor()));
        state = new State(List.copyOf(sets), Map.copyOf(boosts), fingerprint);
        version.incrementAndGet();
    }

    private SynonymSet set(UUID id, String locale, List<String> terms) {
        return new SynonymSet(id, locale, List.copyOf(terms),
                terms.stream().map(analysis::words).filter(w -> !w.isEmpty()).toList());
    }

    private String fingerprint() {
        var s = db.select(DSL.count(), DSL.max(SYNONYM.UPDATED_AT)).from(SYNONYM).fetchOne();
        var b = db.select(DSL.count(), DSL.max(BOOST.UPDATED_AT)).from(BOOST).fetchOne();
        return s.value1() + "/" + s.value2() + "/" + b.value1() + "/" + b.value2();
    }
}
