package org.comptoir.ordering.internal;

import static org.springframework.http.HttpMethod.GET;
import static org.springframework.http.HttpMethod.POST;

import org.comptoir.platform.security.AccessRules;
import org.comptoir.platform.security.Role;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.stereotype.Component;

/**
 * Carts and checkout belong to whoever sells: storefronts (their channel), agents on the phone,
 * store associates at the till, integrations importing marketplace orders. Moving, cancelling and
 * refunding orders is back-office work.
 */
@Component
class OrderingAccessRules implements AccessRules {

    private static final String[] SELLERS = {Role.ADMIN.name(), Role.AGENT.name(), Role.STORE_ASSOCIATE.name(),
        Role.INTEGRATION.name(), Role.STOREFRONT.name()};
    private static final String[] OPERATORS = {Role.ADMIN.name(), Role.AGENT.name(), Role.STORE_ASSOCIATE.name(),
        Role.INTEGRATION.name()};

    @Override
    public void configure(AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry rules) {
        rules.requestMatchers("/api/v1/carts", "/api/v1/carts/**").hasAnyRole(SELLERS)
                .requestMatchers(POST, "/api/v1/orders", "/api/v1/orders/*/payments").hasAnyRole(SELLERS)
                .requestMatchers(GET, "/api/v1/orders/*", "/api/v1/orders/*/payments", "/api/v1/orders/*/history")
                .hasAnyRole(SELLERS)
                .requestMatchers(GET, "/api/v1/orders").hasAnyRole(AccessRules.backOffice())
                .requestMatchers("/api/v1/orders/**").hasAnyRole(OPERATORS);
    }
}
