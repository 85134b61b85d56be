package org.comptoir.platform.internal;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import org.springframework.http.HttpHeaders;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Reads every API request body once, up to its route's limit: a body over it is answered 413 before
 * anything runs, and later filters (idempotency) can fingerprint the body that handlers then read.
 */
class RequestBodyFilter extends OncePerRequestFilter {

    static final String BODY_ATTRIBUTE = RequestBodyFilter.class.getName() + ".body";

    private final PlatformSettings settings;
    private final ProblemWriter problems;

    RequestBodyFilter(PlatformSettings settings, ProblemWriter problems) {
        this.settings = settings;
        this.problems = problems;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String method = request.getMethod();
        return !request.getRequestURI().startsWith("/api/")
                || !(method.equals("POST") || method.equals("PUT") || method.equals("PATCH"));
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        long limit = settings.limitFor(request.getRequestURI());
        long declared = request.getContentLengthLong();
        if (declared > limit) {
            problems.write(request, response, new PayloadTooLarge(limit).problem());
            return;
        }
        // Neither a length nor chunks: an HTTP/1.1 request without a body (a cart's "place the order").
        long expected = declared < 0 && request.getHeader(HttpHeaders.TRANSFER_ENCODING) == null ? 0 : declared;
        SpooledBody body;
        try {
            body = SpooledBody.read(request.getInputStream(), limit, expected);
        } catch (PayloadTooLarge e) {
            problems.write(request, response, e.problem());
            return;
        }
        try (body) {
            request.setAttribute(BODY_ATTRIBUTE, body);
            chain.doFilter(new SpooledRequest(request, body), response);
        }
    }

    /** Serves the spooled body to whoever reads the request after this filter. */
    private static final class SpooledRequest extends HttpServletRequestWrapper {

        private final SpooledBody body;

        SpooledRequest(HttpServletRequest request, SpooledBody body) {
            super(request);
            this.body = body;
        }

        @Override
        public ServletInputStream getInputStream() throws IOException {
            InputStream in = body.open();
            return new ServletInputStream() {
                private boolean finished;

                @Override
                public int read() throws IOException {
                    int b = in.read();
                    finished = b == -1;
                    return b;
                }

                @Override
                public int read(byte[] buffer, int offset, int length) throws IOException {
                    int n = in.read(buffer, offset, length);
                    finished = n == -1;
                    return n;
                }

                @Override
                public void close() throws IOException {
                    in.close();
                }

                @Override
                public boolean isFinished() {
                    return finished;
                }

                @Override
                public boolean isReady() {
                    return true;
                }

                @Override
                public void setReadListener(ReadListener listener) {
                    throw new UnsupportedOperationException("the body is already read");
                }
            };
        }

        @Override
        public BufferedReader getReader() throws IOException {
            String encoding = getCharacterEncoding();
            return new BufferedReader(new InputStreamReader(getInputStream(),
                    encoding == null ? StandardCharsets.UTF_8 : java.nio.charset.Charset.forName(encoding)));
        }

        @Override
        public int getContentLength() {
            return (int) Math.min(Integer.MAX_VALUE, body.size());
        }

        @Override
        public long getContentLengthLong() {
            return body.size();
        }
    }
}
