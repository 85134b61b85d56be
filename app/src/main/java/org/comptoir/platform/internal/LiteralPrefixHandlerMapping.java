package org.comptoir.platform.internal;

import jakarta.servlet.http.HttpServletRequest;
import java.util.IdentityHashMap;
import java.util.Map;
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
 * the cost of a {@code startsWith}; the mappings left are matched exactly as Spring does.
 *
 * <p>A percent-encoded path, whose spelling may differ from the segments Spring decodes, is matched
 * the ordinary way.
 */
class LiteralPrefixHandlerMapping extends RequestMappingHandlerMapping {

    /** The path being looked up, set once per lookup: reading it from the wrapped request costs more. */
    private static final ThreadLocal<String> LOOKUP_PATH = new ThreadLocal<>();

    private volatile Map<RequestMappingInfo, String[]> prefixes = new IdentityHashMap<>();

    @Override
    protected HandlerMethod lookupHandlerMethod(String lookupPath, HttpServletRequest request) throws Exception {
        LOOKUP_PATH.set(lookupPath.indexOf('%') < 0 ? lookupPath : null);
        try {
            return super.lookupHandlerMethod(lookupPath, request);
        } finally {
            LOOKUP_PATH.remove();
        }
    }

    @Override
    protected RequestMappingInfo getMatchingMapping(RequestMappingInfo info, HttpServletRequest request) {
        String path = LOOKUP_PATH.get();
        if (path != null && !startsWithAny(path, prefixesOf(info))) {
            return null;
        }
        return super.getMatchingMapping(info, request);
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
