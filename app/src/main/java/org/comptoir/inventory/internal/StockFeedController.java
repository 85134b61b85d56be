package org.comptoir.inventory.internal;

import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.Optional;
import org.comptoir.platform.security.Callers;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** A channel's stock feed, as JSON or CSV ({@code ?format=csv} or {@code Accept: text/csv}). */
@Tag(name = "Stock feeds", description = "Quantities to publish per channel (marketplaces), full or incremental")
@RestController
@RequestMapping("/api/v1/inventory/feeds")
class StockFeedController {

    private static final MediaType CSV = MediaType.parseMediaType("text/csv");

    private final StockFeed feed;

    StockFeedController(StockFeed feed) {
        this.feed = feed;
    }

    @GetMapping(value = "/{channelCode}", produces = {MediaType.APPLICATION_JSON_VALUE, "text/csv"})
    ResponseEntity<?> feed(@PathVariable String channelCode, @RequestParam(required = false) String since,
            @RequestParam(required = false) String cursor, @RequestParam(defaultValue = "1000") int limit,
            @RequestParam(required = false) String format,
            @org.springframework.web.bind.annotation.RequestHeader(name = "Accept", required = false) String accept) {
        StockFeed.Page page = feed.page(Callers.current(), channelCode, Optional.ofNullable(since),
                Optional.ofNullable(cursor), limit);
        boolean csv = "csv".equalsIgnoreCase(format) || format == null && accept != null && accept.contains("text/csv");
        if (!csv) {
            return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(page);
        }
        StringBuilder body = new StringBuilder("sku,quantity\n");
        page.items().forEach(line -> body.append(line.sku()).append(',').append(line.quantity()).append('\n'));
        var answer = ResponseEntity.ok().contentType(CSV).header("Comptoir-Changes-Cursor", page.changesCursor());
        if (page.nextCursor() != null) {
            answer.header("Comptoir-Next-Cursor", page.nextCursor());
        }
        return answer.body(body.toString());
    }
}
