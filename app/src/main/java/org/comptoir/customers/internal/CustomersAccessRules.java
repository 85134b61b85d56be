package org.comptoir.customers.internal;

import static org.springframework.http.HttpMethod.DELETE;
import static org.springframework.http.HttpMethod.GET;
import static org.springframework.http.HttpMethod.PATCH;
import static org.springframework.http.HttpMethod.POST;

import org.comptoir.platform.security.AccessRules;
import org.comptoir.platform.security.Role;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.stereotype.Component;

/**
 * The back office reads customers; agents, stores and integrations recognise and update them; only
 * administrators export or erase a person, declare attributes and block values; marketers define
 * segments; storefronts send their own touchpoints and confirm double opt-ins, nothing more.
 */
@Component
class CustomersAccessRules implements AccessRules {

    private static final String[] FRONT_LINE = {Role.ADMIN.name(), Role.AGENT.name(), Role.STORE_ASSOCIATE.name(),
        Role.INTEGRATION.name()};

    @Override
    public void configure(AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry rules) {
        rules.requestMatchers("/api/v1/customers/*/export", "/api/v1/customers/*/erasure",
                        "/api/v1/customers/blocked-identities").hasRole(Role.ADMIN.name())
                .requestMatchers(POST, "/api/v1/customers/attributes").hasRole(Role.ADMIN.name())
                .requestMatchers(POST, "/api/v1/customers/consents/confirm").hasAnyRole(Role.ADMIN.name(),
                        Role.STOREFRONT.name(), Role.INTEGRATION.name(), Role.AGENT.name())
                .requestMatchers(POST, "/api/v1/customers/merges", "/api/v1/customers/merges/**")
                .hasAnyRole(Role.ADMIN.name(), Role.AGENT.name())
                .requestMatchers(GET, "/api/v1/customers", "/api/v1/customers/**").hasAnyRole(AccessRules.backOffice())
                .requestMatchers(POST, "/api/v1/customers", "/api/v1/customers/**").hasAnyRole(FRONT_LINE)
                .requestMatchers(PATCH, "/api/v1/customers/**").hasAnyRole(FRONT_LINE)
                .requestMatchers(DELETE, "/api/v1/customers/**").hasAnyRole(FRONT_LINE)
                .requestMatchers(POST, "/api/v1/touchpoints", "/api/v1/touchpoints/**").hasAnyRole(Role.ADMIN.name(),
                        Role.AGENT.name(), Role.STORE_ASSOCIATE.name(), Role.INTEGRATION.name(), Role.STOREFRONT.name())
                .requestMatchers(GET, "/api/v1/segments", "/api/v1/segments/**").hasAnyRole(AccessRules.backOffice())
                .requestMatchers("/api/v1/segments", "/api/v1/segments/**").hasAnyRole(Role.ADMIN.name(),
                        Role.MARKETER.name())
                .requestMatchers(GET, "/api/v1/loyalty/**").hasAnyRole(AccessRules.backOffice())
                .requestMatchers(POST, "/api/v1/loyalty/members/*/adjustments").hasAnyRole(Role.ADMIN.name(),
                        Role.AGENT.name())
                .requestMatchers(POST, "/api/v1/loyalty/**").hasAnyRole(FRONT_LINE);
    }
}
