package org.comptoir.network.internal;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.Set;
import org.comptoir.network.ChannelType;

/** The JSON shape of a sales channel as written by clients. */
record ChannelPayload(
        @Pattern(regexp = Codes.PATTERN, message = Codes.MESSAGE) String code,
        @NotBlank @Size(max = 200) String name,
        @NotNull ChannelType type,
        @NotNull @Pattern(regexp = "[A-Z]{3}", message = "must be an ISO 4217 code such as EUR") String currency,
        Set<@NotNull @Pattern(regexp = Codes.PATTERN, message = Codes.MESSAGE) String> locationCodes,
        Boolean active,
        @Size(max = 10) Set<@NotNull @Pattern(regexp = "[A-Z][A-Z0-9_]{0,29}",
                message = "must be a payment provider code such as BANK_TRANSFER") String> paymentProviders) {

    Set<String> providers() {
        return paymentProviders == null ? Set.of() : new java.util.TreeSet<>(paymentProviders);
    }
}
