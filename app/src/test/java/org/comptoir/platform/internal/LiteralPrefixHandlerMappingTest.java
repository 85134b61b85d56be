package org.comptoir.platform.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerExecutionChain;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.util.pattern.PathPatternParser;

class LiteralPrefixHandlerMappingTest {

    /** Handlers whose names say which mapping was chosen. */
    static class Handlers {
        void cartLines() {}

        void orderLines() {}

        void anyCartPart() {}

        void docs() {}

        void fallback() {}

        void currentCartLines() {}
    }

    /** Counts the mappings tested one by one (rejected cheaply or not). */
    private int tested;

    private final LiteralPrefixHandlerMapping mapping = new LiteralPrefixHandlerMapping() {
        @Override
        protected RequestMappingInfo getMatchingMapping(RequestMappingInfo info,
                jakarta.servlet.http.HttpServletRequest request) {
            tested++;
            return super.getMatchingMapping(info, request);
        }
    };
    private final Handlers handlers = new Handlers();

    @BeforeEach
    void register() throws Exception {
        register("/api/v1/carts/{id}/lines", RequestMethod.POST, "cartLines");
        register("/api/v1/orders/{id}/lines", RequestMethod.POST, "orderLines");
        register("/api/v1/carts/{id}/{part}", RequestMethod.GET, "anyCartPart");
        register("/docs/**", null, "docs");
        register("/{*rest}", RequestMethod.PUT, "fallback");
    }

    /**
     * Maps the pattern (for one method, or any when null) to the named handler, the pattern parsed as
     * the application parses it.
     */
    private void register(String pattern, RequestMethod method, String name) throws Exception {
        var options = new RequestMappingInfo.BuilderConfiguration();
        options.setPatternParser(PathPatternParser.defaultInstance);
        var info = RequestMappingInfo.paths(pattern).options(options);
        if (method != null) {
            info.methods(method);
        }
        mapping.registerMapping(info.build(), handlers, Handlers.class.getDeclaredMethod(name));
    }

    @Test
    void aPatternsLiteralStartStopsAtTheSlashBeforeItsFirstVariableOrWildcard() {
        assertThat(LiteralPrefixHandlerMapping.literalPrefix("/api/v1/carts/{id}/lines")).isEqualTo("/api/v1/carts");
        assertThat(LiteralPrefixHandlerMapping.literalPrefix("/api/v1/inventory/availability/{sku}/near"))
                .isEqualTo("/api/v1/inventory/availability");
        assertThat(LiteralPrefixHandlerMapping.literalPrefix("/swagger-ui/**")).isEqualTo("/swagger-ui");
        assertThat(LiteralPrefixHandlerMapping.literalPrefix("/files/x{name}.txt")).isEqualTo("/files");
        assertThat(LiteralPrefixHandlerMapping.literalPrefix("/{*path}")).isEmpty();
        assertThat(LiteralPrefixHandlerMapping.literalPrefix("/api/v1/orders")).isEqualTo("/api/v1/orders");
    }

    @Test
    void eachPathReachesTheHandlerSpringWouldChoose() throws Exception {
        assertThat(handlerOf("POST", "/api/v1/carts/42/lines")).isEqualTo("cartLines");
        assertThat(handlerOf("POST", "/api/v1/orders/42/lines")).isEqualTo("orderLines");
        assertThat(handlerOf("GET", "/api/v1/carts/42/lines")).isEqualTo("anyCartPart");
        assertThat(handlerOf("GET", "/docs")).isEqualTo("docs");
        assertThat(handlerOf("GET", "/docs/a/b")).isEqualTo("docs");
        assertThat(handlerOf("PUT", "/anything/at/all")).isEqualTo("fallback");
        assertThat(handlerOf("PUT", "/doc")).isEqualTo("fallback");
    }

    @Test
    void aKnownPathAskedWithAnotherMethodIsStillAMethodNotAllowed() {
        assertThatThrownBy(() -> handlerOf("DELETE", "/api/v1/orders/42/lines"))
                .isInstanceOf(HttpRequestMethodNotSupportedException.class);
        // Only the catch-all knows /doc, for PUT alone.
        assertThatThrownBy(() -> handlerOf("GET", "/doc")).isInstanceOf(HttpRequestMethodNotSupportedException.class);
    }

    @Test
    void mappingsOfAnotherLiteralStartAreNeverTested() throws Exception {
        registerFallbacks(i -> "/api/v1/other" + i + "/{id}", RequestMethod.POST);
        // Spring tests a mapping's method first: each mapping tested asks the request for it.
        assertThat(timesTheMethodIsAsked("POST", "/api/v1/carts/42/lines", "cartLines")).isLessThan(10);
    }

    @Test
    void mappingsOfTheSameLiteralStartForOtherMethodsAreNeverTested() throws Exception {
        registerFallbacks(i -> "/api/v1/carts/{id}/part" + i, RequestMethod.DELETE);
        assertThat(timesTheMethodIsAsked("POST", "/api/v1/carts/42/lines", "cartLines")).isLessThan(10);
        // The method condition still decides what it alone can: HEAD reaches a GET mapping.
        assertThat(handlerOf("HEAD", "/api/v1/carts/42/lines")).isEqualTo("anyCartPart");
        assertThat(handlerOf("DELETE", "/api/v1/carts/42/part7")).isEqualTo("fallback");
    }

    @Test
    void mappingsOfTheSameLiteralStartAndMethodButAnotherPatternAreNeverTested() throws Exception {
        registerFallbacks(i -> "/api/v1/carts/{id}/part" + i, RequestMethod.POST);
        assertThat(timesTheMethodIsAsked("POST", "/api/v1/carts/42/lines", "cartLines")).isLessThan(10);
        // A percent-encoded path skips the literal comparison, not the patterns: still few mappings tested.
        assertThat(timesTheMethodIsAsked("POST", "/api/v1/%63arts/42/lines", "cartLines")).isLessThan(10);
        assertThat(handlerOf("POST", "/api/v1/carts/42/part7")).isEqualTo("fallback");
    }

    @Test
    void onlyTheMappingsWhoseLiteralStartBeginsThePathAreLookedAt() throws Exception {
        registerFallbacks(i -> "/api/v1/other" + i + "/{id}", RequestMethod.POST);
        tested = 0;
        assertThat(handlerOf("POST", "/api/v1/carts/42/lines")).isEqualTo("cartLines");
        // cartLines, anyCartPart and the catch-all: not the 50 others nor /api/v1/orders/{id}/lines.
        assertThat(tested).isEqualTo(3);
        assertThat(handlerOf("POST", "/api/v1/other7/42")).isEqualTo("fallback");
    }

    @Test
    void aLiteralPathWinsOverThePatternsThatAlsoMatchIt() throws Exception {
        assertThat(handlerOf("GET", "/api/v1/carts/current/lines")).isEqualTo("anyCartPart");
        // Registered after a lookup: the mappings are indexed again.
        register("/api/v1/carts/current/lines", RequestMethod.GET, "currentCartLines");
        assertThat(handlerOf("GET", "/api/v1/carts/current/lines")).isEqualTo("currentCartLines");
        assertThat(handlerOf("GET", "/api/v1/carts/42/lines")).isEqualTo("anyCartPart");
    }

    @Test
    void twoEquallyGoodMappingsAreStillRefusedAsSpringRefusesThem() throws Exception {
        register("/api/v1/carts/{cart}/{what}", RequestMethod.GET, "currentCartLines");
        assertThatThrownBy(() -> handlerOf("GET", "/api/v1/carts/42/lines"))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("Ambiguous");
    }

    @Test
    void aPercentEncodedPathIsMatchedTheOrdinaryWay() throws Exception {
        // %63 is "c": the literal start cannot be compared with this spelling; Spring decodes it.
        assertThat(handlerOf("POST", "/api/v1/%63arts/42/lines")).isEqualTo("cartLines");
    }

    /** 50 more mappings to the fallback handler, of the given patterns and method. */
    private void registerFallbacks(java.util.function.IntFunction<String> pattern, RequestMethod method)
            throws Exception {
        for (int i = 0; i < 50; i++) {
            register(pattern.apply(i), method, "fallback");
        }
    }

    /** How often finding the handler asks the request for its method; the handler must be the expected one. */
    private int timesTheMethodIsAsked(String method, String path, String expectedHandler) throws Exception {
        int[] asked = {0};
        var request = new MockHttpServletRequest(method, path) {
            @Override
            public String getMethod() {
                asked[0]++;
                return super.getMethod();
            }
        };
        var chain = mapping.getHandler(request);
        assertThat(((HandlerMethod) chain.getHandler()).getMethod().getName()).isEqualTo(expectedHandler);
        return asked[0];
    }

    private String handlerOf(String method, String path) throws Exception {
        HandlerExecutionChain chain = mapping.getHandler(new MockHttpServletRequest(method, path));
        return chain == null ? null : ((HandlerMethod) chain.getHandler()).getMethod().getName();
    }
}
