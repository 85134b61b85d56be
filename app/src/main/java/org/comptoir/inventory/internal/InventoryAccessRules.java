package org.comptoir.inventory.internal;

import static org.springframework.http.HttpMethod.GET;
import static org.springframework.http.HttpMethod.POST;
import static org.springframework.http.HttpMethod.PUT;

import org.comptoir.platform.security.AccessRules;
import org.comptoir.platform.security.Role;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.stereotype.Component;

/**
 * Everybody reads availability (storefronts for their channel). Holds are placed by agents, store
 * associates, integrations (order capture) and storefronts (carts). Stock is moved by the systems
 * and people that count it; buffers are a merchandising decision.
 */
@Component
class InventoryAccessRules implements AccessRules {

    private static final String[] HOLDERS = {Role.ADMIN.name(), Role.AGENT.name(), Role.STORE_ASSOCIATE.name(),
        Role.INTEGRATION.name(), Role.STOREFRONT.name()};
    private static final String[] STOCK_KEEPERS = {Role.ADMIN.name(), Role.STORE_ASSOCIATE.name(),
        Role.INTEGRATION.name()};

    @Override
    public void configure(AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry rules) {
        rules.requestMatchers("/api/v1/inventory/availability/**").authenticated()
                .requestMatchers(GET, "/api/v1/inventory/feeds/**").hasAnyRole(Role.ADMIN.name(),
                        Role.INTEGRATION.name(), Role.MERCHANDISER.name(), Role.STOREFRONT.name())
                .requestMatchers("/api/v1/inventory/holds/**").hasAnyRole(HOLDERS)
                .requestMatchers(PUT, "/api/v1/inventory/channels/*/buffer")
                .hasAnyRole(Role.ADMIN.name(), Role.MERCHANDISER.name())
                .requestMatchers("/api/v1/inventory/ring-fences/**")
                .hasAnyRole(Role.ADMIN.name(), Role.MERCHANDISER.name())
                .requestMatchers(GET, "/api/v1/inventory/**").hasAnyRole(AccessRules.backOffice())
                .requestMatchers(POST, "/api/v1/inventory/opening-stock")
                .hasAnyRole(Role.ADMIN.name(), Role.INTEGRATION.name())
                .requestMatchers(POST, "/api/v1/inventory/movements", "/api/v1/inventory/counts",
                        "/api/v1/inventory/inbound", "/api/v1/inventory/inbound/*/*", "/api/v1/inventory/transfers")
                .hasAnyRole(STOCK_KEEPERS)
                .requestMatchers(PUT, "/api/v1/inventory/balances/**").hasAnyRole(STOCK_KEEPERS)
                .requestMatchers("/api/v1/inventory/**").hasRole(Role.ADMIN.name());
    }
}
