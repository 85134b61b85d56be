package org.comptoir.platform.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.reflect.Method;
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
    }

    private final LiteralPrefixHandlerMapping mapping = new LiteralPrefixHandlerMapping();
    private final Handlers handlers = new Handlers();

    @BeforeEach
    void register() throws Exception {
        var options = new RequestMappingInfo.BuilderConfiguration();
        options.setPatternParser(PathPatternParser.defaultInstance);
        register(RequestMappingInfo.paths("/api/v1/carts/{id}/lines").methods(RequestMethod.POST).options(options),
                "cartLines");
        register(RequestMappingInfo.paths("/api/v1/orders/{id}/lines").methods(RequestMethod.POST).options(options),
                "orderLines");
        register(RequestMappingInfo.paths("/api/v1/carts/{id}/{part}").methods(RequestMethod.GET).options(options),
                "anyCartPart");
        register(RequestMappingInfo.paths("/docs/**").options(options), "docs");
        register(RequestMappingInfo.paths("/{*rest}").methods(RequestMethod.PUT).options(options), "fallback");
    }

    private void register(RequestMappingInfo.Builder info, String name) throws Exception {
        Method method = Handlers.class.getDeclaredMethod(name);
        mapping.registerMapping(info.build(), handlers, method);
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
    void aPercentEncodedPathIsMatchedTheOrdinaryWay() throws Exception {
        // %63 is "c": the literal start cannot be compared with this spelling; Spring decodes it.
        assertThat(handlerOf("POST", "/api/v1/%63arts/42/lines")).isEqualTo("cartLines");
    }

    /** 50 more mappings to the fallback handler, of the given patterns and method. */
    private void registerFallbacks(java.util.function.IntFunction<String> pattern, RequestMethod method)
            throws Exception {
        var options = new RequestMappingInfo.BuilderConfiguration();
        options.setPatternParser(PathPatternParser.defaultInstance);
        for (int i = 0; i < 50; i++) {
            register(RequestMappingInfo.paths(pattern.apply(i)).methods(method).options(options), "fallback");
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
