package org.comptoir.platform.internal;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.comptoir.platform.web.ApiProblem;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Reads the query string before anything asks for a parameter. Well-formed UTF-8 goes through
 * untouched. Bytes that are not UTF-8 are read as Windows-1252, as old clients and hand-made links
 * send them ({@code ?q=s%E9cateur} is "sécateur"), rather than failing deep in the container; a
 * broken escape ({@code %zz}, a lone {@code %}) is a 400 problem before anything runs.
 */
class QueryStringFilter extends OncePerRequestFilter {

    private static final Charset LEGACY = Charset.forName("windows-1252");

    private final ProblemWriter problems;

    QueryStringFilter(ProblemWriter problems) {
        this.problems = problems;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String query = request.getQueryString();
        return query == null || query.indexOf('%') < 0 || !request.getRequestURI().startsWith("/api/");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Map<String, List<String>> parameters = new LinkedHashMap<>();
        boolean legacy = false;
        for (String pair : request.getQueryString().split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int equals = pair.indexOf('=');
            Decoded name = decode(equals < 0 ? pair : pair.substring(0, equals));
            Decoded value = decode(equals < 0 ? "" : pair.substring(equals + 1));
            if (name == null || value == null) {
                problems.write(request, response, ApiProblem.invalid("query",
                        "has a broken percent-escape (use %XX with two hexadecimal digits)"));
                return;
            }
            legacy |= name.legacy() || value.legacy();
            parameters.computeIfAbsent(name.text(), n -> new ArrayList<>()).add(value.text());
        }
        chain.doFilter(legacy ? new Parameters(request, parameters) : request, response);
    }

    private record Decoded(String text, boolean legacy) {}

    /** Percent-decodes ({@code +} is a space), as UTF-8 when it is, else as Windows-1252; null when broken. */
    private static Decoded decode(String raw) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(raw.length());
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c == '%') {
                if (i + 2 >= raw.length()) {
                    return null;
                }
                int high = Character.digit(raw.charAt(i + 1), 16);
                int low = Character.digit(raw.charAt(i + 2), 16);
                if (high < 0 || low < 0) {
                    return null;
                }
                bytes.write(high * 16 + low);
                i += 2;
            } else if (c == '+') {
                bytes.write(' ');
            } else {
                byte[] encoded = String.valueOf(c).getBytes(StandardCharsets.UTF_8);
                bytes.write(encoded, 0, encoded.length);
            }
        }
        byte[] all = bytes.toByteArray();
        try {
            return new Decoded(StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(all)).toString(), false);
        } catch (CharacterCodingException e) {
            return new Decoded(new String(all, LEGACY), true);
        }
    }

    /** The parameters as decoded here, for a query the container would refuse to decode. */
    private static final class Parameters extends HttpServletRequestWrapper {

        private final Map<String, String[]> values = new LinkedHashMap<>();

        Parameters(HttpServletRequest request, Map<String, List<String>> parameters) {
            super(request);
            parameters.forEach((name, list) -> values.put(name, list.toArray(String[]::new)));
        }

        @Override
        public String getParameter(String name) {
            String[] all = values.get(name);
            return all == null ? null : all[0];
        }

        @Override
        public Map<String, String[]> getParameterMap() {
            return Collections.unmodifiableMap(values);
        }

        @Override
        public Enumeration<String> getParameterNames() {
            return Collections.enumeration(values.keySet());
        }

        @Override
        public String[] getParameterValues(String name) {
            String[] all = values.get(name);
            return all == null ? null : all.clone();
        }
    }
}
