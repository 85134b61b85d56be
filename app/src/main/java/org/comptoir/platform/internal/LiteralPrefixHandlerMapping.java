package org.comptoir.platform.internal;

import jakarta.servlet.http.HttpServletRequest;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import org.springframework.http.server.PathContainer;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.cors.CorsUtils;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.condition.PathPatternsRequestCondition;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import org.springframework.web.util.ServletRequestPathUtils;
import org.springframework.web.util.pattern.PathPattern;

/**
 * Spring MVC's handler mapping finds a path with variables ({@code /carts/{id}/lines}) by testing
 * every mapping of the application in turn, its method, headers and media types first: with a few
 * hundred endpoints that was an eighth of the CPU of an availability read, and walking them all, even
 * to reject them cheaply, still a twentieth of a web checkout's. This one keeps the mappings by the
 * literal start of their patterns ({@code /api/v1/carts}) and tests only those whose start is a start
 * of the path; of those, it rules out the ones of other methods (a cart's many {@code /carts/{id}/...}
 * mappings differ mostly by method) and other patterns ({@code /carts/{id}/codes}) before Spring's full
 * test, whose header and media type conditions come before the patterns. The best match is then chosen
 * as Spring does; anything but a single best match is left to Spring's own lookup, so its answers
 * (405, 415, ambiguity, CORS pre-flights) are unchanged.
 *
 * <p>A percent-encoded path, whose spelling may differ from the segments Spring decodes, is looked up
 * the ordinary way, its patterns matched on the decoded path as Spring does.
 */
class LiteralPrefixHandlerMapping extends RequestMappingHandlerMapping {

    /**
     * The path and method being looked up, read once per lookup: each mapping tested asks the wrapped
     * request again otherwise, through every wrapper of the filter chain.
     */
    private record Lookup(String literalPath, PathContainer path, RequestMethod method) {}

    /**
     * What a mapping's patterns start with, the methods it names (one bit each, none for any) and its
     * patterns (none when it has no pattern condition of this kind).
     */
    private record Shape(String[] prefixes, int methods, PathPattern[] patterns) {

        static Shape of(RequestMappingInfo info) {
            int methods = 0;
            for (RequestMethod method : info.getMethodsCondition().getMethods()) {
                methods |= 1 << method.ordinal();
            }
            PathPatternsRequestCondition condition = info.getPathPatternsCondition();
            PathPattern[] patterns = condition == null ? new PathPattern[0]
                    : condition.getPatterns().toArray(PathPattern[]::new);
            return new Shape(literalPrefixes(info), methods, patterns);
        }

        /** Whether Spring's full test could match; false only when it certainly cannot. */
        boolean mayMatch(Lookup lookup) {
            return (lookup.literalPath() == null || startsWithAny(lookup.literalPath(), prefixes))
                    && acceptsMethod(lookup.method()) && anyPatternMatches(lookup.path());
        }

        /**
         * Whether Spring's method condition could match: a mapping that names methods matches no other,
         * except that HEAD may go to a GET mapping and OPTIONS (CORS pre-flights too) is Spring's to answer.
         */
        private boolean acceptsMethod(RequestMethod method) {
            return methods == 0 || method == null || method == RequestMethod.HEAD || method == RequestMethod.OPTIONS
                    || (methods & 1 << method.ordinal()) != 0;
        }

        private boolean anyPatternMatches(PathContainer path) {
            if (path == null || patterns.length == 0) {
                return true;
            }
            for (PathPattern pattern : patterns) {
                if (pattern.matches(path)) {
                    return true;
                }
            }
            return false;
        }
    }

    /**
     * The mappings by what the lookup can find them with: the exact path of a literal mapping, and the
     * literal start of each pattern; with each mapping's shape and handler.
     */
    private record Index(Map<String, List<RequestMappingInfo>> direct, Map<String, List<RequestMappingInfo>> byPrefix,
            Map<RequestMappingInfo, Shape> shapes, Map<RequestMappingInfo, HandlerMethod> handlers) {}

    /** A mapping that matches the request: as registered, and its part that matched. */
    private record Match(RequestMappingInfo registered, RequestMappingInfo matched) {}

    private static final ThreadLocal<Lookup> LOOKUP = new ThreadLocal<>();

    /** Built on the first lookup and again after any mapping is registered or removed. */
    private volatile Index index;

    /**
     * Spring's own lookup (the mappings of the exact path, else every mapping; the best match; its
     * attributes), over the mappings whose literal start is a start of the path instead of all of them.
     * Where Spring's answer is not a single best match (none, a CORS pre-flight matching several,
     * two equally good) or the path is percent-encoded, Spring's own lookup answers.
     */
    @Override
    protected HandlerMethod lookupHandlerMethod(String lookupPath, HttpServletRequest request) throws Exception {
        // The path Spring's pattern condition matches: set by the lookup when patterns are parsed.
        PathContainer path = ServletRequestPathUtils.hasParsedRequestPath(request)
                ? ServletRequestPathUtils.getParsedRequestPath(request).pathWithinApplication() : null;
        Lookup lookup = new Lookup(lookupPath.indexOf('%') < 0 ? lookupPath : null, path,
                RequestMethod.resolve(request.getMethod()));
        LOOKUP.set(lookup);
        try {
            HandlerMethod found = lookup.literalPath() == null ? null : lookupIndexed(lookupPath, request);
            return found != null ? found : super.lookupHandlerMethod(lookupPath, request);
        } finally {
            LOOKUP.remove();
        }
    }

    private HandlerMethod lookupIndexed(String lookupPath, HttpServletRequest request) {
        Index index = index();
        List<Match> matches = new ArrayList<>(2);
        addMatches(index.direct().get(lookupPath), matches, request);
        if (matches.isEmpty()) {
            addMatches(index.byPrefix().get(""), matches, request);
            for (int slash = lookupPath.indexOf('/', 1); slash > 0; slash = lookupPath.indexOf('/', slash + 1)) {
                addMatches(index.byPrefix().get(lookupPath.substring(0, slash)), matches, request);
            }
            addMatches(index.byPrefix().get(lookupPath), matches, request);
        }
        if (matches.isEmpty()) {
            return null;
        }
        Match best = matches.getFirst();
        if (matches.size() > 1) {
            if (CorsUtils.isPreFlightRequest(request)) {
                return null;
            }
            Comparator<Match> comparator = Comparator.comparing(Match::matched, getMappingComparator(request));
            matches.sort(comparator);
            best = matches.getFirst();
            if (comparator.compare(best, matches.get(1)) == 0) {
                return null;
            }
        }
        HandlerMethod handler = index.handlers().get(best.registered());
        request.setAttribute(BEST_MATCHING_HANDLER_ATTRIBUTE, handler);
        handleMatch(best.matched(), lookupPath, request);
        return handler;
    }

    /** Adds each mapping that matches, once. */
    private void addMatches(List<RequestMappingInfo> candidates, List<Match> matches,
            HttpServletRequest request) {
        if (candidates == null) {
            return;
        }
        for (RequestMappingInfo info : candidates) {
            RequestMappingInfo match = getMatchingMapping(info, request);
            if (match != null && matches.stream().noneMatch(known -> known.registered() == info)) {
                matches.add(new Match(info, match));
            }
        }
    }

    @Override
    protected RequestMappingInfo getMatchingMapping(RequestMappingInfo info, HttpServletRequest request) {
        Lookup lookup = LOOKUP.get();
        if (lookup != null && !shapeOf(info).mayMatch(lookup)) {
            return null;
        }
        return super.getMatchingMapping(info, request);
    }

    private Shape shapeOf(RequestMappingInfo info) {
        Shape known = index().shapes().get(info);
        return known != null ? known : Shape.of(info);
    }

    private Index index() {
        Index known = index;
        return known != null ? known : build();
    }

    /**
     * Synchronized with {@link #forget}: an index built from the mappings as they were before a
     * registration is dropped by the registration's {@code forget}, never stored after it.
     */
    private synchronized Index build() {
        if (index != null) {
            return index;
        }
        Map<RequestMappingInfo, HandlerMethod> handlers = new IdentityHashMap<>(getHandlerMethods());
        Map<String, List<RequestMappingInfo>> direct = new HashMap<>();
        Map<String, List<RequestMappingInfo>> byPrefix = new HashMap<>();
        Map<RequestMappingInfo, Shape> shapes = new IdentityHashMap<>();
        for (RequestMappingInfo info : handlers.keySet()) {
            Shape shape = Shape.of(info);
            shapes.put(info, shape);
            for (String directPath : getDirectPaths(info)) {
                direct.computeIfAbsent(directPath, p -> new ArrayList<>()).add(info);
            }
            for (String prefix : new LinkedHashSet<>(List.of(shape.prefixes()))) {
                byPrefix.computeIfAbsent(prefix, p -> new ArrayList<>()).add(info);
            }
        }
        index = new Index(direct, byPrefix, shapes, handlers);
        return index;
    }

    private synchronized void forget() {
        index = null;
    }

    @Override
    public void registerMapping(RequestMappingInfo mapping, Object handler, Method method) {
        super.registerMapping(mapping, handler, method);
        forget();
    }

    @Override
    public void unregisterMapping(RequestMappingInfo mapping) {
        super.unregisterMapping(mapping);
        forget();
    }

    @Override
    protected void registerHandlerMethod(Object handler, Method method, RequestMappingInfo mapping) {
        super.registerHandlerMethod(handler, method, mapping);
        forget();
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
