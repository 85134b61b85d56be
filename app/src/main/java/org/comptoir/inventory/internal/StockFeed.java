package org.comptoir.inventory.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.comptoir.network.ChannelSummary;
import org.comptoir.network.Network;
import org.comptoir.platform.security.Caller;
import org.comptoir.platform.web.ApiProblem;
import org.comptoir.platform.web.PageRequest;
import org.springframework.stereotype.Service;

/**
 * The quantities a channel publishes (a marketplace's stock feed): per SKU, the total it may sell
 * across its locations after safety stock, ring-fences and its buffer. Full, page by page, or
 * incremental: every answer carries a changes cursor, and a later call with it as {@code since}
 * lists only the SKUs whose stock changed meanwhile (quantities are absolute, so a SKU sent twice is
 * harmless; the cursor overlaps a little so that nothing committed late is missed).
 */
@Service
class StockFeed {

    static final int MAX_PAGE = 5_000;

    record Line(String sku, int quantity) {}

    /** A page of the feed; {@code nextCursor} for the next page, {@code changesCursor} for later changes. */
    record Page(String channel, List<Line> items, String nextCursor, String changesCursor) {}

    private final BalanceRepository balances;
    private final Availability availability;
    private final Network network;
    private final InventorySettings settings;
    private final Clock clock;

    StockFeed(BalanceRepository balances, Availability availability, Network network, InventorySettings settings,
            Clock clock) {
        this.settings = settings;
        this.balances = balances;
        this.availability = availability;
        this.network = network;
        this.clock = clock;
    }

    Page page(Caller caller, String channelCode, Optional<String> since, Optional<String> cursor, int limit) {
        if (caller.channelCode().map(own -> !own.equals(channelCode)).orElse(false)) {
            throw ApiProblem.notFound("channel", channelCode); // a channel's key reads its own feed only
        }
        if (limit < 1 || limit > MAX_PAGE) {
            throw ApiProblem.invalid("limit", "must be between 1 and " + MAX_PAGE);
        }
        ChannelSummary channel = network.channel(channelCode)
                .orElseThrow(() -> ApiProblem.notFound("channel", channelCode));
        Instant startedAt = clock.instant();
        String after = cursor.map(c -> decode(c, "cursor")).orElse(null);
        List<String> skus = channel.locationCodes().isEmpty() ? List.of() : since.isPresent()
                ? balances.skusChangedAt(channel.locationCodes(), Instant.parse(decode(since.get(), "since")), after,
                        limit + 1)
                : balances.skusAt(channel.locationCodes(), after, limit + 1);
        boolean more = skus.size() > limit;
        List<String> page = more ? skus.subList(0, limit) : skus;
        List<Line> lines = new ArrayList<>();
        if (!page.isEmpty()) {
            Map<String, Availability.OfSku> quantities = availability.of(page, channelCode);
            page.forEach(sku -> lines.add(new Line(sku, quantities.get(sku).networkAvailable())));
        }
        return new Page(channelCode, lines, more ? encode(page.getLast()) : null,
                encode(startedAt.minus(settings.feedOverlap()).toString()));
    }

    private static String encode(String value) {
        return PageRequest.cursorFor(value);
    }

    private static String decode(String token, String field) {
        try {
            String value = PageRequest.keyOf(token);
            if (field.equals("since")) {
                Instant.parse(value);
            }
            return value;
        } catch (RuntimeException e) {
            throw ApiProblem.invalid(field, "is not a cursor returned by this feed");
        }
    }
}
