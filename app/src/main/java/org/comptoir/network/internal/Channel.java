package org.comptoir.network.internal;

import java.util.Set;
import java.util.UUID;
import org.comptoir.network.ChannelSummary;
import org.comptoir.network.ChannelType;

/** A sales channel and the locations whose stock it may sell. */
record Channel(UUID id, String code, String name, ChannelType type, String currency, boolean active,
        Set<String> locationCodes, Set<String> paymentProviders, int version) {

    ChannelSummary summary() {
        return new ChannelSummary(code, name, type, currency, active, locationCodes, paymentProviders);
    }
}
