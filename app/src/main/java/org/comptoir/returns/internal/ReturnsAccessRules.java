package org.comptoir.returns.internal;

import static org.springframework.http.HttpMethod.GET;
import static org.springframework.http.HttpMethod.POST;

import org.comptoir.platform.security.AccessRules;
import org.comptoir.platform.security.Role;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.stereotype.Component;

/**
 * Agents, stores (and their kiosks) and integrations open and receive returns; the back office reads
 * them; administrators and merchandisers say what cannot be returned.
 */
@Component
class ReturnsAccessRules implements AccessRules {

    @Override
    public void configure(AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry rules) {
        rules.requestMatchers("/api/v1/returns/non-returnable/**")
                .hasAnyRole(Role.ADMIN.name(), Role.MERCHANDISER.name())
                .requestMatchers(GET, "/api/v1/returns", "/api/v1/returns/**").hasAnyRole(AccessRules.backOffice())
                .requestMatchers(POST, "/api/v1/returns", "/api/v1/returns/**").hasAnyRole(Role.ADMIN.name(),
                        Role.AGENT.name(), Role.STORE_ASSOCIATE.name(), Role.INTEGRATION.name());
    }
}
