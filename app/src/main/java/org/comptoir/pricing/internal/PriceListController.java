package org.comptoir.pricing.internal;

import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.net.URI;
import java.time.Instant;
import org.comptoir.platform.web.CursorPage;
import org.comptoir.platform.web.PageRequest;
import org.comptoir.platform.web.Versions;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@Tag(name = "Price lists", description = "Prices per currency: the default list, channel and customer-group lists")
@RestController
@RequestMapping("/api/v1/pricing/price-lists")
class PriceListController {

    record PriceListView(String code, String name, String currency, String channelCode, String customerGroup,
            int priority, Instant validFrom, Instant validTo, boolean active, String scope, int version) {
        static PriceListView of(PriceList l) {
            return new PriceListView(l.code(), l.name(), l.currency(), l.channelCode(), l.customerGroup(),
                    l.priority(), l.validFrom(), l.validTo(), l.active(), l.scope(), l.version());
        }
    }

    record PriceView(String sku, long amount, Long compareAt) {}

    private final PriceLists lists;

    PriceListController(PriceLists lists) {
        this.lists = lists;
    }

    @PostMapping
    ResponseEntity<PriceListView> create(@Valid @RequestBody PricingPayloads.PriceListPayload payload) {
        PriceList list = lists.create(payload);
        return ResponseEntity.created(URI.create("/api/v1/pricing/price-lists/" + list.code()))
                .eTag(Versions.etag(list.version())).body(PriceListView.of(list));
    }

    @GetMapping
    CursorPage<PriceListView> list(@RequestParam(required = false) Integer limit,
            @RequestParam(required = false) String cursor) {
        return lists.list(PageRequest.of(limit, cursor)).map(PriceListView::of);
    }

    @GetMapping("/{code}")
    ResponseEntity<PriceListView> get(@PathVariable String code) {
        PriceList list = lists.find(code);
        return ResponseEntity.ok().eTag(Versions.etag(list.version())).body(PriceListView.of(list));
    }

    @PutMapping("/{code}")
    ResponseEntity<PriceListView> replace(@PathVariable String code,
            @RequestHeader(name = "If-Match", required = false) String ifMatch,
            @Valid @RequestBody PricingPayloads.PriceListPayload payload) {
        PriceList list = lists.replace(code, payload, Versions.fromIfMatch(ifMatch));
        return ResponseEntity.ok().eTag(Versions.etag(list.version())).body(PriceListView.of(list));
    }

    /** Sets up to 1,000 prices at once; all or none. */
    @PutMapping("/{code}/prices")
    ResponseEntity<Void> setPrices(@PathVariable String code, @Valid @RequestBody PricingPayloads.Prices prices) {
        lists.setPrices(code, prices.prices());
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/{code}/prices")
    CursorPage<PriceView> prices(@PathVariable String code, @RequestParam(required = false) Integer limit,
            @RequestParam(required = false) String cursor) {
        return lists.prices(code, PageRequest.of(limit, cursor))
                .map(p -> new PriceView(p.sku(), p.amount(), p.compareAt()));
    }

    @DeleteMapping("/{code}/prices/{sku}")
    ResponseEntity<Void> removePrice(@PathVariable String code, @PathVariable String sku) {
        lists.removePrice(code, sku);
        return ResponseEntity.noContent().build();
    }
}
