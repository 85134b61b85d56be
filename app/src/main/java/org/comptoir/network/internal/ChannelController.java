package org.comptoir.network.internal;

import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.net.URI;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.comptoir.network.ChannelType;
import org.comptoir.platform.web.CursorPage;
import org.comptoir.platform.web.PageRequest;
import org.comptoir.platform.web.Versions;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@Tag(name = "Sales channels", description = "Web shop, app, stores, phone, marketplaces, social networks")
@RestController
@RequestMapping("/api/v1/channels")
class ChannelController {

    record ChannelView(String code, String name, ChannelType type, String currency, boolean active,
            Set<String> locationCodes, Set<String> paymentProviders, int version) {
        static ChannelView of(Channel c) {
            return new ChannelView(c.code(), c.name(), c.type(), c.currency(), c.active(), c.locationCodes(),
                    c.paymentProviders(), c.version());
        }
    }

    private final Channels channels;

    ChannelController(Channels channels) {
        this.channels = channels;
    }

    @PostMapping
    ResponseEntity<ChannelView> create(@Valid @RequestBody ChannelPayload payload) {
        Channel channel = channels.create(payload);
        return ResponseEntity.created(URI.create("/api/v1/channels/" + channel.code()))
                .eTag(Versions.etag(channel.version())).body(ChannelView.of(channel));
    }

    @GetMapping
    CursorPage<ChannelView> list(@RequestParam(required = false) Integer limit,
            @RequestParam(required = false) String cursor) {
        return channels.list(PageRequest.of(limit, cursor)).map(ChannelView::of);
    }

    @GetMapping("/{code}")
    ResponseEntity<ChannelView> get(@PathVariable String code) {
        Channel channel = channels.find(code);
        return ResponseEntity.ok().eTag(Versions.etag(channel.version())).body(ChannelView.of(channel));
    }

    @PutMapping("/{code}")
    ResponseEntity<ChannelView> replace(@PathVariable String code,
            @RequestHeader(name = "If-Match", required = false) String ifMatch,
            @Valid @RequestBody ChannelPayload payload) {
        Channel channel = channels.replace(code, payload, Versions.fromIfMatch(ifMatch));
        return ResponseEntity.ok().eTag(Versions.etag(channel.version())).body(ChannelView.of(channel));
    }

    /** The answer carries the key once; storefronts send it as their bearer token. */
    @PostMapping("/{code}/publishable-keys")
    ResponseEntity<Channels.IssuedKey> issueKey(@PathVariable String code) {
        var issued = channels.issueKey(code);
        return ResponseEntity.created(URI.create("/api/v1/channels/" + code + "/publishable-keys/" + issued.id()))
                .body(issued);
    }

    @GetMapping("/{code}/publishable-keys")
    List<ChannelRepository.KeyInfo> keys(@PathVariable String code) {
        return channels.keys(code);
    }

    @DeleteMapping("/{code}/publishable-keys/{id}")
    ResponseEntity<Void> revokeKey(@PathVariable String code, @PathVariable UUID id) {
        channels.revokeKey(code, id);
        return ResponseEntity.noContent().build();
    }
}
