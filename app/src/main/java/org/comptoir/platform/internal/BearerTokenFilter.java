package org.comptoir.platform.internal;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.comptoir.platform.security.Caller;
import org.comptoir.platform.security.CredentialResolver;
import org.comptoir.platform.security.SecretTokens;
import org.comptoir.platform.web.ApiProblem;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.authentication.preauth.PreAuthenticatedAuthenticationToken;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Authenticates {@code Authorization: Bearer <key>} (or {@code X-Api-Key}) with the resolver that owns
 * the key's prefix. A key that is presented but unknown or revoked is a 401 at once; one that sends
 * more than its rate limit a 429 with Retry-After.
 */
class BearerTokenFilter extends OncePerRequestFilter {

    private final List<CredentialResolver> resolvers;
    private final ProblemWriter problems;
    private final RateLimits limits;

    BearerTokenFilter(List<CredentialResolver> resolvers, ProblemWriter problems, RateLimits limits) {
        this.resolvers = resolvers;
        this.problems = problems;
        this.limits = limits;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String token = token(request);
        if (token == null) {
            chain.doFilter(request, response);
            return;
        }
        Optional<Caller> caller = resolvers.stream()
                .filter(resolver -> token.startsWith(resolver.prefix()))
                .findFirst()
                .flatMap(resolver -> resolver.resolve(token));
        if (caller.isEmpty()) {
            SecurityConfig.challenge(response);
            problems.write(request, response, new ApiProblem(HttpStatus.UNAUTHORIZED, "unauthenticated",
                    "Unauthenticated", "The API key is unknown or revoked"));
            return;
        }
        Optional<Duration> wait = limits.take(caller.get(), request);
        if (wait.isPresent()) {
            long seconds = Math.max(1, (wait.get().toMillis() + 999) / 1000);
            response.setHeader("Retry-After", Long.toString(seconds));
            problems.write(request, response, new ApiProblem(HttpStatus.TOO_MANY_REQUESTS, "rate-limited",
                    "Too many requests", "This key sends more requests than it may; retry in " + seconds + " s"));
            return;
        }
        var authorities = caller.get().roles().stream().map(role -> new SimpleGrantedAuthority(role.authority()))
                .toList();
        var authentication = new PreAuthenticatedAuthenticationToken(caller.get().presenting(secrets(request)), null,
                authorities);
        var context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(authentication);
        SecurityContextHolder.setContext(context);
        try {
            chain.doFilter(request, response);
        } finally {
            SecurityContextHolder.clearContext();
        }
    }

    /** The resource secrets the request presents, as the SHA-256 they are stored as. */
    private static Set<String> secrets(HttpServletRequest request) {
        Set<String> hashes = new HashSet<>(2);
        for (String header : List.of(SecretTokens.CART_SECRET, SecretTokens.ORDER_SECRET)) {
            String value = request.getHeader(header);
            if (value != null && !value.isBlank() && value.length() <= 200) {
                hashes.add(SecretTokens.hash(value.trim()));
            }
        }
        return hashes;
    }

    private static String token(HttpServletRequest request) {
        String authorization = request.getHeader("Authorization");
        if (authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return authorization.substring(7).trim();
        }
        String apiKey = request.getHeader("X-Api-Key");
        return apiKey == null || apiKey.isBlank() ? null : apiKey.trim();
    }
}
