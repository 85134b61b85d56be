package org.comptoir.network;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The network as other modules see it: read-only lookups of locations and channels. Answers come
 * from a snapshot refreshed on every change and at least every few seconds, so hot paths (stock
 * availability) can ask on every request.
 */
public interface Network {

    /** The locations of the given codes that exist, with their opening status at {@code at}. */
    Map<String, LocationStatus> locations(Collection<String> codes, Instant at);

    /** The codes of the locations that are active (open for business, whatever their hours). */
    Set<String> activeLocationCodes();

    /** The codes of every location, active or not. */
    Set<String> locationCodes();

    boolean locationExists(String code);

    Optional<LocationSummary> location(String code);

    boolean channelExists(String code);

    Optional<ChannelSummary> channel(String code);

    /** The active locations of a type (relay points near a customer…), ordered by code. */
    List<LocationSummary> locationsOfType(LocationType type);

    /** Every sales channel, ordered by code. */
    List<ChannelSummary> channels();
}
