package org.comptoir.ordering.internal;

import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/**
 * What this node last saw of the open carts it changed: their channel and SKUs. The guess at what a
 * cart's next change will ask the stock of, so that this read can go in the change's own round trip;
 * the change reads the cart back and asks again where the guess missed (the cart was changed on
 * another node, or forgotten here).
 */
@Component
class LastSeenCarts {

    /** A cart's channel and the SKUs of its lines, as last seen. */
    record Seen(String channelCode, Set<String> skus) {

        /** The SKUs seen and one more (none: {@code null}), in a set of their own. */
        Set<String> with(String sku) {
            Set<String> all = new LinkedHashSet<>(skus);
            if (sku != null) {
                all.add(sku);
            }
            return all;
        }
    }

    /** Past this many carts, every one is forgotten (a bound, not an eviction policy). */
    private static final int MAX_CARTS = 50_000;

    private final Map<UUID, Seen> carts = new ConcurrentHashMap<>();

    /** What was last seen of the cart, or null. */
    Seen of(UUID id) {
        return carts.get(id);
    }

    void saw(Cart cart) {
        if (cart.status() != Cart.Status.OPEN) {
            carts.remove(cart.id());
            return;
        }
        if (carts.size() >= MAX_CARTS) {
            carts.clear();
        }
        carts.put(cart.id(), new Seen(cart.channelCode(),
                cart.lines().stream().map(Cart.Line::sku).collect(Collectors.toUnmodifiableSet())));
    }

    void forget(UUID id) {
        carts.remove(id);
    }
}
