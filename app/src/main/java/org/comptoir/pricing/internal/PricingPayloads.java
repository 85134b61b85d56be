package org.comptoir.pricing.internal;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;
import java.util.Set;

/** The JSON shapes clients write to the pricing API. Amounts are integers of minor units. */
final class PricingPayloads {

    static final String CODE = "[A-Z0-9][A-Z0-9_-]{0,39}";
    static final String CODE_MESSAGE = "must be 1 to 40 upper-case letters, digits, '-' or '_'";
    static final String CURRENCY = "[A-Z]{3}";
    static final String CURRENCY_MESSAGE = "must be an ISO 4217 code such as EUR";

    private PricingPayloads() {}

    record PriceListPayload(
            @NotNull @Pattern(regexp = CODE, message = CODE_MESSAGE) String code,
            @NotBlank @Size(max = 200) String name,
            @NotNull @Pattern(regexp = CURRENCY, message = CURRENCY_MESSAGE) String currency,
            @Pattern(regexp = CODE, message = CODE_MESSAGE) String channelCode,
            @Pattern(regexp = CODE, message = CODE_MESSAGE) String customerGroup,
            @Min(-1000) @Max(1000) Integer priority,
            Instant validFrom,
            Instant validTo,
            Boolean active) {}

    record PricePayload(
            @NotBlank @Size(max = 64) String sku,
            @NotNull @PositiveOrZero @Max(1_000_000_000_000L) Long amount,
            @PositiveOrZero @Max(1_000_000_000_000L) Long compareAt) {}

    record Prices(@NotEmpty @Size(max = 1000) List<@NotNull @Valid PricePayload> prices) {}

    record TaxRatePayload(@NotNull @Min(0) @Max(10_000) Integer rateBp) {}

    record DeliveryFeePayload(@NotNull @PositiveOrZero @Max(1_000_000_000L) Long amount,
            @Pattern(regexp = "STANDARD|INTERMEDIATE|REDUCED|SUPER_REDUCED|ZERO",
                    message = "must be a tax class") String taxClass) {}

    record PromotionPayload(
            @NotNull @Pattern(regexp = CODE, message = CODE_MESSAGE) String code,
            @NotBlank @Size(max = 200) String name,
            @NotNull Promotion.Kind kind,
            @NotNull Promotion.Target target,
            @Size(max = 200) Set<@NotNull @Size(min = 1, max = 64) @Pattern(regexp = "[^,]+",
                    message = "must not contain a comma") String> targetCodes,
            @Min(1) @Max(10_000) Integer percentBp,
            @Min(1) @Max(1_000_000_000L) Long amount,
            @Pattern(regexp = CURRENCY, message = CURRENCY_MESSAGE) String currency,
            @Min(1) @Max(1000) Integer buyQuantity,
            @Min(1) @Max(1000) Integer getQuantity,
            @Min(1) @Max(1_000_000_000_000L) Long threshold,
            @Size(max = 50) Set<@NotNull @Pattern(regexp = CODE, message = CODE_MESSAGE) String> channelCodes,
            @Pattern(regexp = CODE, message = CODE_MESSAGE) String customerGroup,
            Instant validFrom,
            Instant validTo,
            @Min(-1000) @Max(1000) Integer priority,
            Promotion.Stacking stacking,
            @Min(1) @Max(1_000_000_000_000L) Long budget,
            Boolean requiresCoupon,
            Boolean active) {}

    record CouponPayload(
            @Pattern(regexp = CODE, message = CODE_MESSAGE) String code,
            @Min(1) @Max(10_000) Integer count,
            @Pattern(regexp = "[A-Z0-9]{0,12}", message = "must be up to 12 upper-case letters or digits") String prefix,
            @Min(1) @Max(100_000_000) Integer usageLimit,
            @Min(1) @Max(1000) Integer perCustomerLimit) {}
}
