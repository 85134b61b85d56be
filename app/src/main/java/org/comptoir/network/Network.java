package org.comptoir.network;

import java.util.Optional;

/** The network as other modules see it: read-only lookups of locations and channels. */
public interface Network {

    boolean locationExists(String code);

    Optional<LocationSummary> location(String code);

    boolean channelExists(String code);

    Optional<ChannelSummary> channel(String code);
}
