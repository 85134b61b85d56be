package org.comptoir.platform.internal;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.info.License;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The OpenAPI document's identity and its one security scheme (bearer API keys). */
@Configuration
class OpenApiConfig {

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
