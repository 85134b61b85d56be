package org.comptoir.pricing.internal;

import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.comptoir.network.ChannelSummary;
import org.comptoir.network.Network;
import org.comptoir.platform.web.ApiProblem;
import org.comptoir.pricing.Quote;
import org.comptoir.pricing.QuoteRequest;
import org.springframework.stereotype.Service;

/**
 * The consistency audit: the same basket quoted on every channel, compared with a reference channel,
 * each difference named with the rule that causes it (a channel's own price list, a promotion limited
 * to some channels, another currency). A basket that differs nowhere is consistent.
 */
@Service
class PriceAudit {

    /** One channel's answer, or why it could not price the basket. */
    record ChannelQuote(String channelCode, String currency, Long total, List<String> promotions,
            Map<String, Long> unitPrices, String error) {}

    /** A difference from the reference channel and its cause. */
    record Difference(String channelCode, String sku, String field, Object reference, Object value, String cause) {}

    record Audit(String referenceChannel, boolean consistent, List<ChannelQuote> channels,
            List<Difference> differences) {}

    private final Quoting quoting;
    private final PromotionRepository promotions;
    private final Network network;
    private final Clock clock;

    PriceAudit(Quoting quoting, PromotionRepository promotions, Network network, Clock clock) {
        this.quoting = quoting;
        this.promotions = promotions;
        this.network = network;
        this.clock = clock;
    }

    Audit audit(QuoteRequest basket, List<String> channelCodes, String referenceChannel) {
        List<String> channels = channelCodes == null || channelCodes.isEmpty()
                ? network.channels().stream().filter(ChannelSummary::active).map(ChannelSummary::code).toList()
                : List.copyOf(new LinkedHashSet<>(channelCodes));
        if (channels.isEmpty()) {
            throw ApiProblem.invalid("channels", "there is no active channel to compare");
        }
        String reference = referenceChannel == null ? channels.getFirst() : referenceChannel;
        if (!channels.contains(reference)) {
            throw ApiProblem.invalid("referenceChannel", "must be one of the channels compared");
        }
        List<ChannelQuote> answers = new ArrayList<>();
        Map<String, Quote> quotes = new LinkedHashMap<>();
        for (String channel : channels) {
            try {
                Quote quote = quoting.quote(basket.onChannel(channel));
                quotes.put(channel, quote);
                answers.add(new ChannelQuote(channel, quote.currency(), quote.payable(),
                        quote.promotions().stream().map(Quote.AppliedPromotion::code).toList(),
                        quote.lines().stream().collect(Collectors.toMap(Quote.QuotedLine::sku,
                                Quote.QuotedLine::unitPrice, (a, b) -> a, LinkedHashMap::new)), null));
            } catch (ApiProblem problem) {
                answers.add(new ChannelQuote(channel, null, null, List.of(), Map.of(), problem.errors().isEmpty()
                        ? problem.getMessage() : problem.errors().stream().map(e -> e.field() + " " + e.message())
                                .collect(Collectors.joining("; "))));
            }
        }
        Quote base = quotes.get(reference);
        if (base == null) {
            throw ApiProblem.invalid("referenceChannel", "the basket cannot be priced on " + reference + ": "
                    + answers.stream().filter(a -> a.channelCode().equals(reference)).findFirst()
                            .map(ChannelQuote::error).orElse(""));
        }
        List<Difference> differences = new ArrayList<>();
        for (ChannelQuote answer : answers) {
            if (answer.channelCode().equals(reference)) {
                continue;
            }
            Quote other = quotes.get(answer.channelCode());
            if (other == null) {
                differences.add(new Difference(answer.channelCode(), null, "quote", base.payable(), null,
                        answer.error()));
                continue;
            }
            compare(basket, base, other, differences);
        }
        return new Audit(reference, differences.isEmpty(), answers, differences);
    }

    private void compare(QuoteRequest basket, Quote base, Quote other, List<Difference> differences) {
        String channel = other.channelCode();
        if (!base.currency().equals(other.currency())) {
            differences.add(new Difference(channel, null, "currency", base.currency(), other.currency(),
                    "channel " + channel + " sells in " + other.currency()));
            return;
        }
        Map<String, Quote.QuotedLine> baseLines = base.lines().stream()
                .collect(Collectors.toMap(Quote.QuotedLine::sku, Function.identity()));
        for (Quote.QuotedLine line : other.lines()) {
            Quote.QuotedLine ref = baseLines.get(line.sku());
            if (ref.unitPrice() != line.unitPrice() || !Objects.equals(ref.compareAtPrice(), line.compareAtPrice())) {
                differences.add(new Difference(channel, line.sku(), "unitPrice", ref.unitPrice(), line.unitPrice(),
                        "price list " + line.priceList() + " on " + channel + ", price list " + ref.priceList()
                                + " on " + base.channelCode()));
            }
        }
        Set<String> basePromotions = base.promotions().stream().map(Quote.AppliedPromotion::code)
                .collect(Collectors.toSet());
        Set<String> otherPromotions = other.promotions().stream().map(Quote.AppliedPromotion::code)
                .collect(Collectors.toSet());
        for (String code : basePromotions) {
            if (!otherPromotions.contains(code)) {
                differences.add(new Difference(channel, null, "promotion", code, null, why(code, basket, channel,
                        base.currency())));
            }
        }
        for (String code : otherPromotions) {
            if (!basePromotions.contains(code)) {
                differences.add(new Difference(channel, null, "promotion", null, code, why(code, basket,
                        base.channelCode(), base.currency()) + " (applies on " + channel + ")"));
            }
        }
        if (base.payable() != other.payable()) {
            differences.add(new Difference(channel, null, "total", base.payable(), other.payable(),
                    "follows from the differences above"));
        }
    }

    /** Why a promotion does not apply on a channel: its own rule, or the rules around it. */
    private String why(String promotionCode, QuoteRequest basket, String channel, String currency) {
        return promotions.find(promotionCode)
                .map(p -> {
                    String closed = p.closedReason(clock.instant(), channel, basket.customerGroup(), currency);
                    return closed != null ? "promotion " + p.code() + ": " + closed
                            : "promotion " + p.code() + " is outranked or excluded by another promotion on " + channel;
                })
                .orElse("promotion " + promotionCode + " no longer exists");
    }
}
