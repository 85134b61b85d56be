package org.comptoir.network.internal;

import java.time.Clock;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import org.comptoir.network.ChannelChanged;
import org.comptoir.platform.cluster.CacheTopics;
import org.comptoir.platform.persistence.Ids;
import org.comptoir.platform.security.Caller;
import org.comptoir.platform.security.CallerCache;
import org.comptoir.platform.security.CredentialResolver;
import org.comptoir.platform.security.Role;
import org.comptoir.platform.security.SecretTokens;
import org.comptoir.platform.web.ApiProblem;
import org.comptoir.platform.web.CursorPage;
import org.comptoir.platform.web.PageRequest;
import org.comptoir.platform.web.Versions;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Creates and changes sales channels and issues their publishable storefront keys ({@code pk_…}). */
@Service
class Channels implements CredentialResolver {

    static final String KEY_PREFIX = "pk_";

    private static final Set<String> CURRENCIES = Currency.getAvailableCurrencies().stream()
            .map(Currency::getCurrencyCode).collect(java.util.stream.Collectors.toSet());

    /** A publishable key just issued, with its secret (shown once). */
    record IssuedKey(UUID id, String prefix, String key) {}

    private final ChannelRepository channels;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final CallerCache cache;

    Channels(ChannelRepository channels, ApplicationEventPublisher events, Clock clock, CacheTopics topics) {
        this.channels = channels;
        this.events = events;
        this.clock = clock;
        this.cache = new CallerCache(topics, "network.channel-keys", java.time.Duration.ofSeconds(5), clock);
    }

    @Transactional
    Channel create(ChannelPayload payload) {
        if (payload.code() == null) {
            throw ApiProblem.invalid("code", "is required");
        }
        if (channels.exists(payload.code())) {
            throw ApiProblem.conflict("channel-code-taken", "A channel already has the code " + payload.code())
                    .with("code", payload.code());
        }
        Map<String, UUID> locations = checked(payload);
        Channel channel = new Channel(Ids.newId(), payload.code(), payload.name().trim(), payload.type(),
                payload.currency(), payload.active() == null || payload.active(), new TreeSet<>(locations.keySet()),
                payload.providers(), 1);
        channels.insert(channel, locations.values(), clock.instant());
        events.publishEvent(new ChannelChanged(Ids.newId(), clock.instant(), channel.code(), true));
        return channel;
    }

    @Transactional
    Channel replace(String code, ChannelPayload payload, int expectedVersion) {
        Channel current = find(code);
        if (payload.code() != null && !payload.code().equals(code)) {
            throw ApiProblem.invalid("code", "cannot be changed; it is the channel's identity");
        }
        if (expectedVersion != Versions.ANY && expectedVersion != current.version()) {
            throw Versions.stale(current.version());
        }
        Map<String, UUID> locations = checked(payload);
        Channel next = new Channel(current.id(), code, payload.name().trim(), payload.type(), payload.currency(),
                payload.active() == null || payload.active(), new TreeSet<>(locations.keySet()),
                payload.providers(), current.version() + 1);
        if (!channels.update(next, locations.values(), current.version(), clock.instant())) {
            throw Versions.stale(null);
        }
        events.publishEvent(new ChannelChanged(Ids.newId(), clock.instant(), code, false));
        cache.clear();
        return next;
    }

    @Transactional(readOnly = true)
    Channel find(String code) {
        return channels.find(code).orElseThrow(() -> ApiProblem.notFound("channel", code));
    }

    @Transactional(readOnly = true)
    CursorPage<Channel> list(PageRequest page) {
        return CursorPage.of(channels.list(page), page, Channel::code);
    }

    @Transactional(readOnly = true)
    List<ChannelRepository.KeyInfo> keys(String channelCode) {
        return channels.keys(find(channelCode).id());
    }

    @Transactional
    IssuedKey issueKey(String channelCode) {
        Channel channel = find(channelCode);
        String secret = SecretTokens.generate(KEY_PREFIX);
        UUID id = Ids.newId();
        channels.insertKey(id, channel.id(), SecretTokens.visiblePart(secret), SecretTokens.hash(secret),
                clock.instant());
        return new IssuedKey(id, SecretTokens.visiblePart(secret), secret);
    }

    @Transactional
    void revokeKey(String channelCode, UUID keyId) {
        if (!channels.revokeKey(find(channelCode).id(), keyId, clock.instant())) {
            throw ApiProblem.notFound("publishable key", keyId);
        }
        cache.clear();
    }

    @Override
    public String prefix() {
        return KEY_PREFIX;
    }

    /** One indexed lookup on every request: no transaction around it (a read-only one costs round trips). */
    @Override
    public Optional<Caller> resolve(String token) {
        return cache.get(SecretTokens.hash(token), hash -> channels.channelOfKey(hash)
                .map(owner -> new Caller("pk:" + owner.keyId(), "storefront " + owner.channelCode(),
                        Set.of(Role.STOREFRONT), Optional.empty(), Optional.of(owner.channelCode()))));
    }

    private Map<String, UUID> checked(ChannelPayload payload) {
        if (!CURRENCIES.contains(payload.currency())) {
            throw ApiProblem.invalid("currency", "is not an ISO 4217 currency code");
        }
        Set<String> codes = payload.locationCodes() == null ? Set.of() : payload.locationCodes();
        Map<String, UUID> found = codes.isEmpty() ? Map.of() : channels.locationIds(codes);
        List<String> unknown = codes.stream().filter(code -> !found.containsKey(code)).sorted().toList();
        if (!unknown.isEmpty()) {
            throw ApiProblem.invalid("locationCodes", "unknown location(s) " + unknown);
        }
        return found;
    }
}
