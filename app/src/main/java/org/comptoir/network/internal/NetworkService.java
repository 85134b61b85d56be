package org.comptoir.network.internal;

import java.util.Optional;
import org.comptoir.network.ChannelSummary;
import org.comptoir.network.LocationSummary;
import org.comptoir.network.Network;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

@Service
@Transactional(readOnly = true)
class NetworkService implements Network {

    private final LocationRepository locations;
    private final ChannelRepository channels;

    NetworkService(LocationRepository locations, ChannelRepository channels) {
        this.locations = locations;
        this.channels = channels;
    }

    @Override
    public boolean locationExists(String code) {
        return locations.exists(code);
    }

    @Override
    public Optional<LocationSummary> location(String code) {
        return locations.find(code).map(Location::summary);
    }

    @Override
    public boolean channelExists(String code) {
        return channels.exists(code);
    }

    @Override
    public Optional<ChannelSummary> channel(String code) {
        return channels.find(code).map(Channel::summary);
    }
}
