package org.comptoir.platform.internal;

import io.swagger.v3.core.jackson.ModelResolver;
import io.swagger.v3.core.jackson.TypeNameResolver;
import io.swagger.v3.core.util.Json31;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.info.License;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The OpenAPI document's identity, its one security scheme (bearer API keys), and schema names that
 * tell apart the request records of different controllers sharing a simple name ({@code CreatePayload}
 * of carts and of customers), which would otherwise be described by whichever was met first.
 */
@Configuration
class OpenApiConfig {

    /** Nested records are named after their enclosing type: {@code CartCreatePayload}, {@code OrderLine}. */
    static final class NestedTypeNames extends TypeNameResolver {

        @Override
        protected String getNameOfClass(Class<?> type) {
            String simple = super.getNameOfClass(type);
            Class<?> outer = type.getEnclosingClass();
            if (outer == null || !type.getName().startsWith("org.comptoir.")) {
                return simple;
            }
            String prefix = outer.getSimpleName().replaceFirst("Controller$", "");
            return simple.startsWith(prefix) ? simple : prefix + simple;
        }
    }

    /** Put first in swagger-core's chain of model converters by springdoc, so every schema is named by it. */
    @Bean
    ModelResolver nestedTypeNames() {
        return new ModelResolver(Json31.mapper(), new NestedTypeNames()).openapi31(true);
    }

    @Bean
    OpenAPI comptoirOpenApi() {
        return new OpenAPI()
                .info(new Info().title("Comptoir API").version("v1")
                        .description("Omnichannel commerce: one stock, one price, one customer, one conversation. "
                                + "Conventions (problems, Idempotency-Key, cursors, If-Match): docs/api.md")
                        .license(new License().name("Apache-2.0")))
                .components(new Components().addSecuritySchemes("apiKey", new SecurityScheme()
                        .type(SecurityScheme.Type.HTTP).scheme("bearer")
                        .description("An API key (ck_…) or a storefront's publishable key (pk_…)")))
                .addSecurityItem(new SecurityRequirement().addList("apiKey"));
    }
}
