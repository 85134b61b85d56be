package org.comptoir.pricing.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.comptoir.pricing.Quote;
import org.junit.jupiter.api.Test;

class QuoteEngineTest {

    private static QuoteEngine.PricedLine line(String sku, int quantity, long unitPrice, int rateBp, String... categories) {
        return new QuoteEngine.PricedLine(sku, quantity, unitPrice, null, "DEFAULT", rateBp, Set.of(categories));
    }

    private static Promotion promotion(String code, Promotion.Kind kind, Promotion.Target target, Set<String> targets,
            Integer percentBp, Long amount, int priority, Promotion.Stacking stacking) {
        return new Promotion(UUID.randomUUID(), code, code, kind, target, targets, percentBp, amount,
                amount == null ? null : "EUR", null, null, null, Set.of(), null, null, null, priority, stacking, null, 0,
                false, true, 1, Instant.EPOCH, Instant.EPOCH);
    }

    private static Quote quote(List<QuoteEngine.PricedLine> lines, QuoteEngine.DeliveryFee delivery,
            Promotion... promotions) {
        return QuoteEngine.quote(new QuoteEngine.Basket("WEB", "EUR", "FR", true, lines, delivery, List.of(promotions),
                Map.of(), Map.of(), null));
    }

    @Test
    void loyaltyPointsComeOffAfterPromotionsSpreadOverTheLinesAndNeverBeyondWhatIsLeft() {
        var lines = List.of(line("A", 1, 3000, 2000), line("B", 1, 1000, 550));
        Quote spent = QuoteEngine.quote(new QuoteEngine.Basket("WEB", "EUR", "FR", true, lines, null, List.of(),
                Map.of(), Map.of(), new QuoteEngine.Points(400, 400)));
        assertThat(spent.loyalty()).isEqualTo(new Quote.Loyalty(400, 400));
        assertThat(spent.lines()).extracting(Quote.QuotedLine::total).containsExactly(2700L, 900L);
        assertThat(spent.totals().gross()).isEqualTo(3600);
        Quote capped = QuoteEngine.quote(new QuoteEngine.Basket("WEB", "EUR", "FR", true, lines, null, List.of(),
                Map.of(), Map.of(), new QuoteEngine.Points(9000, 9000)));
        assertThat(capped.loyalty().amount()).isEqualTo(4000);
        assertThat(capped.totals().gross()).isZero();
    }

    @Test
    void vatIsTakenOutOfTaxInclusivePricesAndRoundedPerLine() {
        Quote quote = quote(List.of(line("A", 1, 1999, 2000), line("B", 3, 333, 550)), null);

        var a = quote.lines().get(0);
        assertThat(a.tax()).isEqualTo(333);          // 19.99 × 20 / 120 = 3.3317 → 3.33
        assertThat(a.net()).isEqualTo(1666);
        var b = quote.lines().get(1);
        assertThat(b.gross()).isEqualTo(999);
        assertThat(b.tax()).isEqualTo(52);           // 9.99 × 5.5 / 105.5 = 0.5208 → 0.52
        assertThat(quote.totals().gross()).isEqualTo(2998);
        assertThat(quote.totals().tax()).isEqualTo(385);
        assertThat(quote.taxes()).extracting(Quote.TaxLine::rateBp).containsExactly(550, 2000);
    }

    @Test
    void vatIsAddedToTaxExclusivePrices() {
        var quote = QuoteEngine.quote(new QuoteEngine.Basket("B2B", "EUR", "FR", false,
                List.of(line("A", 2, 1005, 2000)), null, List.of(), Map.of(), Map.of(), null));

        assertThat(quote.lines().getFirst().net()).isEqualTo(2010);
        assertThat(quote.lines().getFirst().tax()).isEqualTo(402);
        assertThat(quote.totals().gross()).isEqualTo(2412);
    }

    @Test
    void aCartDiscountIsSpreadOverTheLinesToTheLastCent() {
        var tenOff = promotion("TEN", Promotion.Kind.AMOUNT_OFF, Promotion.Target.CART, Set.of(), null, 1000L, 0,
                Promotion.Stacking.COMBINABLE);
        Quote quote = quote(List.of(line("A", 1, 3333, 2000), line("B", 1, 3333, 550), line("C", 1, 3334, 2000)),
                null, tenOff);

        assertThat(quote.lines()).extracting(Quote.QuotedLine::discount).containsExactly(333L, 333L, 334L);
        assertThat(quote.totals().discount()).isEqualTo(1000);
        assertThat(quote.totals().gross()).isEqualTo(9000);
        // Each line's VAT is on what it costs after its share of the discount.
        assertThat(quote.lines().get(1).tax()).isEqualTo(Amounts.split(3000, 550, true)[1]);
    }

    @Test
    void percentagesOffACategoryReachSubcategoriesThroughTheirAncestors() {
        var cutting = promotion("CUT", Promotion.Kind.PERCENT_OFF, Promotion.Target.CATEGORY, Set.of("garden"),
                1000, null, 0, Promotion.Stacking.COMBINABLE);
        Quote quote = quote(List.of(line("SHEARS", 2, 2490, 2000, "garden", "cutting"), line("SOAP", 1, 500, 2000,
                "care")), null, cutting);

        assertThat(quote.lines().get(0).discount()).isEqualTo(498);
        assertThat(quote.lines().get(1).discount()).isZero();
        assertThat(quote.promotions()).singleElement().satisfies(p -> {
            assertThat(p.amount()).isEqualTo(498);
            assertThat(p.reason()).isEqualTo("10 % off category garden");
        });
    }

    @Test
    void buyTwoGetOneMakesTheCheapestUnitsFree() {
        var b2g1 = new Promotion(UUID.randomUUID(), "B2G1", "3 for 2", Promotion.Kind.BUY_X_GET_Y,
                Promotion.Target.CART, Set.of(), null, null, null, 2, 1, null, Set.of(), null, null, null, 0,
                Promotion.Stacking.COMBINABLE, null, 0, false, true, 1, Instant.EPOCH, Instant.EPOCH);
        Quote quote = quote(List.of(line("A", 4, 1000, 2000), line("B", 2, 700, 2000)), null, b2g1);

        // 6 units: 2 groups of 3, the 2 cheapest units (B at 7.00) are free.
        assertThat(quote.lines().get(1).discount()).isEqualTo(1400);
        assertThat(quote.lines().get(0).discount()).isZero();
    }

    @Test
    void aPromotionThatIsNotCombinableKeepsItsLinesAndSkipsDiscountedOnes() {
        var first = promotion("FIRST", Promotion.Kind.PERCENT_OFF, Promotion.Target.SKU, Set.of("A"), 2000, null, 10,
                Promotion.Stacking.NOT_COMBINABLE);
        var second = promotion("SECOND", Promotion.Kind.PERCENT_OFF, Promotion.Target.CART, Set.of(), 1000, null, 5,
                Promotion.Stacking.COMBINABLE);
        Quote quote = quote(List.of(line("A", 1, 1000, 2000), line("B", 1, 1000, 2000)), null, first, second);

        assertThat(quote.lines().get(0).discounts()).extracting(Quote.LineDiscount::promotionCode)
                .containsExactly("FIRST");
        assertThat(quote.lines().get(1).discounts()).extracting(Quote.LineDiscount::promotionCode)
                .containsExactly("SECOND");
    }

    @Test
    void anExclusivePromotionAppliesAloneOrNotAtAll() {
        var exclusive = promotion("EXCL", Promotion.Kind.PERCENT_OFF, Promotion.Target.CART, Set.of(), 3000, null, 10,
                Promotion.Stacking.EXCLUSIVE);
        var other = promotion("OTHER", Promotion.Kind.PERCENT_OFF, Promotion.Target.CART, Set.of(), 1000, null, 1,
                Promotion.Stacking.COMBINABLE);
        Quote alone = quote(List.of(line("A", 1, 1000, 2000)), null, exclusive, other);
        assertThat(alone.promotions()).extracting(Quote.AppliedPromotion::code).containsExactly("EXCL");

        var higher = promotion("HIGHER", Promotion.Kind.PERCENT_OFF, Promotion.Target.CART, Set.of(), 1000, null, 20,
                Promotion.Stacking.COMBINABLE);
        Quote outranked = quote(List.of(line("A", 1, 1000, 2000)), null, exclusive, higher);
        assertThat(outranked.promotions()).extracting(Quote.AppliedPromotion::code).containsExactly("HIGHER");
    }

    @Test
    void aBudgetIsNeverOverspent() {
        var limited = new Promotion(UUID.randomUUID(), "BUDGET", "Budget", Promotion.Kind.PERCENT_OFF,
                Promotion.Target.CART, Set.of(), 5000, null, "EUR", null, null, null, Set.of(), null, null, null, 0,
                Promotion.Stacking.COMBINABLE, 10_000L, 9_700, false, true, 1, Instant.EPOCH, Instant.EPOCH);
        Quote quote = quote(List.of(line("A", 1, 1000, 2000), line("B", 1, 500, 2000)), null, limited);

        assertThat(quote.totals().discount()).isEqualTo(300);
        assertThat(quote.lines()).extracting(Quote.QuotedLine::discount).containsExactly(200L, 100L);
    }

    @Test
    void freeDeliveryNeedsTheThresholdAndWaivesTheFee() {
        var free = new Promotion(UUID.randomUUID(), "FREESHIP", "Free delivery", Promotion.Kind.FREE_DELIVERY,
                Promotion.Target.CART, Set.of(), null, null, "EUR", null, null, 6000L, Set.of(), null, null, null, 0,
                Promotion.Stacking.COMBINABLE, null, 0, false, true, 1, Instant.EPOCH, Instant.EPOCH);
        var fee = new QuoteEngine.DeliveryFee("HOME_STANDARD", 490, 2000);

        Quote below = quote(List.of(line("A", 1, 5000, 2000)), fee, free);
        assertThat(below.delivery().total()).isEqualTo(490);
        assertThat(below.totals().gross()).isEqualTo(5490);

        Quote above = quote(List.of(line("A", 2, 5000, 2000)), fee, free);
        assertThat(above.delivery().discount()).isEqualTo(490);
        assertThat(above.totals().gross()).isEqualTo(10000);
        assertThat(above.promotions().getFirst().reason()).contains("100.00 EUR reaches 60.00 EUR");
    }

    @Test
    void theSameBasketAlwaysGetsTheSameAnswer() {
        var promotions = new Promotion[] {
            promotion("P1", Promotion.Kind.PERCENT_OFF, Promotion.Target.CART, Set.of(), 700, null, 0,
                    Promotion.Stacking.COMBINABLE),
            promotion("P2", Promotion.Kind.AMOUNT_OFF, Promotion.Target.SKU, Set.of("B"), null, 150L, 0,
                    Promotion.Stacking.COMBINABLE)};
        var lines = List.of(line("A", 3, 1299, 2000), line("B", 2, 899, 1000));
        assertThat(quote(lines, null, promotions)).isEqualTo(quote(lines, null, promotions[1], promotions[0]));
    }
}
