package org.comptoir.platform.internal;

import jakarta.servlet.http.HttpServletRequest;
import java.util.IdentityHashMap;
import java.util.Map;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.condition.PathPatternsRequestCondition;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import org.springframework.web.util.pattern.PathPattern;

/**
 * Spring MVC's handler mapping finds a path with variables ({@code /carts/{id}/lines}) by testing
 * every mapping of the application in turn, its method, headers and media types first: with a few
 * hundred endpoints that was an eighth of the CPU of an availability read. This one first compares
 * the literal start of each mapping's patterns with the path, which rules out nearly all of them for
 * the cost of a {@code startsWith}, and then their methods (a cart's many {@code /carts/{id}/...}
 * mappings differ mostly by method); the mappings left are matched exactly as Spring does.
 *
 * <p>A percent-encoded path, whose spelling may differ from the segments Spring decodes, is matched
 * the ordinary way.
 */
class LiteralPrefixHandlerMapping extends RequestMappingHandlerMapping {

    /**
     * The path and method being looked up, read once per lookup: each mapping tested asks the wrapped
     * request again otherwise, through every wrapper of the filter chain.
     */
    private record Lookup(String path, RequestMethod method) {}

    private static final ThreadLocal<Lookup> LOOKUP = new ThreadLocal<>();

    private volatile Map<RequestMappingInfo, String[]> prefixes = new IdentityHashMap<>();

    @Override
    protected HandlerMethod lookupHandlerMethod(String lookupPath, HttpServletRequest request) throws Exception {
        LOOKUP.set(new Lookup(lookupPath.indexOf('%') < 0 ? lookupPath : null, RequestMethod.resolve(request.getMethod())));
        try {
            return super.lookupHandlerMethod(lookupPath, request);
        } finally {
            LOOKUP.remove();
        }
    }

    @Override
    protected RequestMappingInfo getMatchingMapping(RequestMappingInfo info, HttpServletRequest request) {
        Lookup lookup = LOOKUP.get();
        if (lookup != null && (lookup.path() != null && !startsWithAny(lookup.path(), prefixesOf(info))
                || !acceptsMethod(info, lookup.method()))) {
            return null;
        }
        return super.getMatchingMapping(info, request);
    }

    /**
     * Whether Spring's method condition could match: a mapping that names methods matches no other,
     * except that HEAD may go to a GET mapping and OPTIONS (CORS pre-flights too) is Spring's to answer.
     */
    private static boolean acceptsMethod(RequestMappingInfo info, RequestMethod method) {
        if (method == null || method == RequestMethod.HEAD || method == RequestMethod.OPTIONS) {
            return true;
        }
        var methods = info.getMethodsCondition().getMethods();
        return methods.isEmpty() || methods.contains(method);
    }

    /** Copied on write: mappings are registered at start, and read on every request after. */
    private String[] prefixesOf(RequestMappingInfo info) {
        String[] known = prefixes.get(info);
        if (known != null) {
            return known;
        }
        String[] computed = literalPrefixes(info);
        synchronized (this) {
            Map<RequestMappingInfo, String[]> copy = new IdentityHashMap<>(prefixes);
            copy.put(info, computed);
            prefixes = copy;
        }
        return computed;
    }

    private static boolean startsWithAny(String path, String[] prefixes) {
        for (String prefix : prefixes) {
            if (path.startsWith(prefix)) {
                return true;
            }
        }
        return false;
    }

    /**
     * What every path a mapping matches starts with: each pattern up to the last slash before its
     * first variable or wildcard ({@code /a/**} also matches {@code /a}); a mapping with no path
     * pattern matches any path.
     */
    static String[] literalPrefixes(RequestMappingInfo info) {
        PathPatternsRequestCondition condition = info.getPathPatternsCondition();
        if (condition == null || condition.getPatterns().isEmpty()) {
            return new String[] {""};
        }
        return condition.getPatterns().stream().map(PathPattern::getPatternString)
                .map(LiteralPrefixHandlerMapping::literalPrefix).toArray(String[]::new);
    }

    static String literalPrefix(String pattern) {
        int wildcard = -1;
        for (int i = 0; i < pattern.length() && wildcard < 0; i++) {
            char c = pattern.charAt(i);
            if (c == '{' || c == '*' || c == '?') {
                wildcard = i;
            }
        }
        if (wildcard < 0) {
            return pattern;
        }
        int slash = pattern.lastIndexOf('/', wildcard);
        return slash <= 0 ? "" : pattern.substring(0, slash);
    }
}
