package org.comptoir.pricing.internal;

import java.time.Instant;
import java.util.UUID;

/**
 * Prices in one currency. Without a channel or customer group it is a default list every channel
 * uses; a channel or group narrows it to that channel or group, on purpose.
 */
record PriceList(UUID id, String code, String name, String currency, String channelCode, String customerGroup,
        int priority, Instant validFrom, Instant validTo, boolean active, int version) {

    /** How specific the list is: a group list beats a channel list, which beats a default list. */
    int specificity() {
        return (customerGroup != null ? 2 : 0) + (channelCode != null ? 1 : 0);
    }

    boolean appliesTo(String channel, String group) {
        return (channelCode == null || channelCode.equals(channel))
                && (customerGroup == null || customerGroup.equals(group));
    }

    /** Why this list gives the price, for the quote and the audit. */
    String scope() {
        if (channelCode == null && customerGroup == null) {
            return "default list";
        }
        return (channelCode != null ? "list for channel " + channelCode : "")
                + (channelCode != null && customerGroup != null ? " and " : "")
                + (customerGroup != null ? "list for customer group " + customerGroup : "");
    }
}
