package org.comptoir.fulfilment.internal;

import static org.springframework.http.HttpMethod.GET;
import static org.springframework.http.HttpMethod.POST;

import org.comptoir.platform.security.AccessRules;
import org.comptoir.platform.security.Role;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.stereotype.Component;

/**
 * Everyone who sells asks for delivery promises and relay points (storefronts for their channel);
 * carriers' tracking comes through integration keys. The back office reads fulfilment and asks for plans; stores, warehouses (their systems) and
 * administrators move fulfilment orders; agents and administrators route flagged orders again;
 * administrators set rules and capacities.
 */
@Component
class FulfilmentAccessRules implements AccessRules {

    @Override
    public void configure(AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry rules) {
        rules.requestMatchers(POST, "/api/v1/fulfilment/promises").authenticated()
                .requestMatchers(GET, "/api/v1/fulfilment/relay-points").authenticated()
                .requestMatchers(POST, "/api/v1/fulfilment/shipments/*/events")
                .hasAnyRole(Role.ADMIN.name(), Role.INTEGRATION.name())
                .requestMatchers(POST, "/api/v1/fulfilment/sourcing/plans").hasAnyRole(AccessRules.backOffice())
                .requestMatchers(POST, "/api/v1/fulfilment/orders/**")
                .hasAnyRole(Role.ADMIN.name(), Role.STORE_ASSOCIATE.name(), Role.INTEGRATION.name())
                .requestMatchers(POST, "/api/v1/fulfilment/routing/**").hasAnyRole(Role.ADMIN.name(), Role.AGENT.name())
                // The customer's pickup code, for whoever sends it to them; the store checks it, never reads it.
                .requestMatchers(GET, "/api/v1/fulfilment/orders/*/pickup-code")
                .hasAnyRole(Role.ADMIN.name(), Role.INTEGRATION.name())
                .requestMatchers(GET, "/api/v1/fulfilment/**").hasAnyRole(AccessRules.backOffice())
                .requestMatchers("/api/v1/fulfilment/**").hasRole(Role.ADMIN.name());
    }
}
