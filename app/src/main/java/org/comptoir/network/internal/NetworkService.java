package org.comptoir.network.internal;

import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.comptoir.network.LocationStatus;
import org.comptoir.network.ChannelSummary;
import org.comptoir.network.LocationSummary;
import org.comptoir.network.Network;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Existence checks read the tables; hot lookups are served from the in-memory snapshot. */
@Service
class NetworkService implements Network {

    private final LocationRepository locations;
    private final ChannelRepository channels;
    private final NetworkSnapshot snapshot;

    NetworkService(LocationRepository locations, ChannelRepository channels, NetworkSnapshot snapshot) {
        this.locations = locations;
        this.channels = channels;
        this.snapshot = snapshot;
    }

    @Override
    public Map<String, LocationStatus> locations(Collection<String> codes, Instant at) {
        Map<String, LocationStatus> found = new HashMap<>();
        for (String code : codes) {
            snapshot.status(code, at).ifPresent(status -> found.put(code, status));
        }
        return found;
    }

    @Override
    public Set<String> activeLocationCodes() {
        return snapshot.active();
    }

    @Override
    public Set<String> locationCodes() {
        return snapshot.locations().keySet();
    }

    @Override
    @Transactional(readOnly = true)
    public boolean locationExists(String code) {
        return locations.exists(code);
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<LocationSummary> location(String code) {
        return locations.find(code).map(Location::summary);
    }

    @Override
    public List<LocationSummary> locationsOfType(org.comptoir.network.LocationType type) {
        return snapshot.locations().values().stream().map(Location::summary)
                .filter(l -> l.type() == type && l.active())
                .sorted(java.util.Comparator.comparing(LocationSummary::code)).toList();
    }

    @Override
    @Transactional(readOnly = true)
    public boolean channelExists(String code) {
        return channels.exists(code);
    }

    @Override
    public Optional<ChannelSummary> channel(String code) {
        return snapshot.channel(code).map(Channel::summary);
    }

    @Override
    @Transactional(readOnly = true)
    public List<ChannelSummary> channels() {
        return channels.all().stream().map(Channel::summary).toList();
    }
}
