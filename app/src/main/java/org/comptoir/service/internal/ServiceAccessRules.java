package org.comptoir.service.internal;

import static org.springframework.http.HttpMethod.GET;
import static org.springframework.http.HttpMethod.POST;
import static org.springframework.http.HttpMethod.PUT;

import org.comptoir.platform.security.AccessRules;
import org.comptoir.platform.security.Role;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.stereotype.Component;

/**
 * Agents and administrators work every conversation; store associates those of their store (the
 * desk checks the scope); integrations and storefront chat widgets deliver customers' messages; only
 * administrators set the desk up; analysts read the reports.
 */
@Component
class ServiceAccessRules implements AccessRules {

    @Override
    public void configure(AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry rules) {
        rules.requestMatchers(POST, "/api/v1/service/messages").hasAnyRole(Role.ADMIN.name(), Role.INTEGRATION.name(),
                        Role.AGENT.name(), Role.STORE_ASSOCIATE.name(), Role.STOREFRONT.name())
                .requestMatchers(POST, "/api/v1/service/inbound/email").hasAnyRole(Role.ADMIN.name(),
                        Role.INTEGRATION.name())
                .requestMatchers(GET, "/api/v1/service/reports").hasAnyRole(Role.ADMIN.name(), Role.AGENT.name(),
                        Role.ANALYST.name())
                .requestMatchers("/api/v1/service/conversations", "/api/v1/service/conversations/**")
                .hasAnyRole(Role.ADMIN.name(), Role.AGENT.name(), Role.STORE_ASSOCIATE.name())
                .requestMatchers(PUT, "/api/v1/service/bot/misses/*").hasAnyRole(Role.ADMIN.name(), Role.AGENT.name())
                .requestMatchers(GET, "/api/v1/service/**").hasAnyRole(Role.ADMIN.name(), Role.AGENT.name())
                .requestMatchers("/api/v1/service/**").hasRole(Role.ADMIN.name());
    }
}
