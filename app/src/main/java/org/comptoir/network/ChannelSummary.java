package org.comptoir.network;

import java.util.Set;

/** What other modules need to know of a sales channel, including where it may sell stock from. */
public record ChannelSummary(String code, String name, ChannelType type, String currency, boolean active,
        Set<String> locationCodes) {}
