package org.comptoir.pricing.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.comptoir.catalog.Catalog;
import org.comptoir.catalog.TaxClass;
import org.comptoir.catalog.VariantSummary;
import org.comptoir.network.ChannelSummary;
import org.comptoir.network.Network;
import org.comptoir.platform.security.Caller;
import org.comptoir.platform.web.ApiProblem;
import org.comptoir.pricing.LoyaltyPoints;
import org.comptoir.pricing.Pricing;
import org.comptoir.pricing.Quote;
import org.comptoir.pricing.QuoteRequest;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Gathers what a quote needs (prices for the channel and group, VAT of the country, the delivery fee,
 * open promotions and the coupons typed in) and lets the engine price the basket.
 */
@Service
class Quoting implements Pricing {

    static final int MAX_LINES = 200;
    static final int MAX_QUANTITY = 100_000;
    static final int MAX_CODES = 10;

    private final PriceLists priceLists;
    private final PromotionRepository promotions;
    private final TaxRepository taxes;
    private final Catalog catalog;
    private final Network network;
    private final PricingSettings settings;
    private final Clock clock;
    private final ObjectProvider<LoyaltyPoints> loyalty;

    Quoting(PriceLists priceLists, PromotionRepository promotions, TaxRepository taxes, Catalog catalog,
            Network network, PricingSettings settings, Clock clock, ObjectProvider<LoyaltyPoints> loyalty) {
        this.loyalty = loyalty;
        this.priceLists = priceLists;
        this.promotions = promotions;
        this.taxes = taxes;
        this.catalog = catalog;
        this.network = network;
        this.settings = settings;
        this.clock = clock;
    }

    /**
     * A quote asked by a caller: a storefront prices for its signed-in shopper only (their price group,
     * their points), never for a customer it names, whose points balance a quote would otherwise tell.
     */
    Quote quoteFor(QuoteRequest request, Caller caller) {
        if (!caller.storefront()) {
            return quote(request);
        }
        if (request.customerRef() != null && !caller.ownsCustomerRef(request.customerRef())
                || request.customerGroup() != null && !caller.customerGroup().map(request.customerGroup()::equals)
                        .orElse(false)) {
            throw ApiProblem.forbidden("A storefront prices for its signed-in shopper (a customer token) only");
        }
        return quote(new QuoteRequest(request.channelCode(), request.currency(), caller.customerRef().orElse(null),
                caller.customerGroup().orElse(null), request.country(), request.lines(), request.codes(),
                request.deliveryMethod(), request.loyaltyPoints()));
    }

    @Override
    public Quote quote(QuoteRequest request) {
        Instant now = clock.instant();
        ChannelSummary channel = channelOf(request.channelCode());
        String currency = currencyOf(request.currency() == null ? channel.currency() : request.currency());
        String country = request.country() == null ? settings.defaultCountry() : request.country();
        Map<TaxClass, Integer> rates = taxes.ratesOf(country);
        if (rates.isEmpty()) {
            throw ApiProblem.invalid("country", "no VAT rates are configured for " + country);
        }
        Map<String, Integer> quantities = merged(request.lines());
        Map<String, VariantSummary> variants = catalog.variants(quantities.keySet());
        quantities.keySet().stream().filter(sku -> !variants.containsKey(sku)).findFirst().ifPresent(sku -> {
            throw new ApiProblem(HttpStatus.UNPROCESSABLE_CONTENT, "unknown-sku", "Unknown SKU",
                    "No variant has the SKU " + sku).with("sku", sku);
        });
        var prices = priceLists.resolve(quantities.keySet(), currency, channel.code(), request.customerGroup(), now);
        quantities.keySet().stream().filter(sku -> !prices.containsKey(sku)).findFirst().ifPresent(sku -> {
            throw new ApiProblem(HttpStatus.UNPROCESSABLE_CONTENT, "no-price", "No price",
                    "SKU " + sku + " has no price in " + currency + " for channel " + channel.code())
                    .with("sku", sku).with("currency", currency);
        });
        List<QuoteEngine.PricedLine> lines = new ArrayList<>();
        quantities.forEach((sku, quantity) -> {
            var price = prices.get(sku);
            lines.add(new QuoteEngine.PricedLine(sku, quantity, price.amount(), price.compareAt(),
                    price.list().code(), rateOf(rates, variants.get(sku).taxClass(), country),
                    variants.get(sku).categories()));
        });
        QuoteEngine.DeliveryFee delivery = null;
        if (request.deliveryMethod() != null) {
            // A method without a configured fee is delivered free: the fee table lists what is charged.
            var fee = taxes.fee(request.deliveryMethod(), currency)
                    .orElse(new TaxRepository.Fee(request.deliveryMethod(), currency, 0, TaxClass.STANDARD));
            delivery = new QuoteEngine.DeliveryFee(fee.method(), fee.amount(), rateOf(rates, fee.taxClass(), country));
        }
        Map<String, String> codes = new LinkedHashMap<>();
        Map<String, String> refused = new LinkedHashMap<>();
        List<Promotion> open = new ArrayList<>();
        for (Promotion p : promotions.automatic(now)) {
            if (p.closedReason(now, channel.code(), request.customerGroup(), currency) == null) {
                open.add(p);
            }
        }
        withCoupons(request, channel.code(), currency, now, codes, refused, open);
        QuoteEngine.Points points = null;
        if (request.loyaltyPoints() < 0) {
            throw ApiProblem.invalid("loyaltyPoints", "must be 0 or more");
        }
        if (request.loyaltyPoints() > 0) {
            if (request.customerRef() == null) {
                throw ApiProblem.invalid("loyaltyPoints", "points are spent by a known customer: give customerRef");
            }
            LoyaltyPoints wallet = loyalty.getIfAvailable();
            if (wallet == null) {
                throw ApiProblem.invalid("loyaltyPoints", "no loyalty programme runs on this platform");
            }
            points = new QuoteEngine.Points(request.loyaltyPoints(),
                    wallet.value(request.customerRef(), request.loyaltyPoints(), currency));
        }
        return QuoteEngine.quote(new QuoteEngine.Basket(channel.code(), currency, country,
                settings.pricesIncludeTax(), lines, delivery, open, codes, refused, points));
    }

    @Override
    public Map<String, Long> shelfPrices(String channelCode, java.util.Collection<String> skus) {
        ChannelSummary channel = channelOf(channelCode);
        Map<String, Long> prices = new java.util.HashMap<>();
        priceLists.resolve(skus, currencyOf(channel.currency()), channel.code(), null, clock.instant())
                .forEach((sku, price) -> prices.put(sku, price.amount()));
        return prices;
    }

    /** Counts coupon uses and budgets in the caller's transaction; a retried order counts nothing twice. */
    @Override
    @Transactional
    public void redeem(Quote quote, String orderReference, String customerRef) {
        Instant now = clock.instant();
        Map<String, Quote.AppliedPromotion> applied = quote.promotions().stream()
                .collect(Collectors.toMap(Quote.AppliedPromotion::code, Function.identity()));
        List<String> usedCodes = quote.codes().stream().filter(Quote.CodeStatus::applied).map(Quote.CodeStatus::code)
                .toList();
        var coupons = usedCodes.isEmpty() ? Map.<String, PromotionRepository.Coupon>of() : promotions.coupons(usedCodes);
        Map<UUID, Promotion> byId = new LinkedHashMap<>();
        if (!applied.isEmpty()) {
            promotions.byCodes(applied.keySet()).forEach(p -> byId.put(p.id(), p));
        }
        for (String code : usedCodes) {
            var coupon = coupons.get(code);
            if (coupon == null || promotions.redeemed(code, orderReference)) {
                continue;
            }
            if (!promotions.use(code)) {
                throw ApiProblem.conflict("coupon-used-up", "Coupon " + code + " reached its usage limit; quote again")
                        .with("code", code);
            }
            if (coupon.perCustomerLimit() != null && customerRef != null
                    && promotions.redemptions(code, customerRef) >= coupon.perCustomerLimit()) {
                throw ApiProblem.conflict("coupon-used-up", "Coupon " + code + " was already used "
                        + coupon.perCustomerLimit() + " time(s) by this customer").with("code", code);
            }
            Promotion promotion = byId.get(coupon.promotionId());
            long discount = promotion == null ? 0 : applied.get(promotion.code()).amount();
            promotions.insertRedemption(code, orderReference, customerRef, discount, now);
        }
        for (Promotion p : byId.values()) {
            if (p.budget() != null && !promotions.spent(p.id(), orderReference)
                    && !promotions.spend(p.id(), orderReference, applied.get(p.code()).amount(), now)) {
                throw ApiProblem.conflict("promotion-budget-spent", "The budget of promotion " + p.code()
                        + " ran out; quote again").with("promotion", p.code());
            }
        }
        if (quote.loyalty() != null && quote.loyalty().points() > 0) {
            loyalty.getObject().spend(customerRef, quote.loyalty().points(), orderReference);
        }
    }

    @Override
    @Transactional
    public void release(String orderReference) {
        promotions.release(orderReference);
        LoyaltyPoints wallet = loyalty.getIfAvailable();
        if (wallet != null) {
            wallet.giveBack(orderReference);
        }
    }

    /** Coupons typed in: unknown codes and codes of another currency's promotion are refused outright. */
    private void withCoupons(QuoteRequest request, String channel, String currency, Instant now,
            Map<String, String> codes, Map<String, String> refused, List<Promotion> open) {
        List<String> typed = request.codes().stream().map(c -> c == null ? "" : c.trim().toUpperCase(Locale.ROOT))
                .distinct().toList();
        if (typed.isEmpty()) {
            return;
        }
        if (typed.size() > MAX_CODES || typed.contains("")) {
            throw ApiProblem.invalid("codes", "at most " + MAX_CODES + " codes, none blank");
        }
        var coupons = promotions.coupons(typed);
        typed.stream().filter(c -> !coupons.containsKey(c)).findFirst().ifPresent(code -> {
            throw new ApiProblem(HttpStatus.UNPROCESSABLE_CONTENT, "unknown-coupon", "Unknown coupon",
                    "No coupon has the code " + code).with("code", code);
        });
        Map<UUID, Promotion> byId = promotions.byIds(coupons.values().stream()
                        .map(PromotionRepository.Coupon::promotionId).collect(Collectors.toSet()))
                .stream().collect(Collectors.toMap(Promotion::id, Function.identity()));
        for (String code : typed) {
            var coupon = coupons.get(code);
            Promotion p = byId.get(coupon.promotionId());
            if (p.currency() != null && !p.currency().equals(currency)) {
                throw new ApiProblem(HttpStatus.UNPROCESSABLE_CONTENT, "promotion-currency-mismatch",
                        "Promotion in another currency", "Coupon " + code + " is for a promotion in " + p.currency()
                                + ", the basket is in " + currency).with("code", code);
            }
            String closed = p.closedReason(now, channel, request.customerGroup(), currency);
            if (closed == null && coupon.usageLimit() != null && coupon.used() >= coupon.usageLimit()) {
                closed = "the coupon reached its usage limit";
            }
            if (closed == null && coupon.perCustomerLimit() != null) {
                if (request.customerRef() == null) {
                    closed = "the coupon is limited per customer: the customer must be known";
                } else if (promotions.redemptions(code, request.customerRef()) >= coupon.perCustomerLimit()) {
                    closed = "the customer already used the coupon " + coupon.perCustomerLimit() + " time(s)";
                }
            }
            if (closed != null) {
                refused.put(code, closed);
            } else {
                codes.put(code, p.code());
                if (open.stream().noneMatch(o -> o.id().equals(p.id()))) {
                    open.add(p);
                }
            }
        }
    }

    private ChannelSummary channelOf(String code) {
        if (code == null || code.isBlank()) {
            throw ApiProblem.invalid("channelCode", "must name the channel the basket is bought on");
        }
        ChannelSummary channel = network.channel(code)
                .orElseThrow(() -> ApiProblem.invalid("channelCode", "no channel has the code " + code));
        if (!channel.active()) {
            throw ApiProblem.invalid("channelCode", "channel " + code + " is not active");
        }
        return channel;
    }

    private static String currencyOf(String code) {
        try {
            return Currency.getInstance(code).getCurrencyCode();
        } catch (IllegalArgumentException | NullPointerException e) {
            throw ApiProblem.invalid("currency", "must be an ISO 4217 code such as EUR");
        }
    }

    private static int rateOf(Map<TaxClass, Integer> rates, TaxClass taxClass, String country) {
        Integer rate = rates.get(taxClass);
        if (rate == null) {
            throw ApiProblem.invalid("country", "no VAT rate of class " + taxClass + " is configured for " + country);
        }
        return rate;
    }

    /** Lines of the same SKU are one line of their sum; quantities are checked first. */
    private static Map<String, Integer> merged(List<QuoteRequest.Line> lines) {
        if (lines.isEmpty() || lines.size() > MAX_LINES) {
            throw ApiProblem.invalid("lines", "must have 1 to " + MAX_LINES + " lines");
        }
        Map<String, Integer> merged = new LinkedHashMap<>();
        for (int i = 0; i < lines.size(); i++) {
            QuoteRequest.Line line = lines.get(i);
            if (line == null || line.sku() == null || line.sku().isBlank()) {
                throw ApiProblem.invalid("lines[" + i + "].sku", "is required");
            }
            if (line.quantity() < 1 || line.quantity() > MAX_QUANTITY) {
                throw ApiProblem.invalid("lines[" + i + "].quantity", "must be 1 to " + MAX_QUANTITY);
            }
            int sum = merged.merge(line.sku(), line.quantity(), Integer::sum);
            if (sum > MAX_QUANTITY) {
                throw ApiProblem.invalid("lines[" + i + "].quantity", "adds up to more than " + MAX_QUANTITY);
            }
        }
        return merged;
    }
}
