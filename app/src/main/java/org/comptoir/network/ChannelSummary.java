package org.comptoir.network;

import java.util.Set;

/**
 * What other modules need to know of a sales channel: where it may sell stock from, and which payment
 * providers its shoppers may pay with ({@code paymentProviders}, provider codes such as BANK_TRANSFER).
 */
public record ChannelSummary(String code, String name, ChannelType type, String currency, boolean active,
        Set<String> locationCodes, Set<String> paymentProviders) {}
