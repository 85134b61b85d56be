package org.comptoir.pricing.internal;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.util.Currency;
import java.util.stream.Collectors;

/**
 * Money arithmetic in minor units: percentages in basis points (10 000 = 100 %), rounded half up, and
 * VAT worked out per line. Integers throughout, BigInteger where a product could overflow.
 */
final class Amounts {

    static final int WHOLE = 10_000;

    private Amounts() {}

    /** {@code bp} basis points of an amount, rounded half up. */
    static long percentOf(long amount, int bp) {
        return divideHalfUp(BigInteger.valueOf(amount).multiply(BigInteger.valueOf(bp)), WHOLE);
    }

    /**
     * Net, tax and gross of a line. With tax-inclusive prices the tax is taken out of the amount
     * (amount × rate / (1 + rate)); otherwise it is added to it. Either way it is rounded on the line.
     */
    static long[] split(long amount, int rateBp, boolean amountIncludesTax) {
        if (amountIncludesTax) {
            long tax = divideHalfUp(BigInteger.valueOf(amount).multiply(BigInteger.valueOf(rateBp)),
                    WHOLE + rateBp);
            return new long[] {amount - tax, tax, amount};
        }
        long tax = percentOf(amount, rateBp);
        return new long[] {amount, tax, amount + tax};
    }

    private static long divideHalfUp(BigInteger dividend, long divisor) {
        return new BigDecimal(dividend).divide(BigDecimal.valueOf(divisor), 0, RoundingMode.HALF_UP)
                .longValueExact();
    }

    /** For people: "12.50 EUR". */
    static String format(long minor, String currency) {
        int digits = Math.max(0, Currency.getInstance(currency).getDefaultFractionDigits());
        return BigDecimal.valueOf(minor, digits).toPlainString() + " " + currency;
    }

    static String percent(int bp) {
        return BigDecimal.valueOf(bp, 2).stripTrailingZeros().toPlainString() + " %";
    }

    /** Why a promotion applied, in one sentence a merchandiser can check. */
    static String describe(Promotion p, long spend, String currency) {
        String on = switch (p.target()) {
            case CART -> "the cart";
            case SKU -> "SKU " + String.join(", ", p.targetCodes().stream().sorted().toList());
            case CATEGORY -> "category " + p.targetCodes().stream().sorted().collect(Collectors.joining(", "));
        };
        String what = switch (p.kind()) {
            case PERCENT_OFF -> percent(p.percentBp()) + " off " + on;
            case AMOUNT_OFF -> format(p.amount(), currency) + (p.target() == Promotion.Target.CART ? " off " : " off each unit of ") + on;
            case BUY_X_GET_Y -> "buy " + p.buyQuantity() + " get " + p.getQuantity()
                    + (p.percentBp() == null || p.percentBp() == WHOLE ? " free" : " at " + percent(p.percentBp()) + " off")
                    + " on " + on;
            case FREE_DELIVERY -> "free delivery with " + on;
        };
        if (p.threshold() != null) {
            what += "; qualifying spend " + format(spend, currency) + " reaches " + format(p.threshold(), currency);
        }
        return what;
    }
}
