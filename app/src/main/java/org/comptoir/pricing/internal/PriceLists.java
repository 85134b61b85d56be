package org.comptoir.pricing.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.comptoir.catalog.Catalog;
import org.comptoir.network.Network;
import org.comptoir.platform.persistence.Ids;
import org.comptoir.platform.web.ApiProblem;
import org.comptoir.platform.web.CursorPage;
import org.comptoir.platform.web.PageRequest;
import org.comptoir.platform.web.Versions;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Price lists and their prices, and which price applies to a channel and a customer group. */
@Service
class PriceLists {

    private final PriceListRepository lists;
    private final Catalog catalog;
    private final Network network;
    private final Clock clock;

    PriceLists(PriceListRepository lists, Catalog catalog, Network network, Clock clock) {
        this.lists = lists;
        this.catalog = catalog;
        this.network = network;
        this.clock = clock;
    }

    @Transactional
    PriceList create(PricingPayloads.PriceListPayload payload) {
        if (lists.find(payload.code()).isPresent()) {
            throw ApiProblem.conflict("price-list-code-taken", "A price list already has the code " + payload.code())
                    .with("code", payload.code());
        }
        PriceList list = from(payload, Ids.newId(), 1);
        lists.insert(list, clock.instant());
        return list;
    }

    /** Replaces what a list says about itself; its code and currency never change (prices depend on them). */
    @Transactional
    PriceList replace(String code, PricingPayloads.PriceListPayload payload, int expectedVersion) {
        PriceList current = find(code);
        if (!current.code().equals(payload.code()) || !current.currency().equals(payload.currency())) {
            throw ApiProblem.invalid(current.code().equals(payload.code()) ? "currency" : "code",
                    "cannot change: create another price list instead");
        }
        if (expectedVersion != Versions.ANY && expectedVersion != current.version()) {
            throw Versions.stale(current.version());
        }
        PriceList replaced = from(payload, current.id(), current.version() + 1);
        if (!lists.update(replaced, current.version(), clock.instant())) {
            throw Versions.stale(null);
        }
        return replaced;
    }

    PriceList find(String code) {
        return lists.find(code).orElseThrow(() -> ApiProblem.notFound("Price list", code));
    }

    CursorPage<PriceList> list(PageRequest page) {
        return CursorPage.of(lists.page(page.limit() + 1, page.after().orElse(null)), page, PriceList::code);
    }

    /** Sets prices of SKUs that exist in the catalogue; one unknown SKU refuses the whole batch. */
    @Transactional
    void setPrices(String code, List<PricingPayloads.PricePayload> prices) {
        PriceList list = find(code);
        for (int i = 0; i < prices.size(); i++) {
            var p = prices.get(i);
            if (p.compareAt() != null && p.compareAt() <= p.amount()) {
                throw ApiProblem.invalid("prices[" + i + "].compareAt", "must be above the amount");
            }
        }
        var skus = prices.stream().map(PricingPayloads.PricePayload::sku).distinct().toList();
        if (skus.size() != prices.size()) {
            throw ApiProblem.invalid("prices", "lists a SKU twice");
        }
        var known = catalog.variants(skus);
        for (int i = 0; i < prices.size(); i++) {
            if (!known.containsKey(prices.get(i).sku())) {
                throw ApiProblem.invalid("prices[" + i + "].sku", "no variant has the SKU " + prices.get(i).sku());
            }
        }
        lists.upsert(list, prices);
    }

    @Transactional
    void removePrice(String code, String sku) {
        if (!lists.deletePrice(find(code), sku)) {
            throw ApiProblem.notFound("Price of SKU", sku);
        }
    }

    CursorPage<PriceListRepository.ListedPrice> prices(String code, PageRequest page) {
        return CursorPage.of(lists.prices(find(code), page.limit() + 1, page.after().orElse(null)), page,
                PriceListRepository.ListedPrice::sku);
    }

    /**
     * The price of each SKU for a channel and customer group: among the lists holding a price for it,
     * the most specific wins, then the highest priority, then the first code. SKUs without any price
     * are absent.
     */
    Map<String, PriceListRepository.ListedPrice> resolve(Collection<String> skus, String currency, String channel,
            String group, Instant at) {
        Comparator<PriceListRepository.ListedPrice> best = Comparator
                .comparingInt((PriceListRepository.ListedPrice p) -> p.list().specificity()).reversed()
                .thenComparing(Comparator.comparingInt((PriceListRepository.ListedPrice p) -> p.list().priority())
                        .reversed())
                .thenComparing(p -> p.list().code());
        Map<String, PriceListRepository.ListedPrice> chosen = new HashMap<>();
        for (var candidate : lists.candidates(skus, currency, at)) {
            if (candidate.list().appliesTo(channel, group)) {
                chosen.merge(candidate.sku(), candidate, (a, b) -> best.compare(a, b) <= 0 ? a : b);
            }
        }
        return chosen;
    }

    private PriceList from(PricingPayloads.PriceListPayload payload, java.util.UUID id, int version) {
        if (payload.channelCode() != null && network.channel(payload.channelCode()).isEmpty()) {
            throw ApiProblem.invalid("channelCode", "no channel has the code " + payload.channelCode());
        }
        if (payload.validFrom() != null && payload.validTo() != null && !payload.validTo().isAfter(payload.validFrom())) {
            throw ApiProblem.invalid("validTo", "must be after validFrom");
        }
        return new PriceList(id, payload.code(), payload.name(), payload.currency(), payload.channelCode(),
                payload.customerGroup(), payload.priority() == null ? 0 : payload.priority(), payload.validFrom(),
                payload.validTo(), payload.active() == null || payload.active(), version);
    }
}
