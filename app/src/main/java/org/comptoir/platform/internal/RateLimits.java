package org.comptoir.platform.internal;

import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.comptoir.platform.security.Caller;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.stereotype.Component;

/**
 * Token buckets (Bucket4j) in each node's memory: one per API key, one per publishable key and client
 * address (a publishable key is public and shared by every shopper of the shop, so a bucket of its own
 * would let one attacker starve the whole shop), and a slower one per client address for signing in.
 * Behind a load balancer the address is the one it forwards (server.forward-headers-strategy). With
 * several nodes each holds its own buckets: a client spread over n nodes gets up to n times the rate.
 */
@Component
class RateLimits {

    /** Requests a second a bucket refills with, and how many it holds; 0 turns a limit off. */
    @ConfigurationProperties("comptoir.platform.rate-limits")
    record Settings(@DefaultValue("1000") int apiKeyPerSecond, @DefaultValue("2000") int apiKeyBurst,
            @DefaultValue("30") int storefrontPerSecond, @DefaultValue("120") int storefrontBurst,
            @DefaultValue("10") int signInsPerMinute) {}

    private static final int MAX_BUCKETS = 100_000;

    private final Settings settings;
    private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();

    RateLimits(Settings settings) {
        this.settings = settings;
    }

    /** How long the caller must wait before this request would be served, when it must. */
    Optional<Duration> take(Caller caller, HttpServletRequest request) {
        String address = request.getRemoteAddr();
        if (caller.storefront()) {
            if (signingIn(request) && settings.signInsPerMinute() > 0) {
                Optional<Duration> wait = consume("sign-in:" + address, () -> perMinute(settings.signInsPerMinute()));
                if (wait.isPresent()) {
                    return wait;
                }
            }
            return settings.storefrontPerSecond() <= 0 ? Optional.empty() : consume(caller.id() + ":" + address,
                    () -> perSecond(settings.storefrontPerSecond(), settings.storefrontBurst()));
        }
        return settings.apiKeyPerSecond() <= 0 ? Optional.empty()
                : consume(caller.id(), () -> perSecond(settings.apiKeyPerSecond(), settings.apiKeyBurst()));
    }

    private static boolean signingIn(HttpServletRequest request) {
        String path = request.getRequestURI();
        return "POST".equals(request.getMethod())
                && (path.equals("/api/v1/shopper/sessions") || path.equals("/api/v1/shopper/sign-in-codes"));
    }

    private Optional<Duration> consume(String key, Supplier<Bucket> create) {
        if (buckets.size() >= MAX_BUCKETS && !buckets.containsKey(key)) {
            buckets.clear();
        }
        ConsumptionProbe probe = buckets.computeIfAbsent(key, k -> create.get()).tryConsumeAndReturnRemaining(1);
        return probe.isConsumed() ? Optional.empty() : Optional.of(Duration.ofNanos(probe.getNanosToWaitForRefill()));
    }

    private static Bucket perSecond(int rate, int burst) {
        return Bucket.builder().addLimit(limit -> limit.capacity(Math.max(burst, rate))
                .refillGreedy(rate, Duration.ofSeconds(1))).build();
    }

    private static Bucket perMinute(int rate) {
        return Bucket.builder().addLimit(limit -> limit.capacity(rate).refillGreedy(rate, Duration.ofMinutes(1)))
                .build();
    }
}
