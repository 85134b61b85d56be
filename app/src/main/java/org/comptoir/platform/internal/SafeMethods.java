package org.comptoir.platform.internal;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * HEAD and OPTIONS are authorised exactly as GET: a rule written for {@code GET /customers} must not
 * be walked around with {@code HEAD /customers}, whose answer (status, length, ETag) tells as much.
 * {@link AsGet} shows the security filters a GET; {@link Restore}, right after them, gives the rest of
 * the chain the request's own method back, so that MVC still answers HEAD without a body and OPTIONS
 * with {@code Allow}.
 */
final class SafeMethods {

    static final String ORIGINAL_METHOD = SafeMethods.class.getName() + ".method";

    private SafeMethods() {}

    static boolean readsLikeGet(String method) {
        return "HEAD".equals(method) || "OPTIONS".equals(method);
    }

    /** Before the security filters: HEAD and OPTIONS of the API read as GET. */
    static final class AsGet extends OncePerRequestFilter {

        @Override
        protected boolean shouldNotFilter(HttpServletRequest request) {
            return !readsLikeGet(request.getMethod()) || !request.getRequestURI().startsWith("/api/");
        }

        @Override
        protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws ServletException, IOException {
            request.setAttribute(ORIGINAL_METHOD, request.getMethod());
            chain.doFilter(new WithMethod(request, "GET"), response);
        }
    }

    /** After the security filters: the request's own method again. */
    static final class Restore extends OncePerRequestFilter {

        @Override
        protected boolean shouldNotFilter(HttpServletRequest request) {
            return request.getAttribute(ORIGINAL_METHOD) == null;
        }

        @Override
        protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws ServletException, IOException {
            chain.doFilter(new WithMethod(request, (String) request.getAttribute(ORIGINAL_METHOD)), response);
        }
    }

    private static final class WithMethod extends HttpServletRequestWrapper {

        private final String method;

        WithMethod(HttpServletRequest request, String method) {
            super(request);
            this.method = method;
        }

        @Override
        public String getMethod() {
            return method;
        }
    }
}
