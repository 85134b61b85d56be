package org.comptoir.pricing.internal;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.comptoir.pricing.Quote;

/**
 * Prices a basket whose prices, tax rates and open promotions are already known: no I/O, the same
 * input always gives the same answer, which is what makes every channel agree. Promotions apply by
 * descending priority (then code) on what earlier ones left; cart-wide discounts are spread over the
 * lines in proportion to their amounts so that each line's VAT is computed on what it really costs.
 */
final class QuoteEngine {

    /** A line with its price resolved. */
    record PricedLine(String sku, int quantity, long unitPrice, Long compareAtPrice, String priceList,
            int taxRateBp, Set<String> categories) {

        long listTotal() {
            return Math.multiplyExact(unitPrice, (long) quantity);
        }
    }

    /** The fee of the delivery method chosen. */
    record DeliveryFee(String method, long fee, int taxRateBp) {}

    /** What the engine needs besides the lines. */
    record Basket(String channelCode, String currency, String country, boolean pricesIncludeTax,
            List<PricedLine> lines, DeliveryFee delivery, List<Promotion> promotions, Map<String, String> codes,
            Map<String, String> refusedCodes, Points points) {}

    /** Loyalty points spent and what they are worth at most. */
    record Points(long points, long value) {}

    private QuoteEngine() {}

    static Quote quote(Basket basket) {
        List<PricedLine> lines = basket.lines();
        int n = lines.size();
        long[] remaining = new long[n];
        List<Map<String, Long>> discounts = new ArrayList<>();
        boolean[] discounted = new boolean[n];
        boolean[] kept = new boolean[n];
        for (int i = 0; i < n; i++) {
            remaining[i] = lines.get(i).listTotal();
            discounts.add(new LinkedHashMap<>());
        }
        long deliveryDiscount = 0;
        boolean anyApplied = false;
        boolean exclusiveApplied = false;
        List<Quote.AppliedPromotion> applied = new ArrayList<>();
        Map<String, String> notApplied = new LinkedHashMap<>();
        List<Promotion> ordered = basket.promotions().stream()
                .sorted(Comparator.comparingInt(Promotion::priority).reversed().thenComparing(Promotion::code))
                .toList();
        for (Promotion p : ordered) {
            if (exclusiveApplied) {
                notApplied.put(p.code(), "an exclusive promotion already applies");
                continue;
            }
            if (p.stacking() == Promotion.Stacking.EXCLUSIVE && anyApplied) {
                notApplied.put(p.code(), "it is exclusive and other promotions already apply");
                continue;
            }
            List<Integer> eligible = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                boolean blocked = kept[i] || (p.stacking() != Promotion.Stacking.COMBINABLE && discounted[i]);
                if (!blocked && remaining[i] > 0 && p.targets(lines.get(i).sku(), lines.get(i).categories())) {
                    eligible.add(i);
                }
            }
            if (eligible.isEmpty()) {
                notApplied.put(p.code(), "no line of the basket qualifies");
                continue;
            }
            long spend = eligible.stream().mapToLong(i -> remaining[i]).sum();
            if (p.threshold() != null && spend < p.threshold()) {
                notApplied.put(p.code(), "the qualifying spend is " + Amounts.format(spend, basket.currency())
                        + ", below the threshold of " + Amounts.format(p.threshold(), basket.currency()));
                continue;
            }
            long[] off = new long[n];
            long offDelivery = 0;
            switch (p.kind()) {
                case PERCENT_OFF -> {
                    if (p.target() == Promotion.Target.CART) {
                        spread(Amounts.percentOf(spend, p.percentBp()), eligible, remaining, off);
                    } else {
                        eligible.forEach(i -> off[i] = Amounts.percentOf(remaining[i], p.percentBp()));
                    }
                }
                case AMOUNT_OFF -> {
                    if (p.target() == Promotion.Target.CART) {
                        spread(Math.min(p.amount(), spend), eligible, remaining, off);
                    } else {
                        eligible.forEach(i -> off[i] = Math.min(remaining[i],
                                Math.multiplyExact(p.amount(), (long) lines.get(i).quantity())));
                    }
                }
                case BUY_X_GET_Y -> buyXGetY(p, eligible, lines, remaining, off);
                case FREE_DELIVERY -> {
                    if (basket.delivery() == null || basket.delivery().fee() == 0) {
                        notApplied.put(p.code(), "there is no delivery fee to waive");
                        continue;
                    }
                    offDelivery = basket.delivery().fee() - deliveryDiscount;
                }
            }
            long total = offDelivery;
            for (long o : off) {
                total += o;
            }
            if (total > p.budgetLeft()) {
                // The last of a budget is shared out like a cart discount, never overspent.
                long[] capped = new long[n];
                List<Integer> weighted = new ArrayList<>(eligible);
                long capTotal = p.budgetLeft();
                if (offDelivery > 0) {
                    offDelivery = Math.min(offDelivery, capTotal);
                    capTotal -= offDelivery;
                }
                spread(capTotal, weighted, off, capped);
                System.arraycopy(capped, 0, off, 0, n);
                total = p.budgetLeft();
            }
            if (total == 0) {
                notApplied.put(p.code(), "it takes nothing off this basket");
                continue;
            }
            for (int i = 0; i < n; i++) {
                if (off[i] > 0) {
                    remaining[i] -= off[i];
                    discounts.get(i).merge(p.code(), off[i], Long::sum);
                    discounted[i] = true;
                    kept[i] |= p.stacking() != Promotion.Stacking.COMBINABLE;
                }
            }
            deliveryDiscount += offDelivery;
            anyApplied = true;
            exclusiveApplied = p.stacking() == Promotion.Stacking.EXCLUSIVE;
            applied.add(new Quote.AppliedPromotion(p.code(), p.name(), p.kind().name(), total,
                    Amounts.describe(p, spend, basket.currency())));
        }
        Quote.Loyalty loyalty = null;
        if (basket.points() != null && basket.points().points() > 0) {
            // Points pay for goods, after every promotion, never for more than is left of them.
            List<Integer> all = new ArrayList<>();
            long left = 0;
            for (int i = 0; i < n; i++) {
                if (remaining[i] > 0) {
                    all.add(i);
                    left += remaining[i];
                }
            }
            long amount = Math.min(basket.points().value(), left);
            long[] off = new long[n];
            spread(amount, all, remaining, off);
            for (int i = 0; i < n; i++) {
                if (off[i] > 0) {
                    remaining[i] -= off[i];
                    discounts.get(i).merge(LOYALTY, off[i], Long::sum);
                }
            }
            loyalty = new Quote.Loyalty(basket.points().points(), amount);
        }
        return assemble(basket, remaining, discounts, deliveryDiscount, applied, notApplied, loyalty);
    }

    /** The discount code of loyalty points on a line. */
    static final String LOYALTY = "LOYALTY_POINTS";

    private static Quote assemble(Basket basket, long[] remaining, List<Map<String, Long>> discounts,
            long deliveryDiscount, List<Quote.AppliedPromotion> applied, Map<String, String> notApplied,
            Quote.Loyalty loyalty) {
        boolean included = basket.pricesIncludeTax();
        List<Quote.QuotedLine> quoted = new ArrayList<>();
        TreeMap<Integer, long[]> taxes = new TreeMap<>();
        long listTotal = 0;
        long discount = 0;
        long net = 0;
        long tax = 0;
        long gross = 0;
        for (int i = 0; i < basket.lines().size(); i++) {
            PricedLine line = basket.lines().get(i);
            long[] split = Amounts.split(remaining[i], line.taxRateBp(), included);
            List<Quote.LineDiscount> lineDiscounts = discounts.get(i).entrySet().stream()
                    .map(e -> new Quote.LineDiscount(e.getKey(), e.getValue())).toList();
            long lineDiscount = line.listTotal() - remaining[i];
            quoted.add(new Quote.QuotedLine(line.sku(), line.quantity(), line.unitPrice(), line.compareAtPrice(),
                    line.priceList(), line.listTotal(), lineDiscounts, lineDiscount, remaining[i], line.taxRateBp(),
                    split[0], split[1], split[2]));
            listTotal += line.listTotal();
            discount += lineDiscount;
            net += split[0];
            tax += split[1];
            gross += split[2];
            long[] byRate = taxes.computeIfAbsent(line.taxRateBp(), r -> new long[2]);
            byRate[0] += split[0];
            byRate[1] += split[1];
        }
        Quote.Delivery delivery = null;
        long deliveryTotal = 0;
        if (basket.delivery() != null) {
            DeliveryFee fee = basket.delivery();
            deliveryTotal = fee.fee() - deliveryDiscount;
            long[] split = Amounts.split(deliveryTotal, fee.taxRateBp(), included);
            delivery = new Quote.Delivery(fee.method(), fee.fee(), deliveryDiscount, deliveryTotal, fee.taxRateBp(),
                    split[0], split[1], split[2]);
            net += split[0];
            tax += split[1];
            gross += split[2];
            if (deliveryTotal > 0) {
                long[] byRate = taxes.computeIfAbsent(fee.taxRateBp(), r -> new long[2]);
                byRate[0] += split[0];
                byRate[1] += split[1];
            }
        }
        List<Quote.TaxLine> taxLines = taxes.entrySet().stream()
                .map(e -> new Quote.TaxLine(e.getKey(), e.getValue()[0], e.getValue()[1])).toList();
        List<Quote.CodeStatus> codes = new ArrayList<>();
        basket.refusedCodes().forEach((code, reason) -> codes.add(new Quote.CodeStatus(code, false, reason)));
        basket.codes().forEach((code, promotionCode) -> {
            boolean used = applied.stream().anyMatch(a -> a.code().equals(promotionCode));
            codes.add(new Quote.CodeStatus(code, used, used ? null : notApplied.getOrDefault(promotionCode,
                    "the promotion does not apply")));
        });
        codes.sort(Comparator.comparing(Quote.CodeStatus::code));
        return new Quote(basket.channelCode(), basket.currency(), basket.country(), included, quoted, delivery,
                applied, codes, taxLines, new Quote.Totals(listTotal, discount, deliveryTotal, net, tax, gross),
                loyalty);
    }

    /**
     * For every {@code buy + get} qualifying units, the {@code get} cheapest are discounted (free unless
     * a percentage is set). A unit is worth what its line has left, shared evenly over its units.
     */
    private static void buyXGetY(Promotion p, List<Integer> eligible, List<PricedLine> lines, long[] remaining,
            long[] off) {
        record Unit(int line, long value) {}
        List<Unit> units = new ArrayList<>();
        for (int i : eligible) {
            int quantity = lines.get(i).quantity();
            for (int u = 0; u < quantity; u++) {
                // Spread the cents a line cannot divide evenly over its first units.
                long value = remaining[i] / quantity + (u < remaining[i] % quantity ? 1 : 0);
                units.add(new Unit(i, value));
            }
        }
        int free = units.size() / (p.buyQuantity() + p.getQuantity()) * p.getQuantity();
        int percent = p.percentBp() == null ? Amounts.WHOLE : p.percentBp();
        units.stream().sorted(Comparator.comparingLong(Unit::value).thenComparingInt(Unit::line)).limit(free)
                .forEach(unit -> off[unit.line()] += Amounts.percentOf(unit.value(), percent));
    }

    /**
     * Shares {@code total} over the given lines in proportion to their weights, by largest remainder,
     * so that the parts add up exactly and ties go to the earlier line.
     */
    static void spread(long total, List<Integer> lines, long[] weights, long[] into) {
        BigInteger sum = BigInteger.ZERO;
        for (int i : lines) {
            sum = sum.add(BigInteger.valueOf(weights[i]));
        }
        if (sum.signum() == 0 || total == 0) {
            return;
        }
        long given = 0;
        List<long[]> remainders = new ArrayList<>();
        for (int i : lines) {
            BigInteger[] share = BigInteger.valueOf(total).multiply(BigInteger.valueOf(weights[i]))
                    .divideAndRemainder(sum);
            into[i] = share[0].longValueExact();
            given += into[i];
            remainders.add(new long[] {i, share[1].longValueExact()});
        }
        remainders.sort(Comparator.<long[]>comparingLong(r -> -r[1]).thenComparingLong(r -> r[0]));
        for (int k = 0; given < total; k++, given++) {
            into[(int) remainders.get(k % remainders.size())[0]] += 1;
        }
    }
}
