package org.comptoir.network.internal;

import static org.springframework.http.HttpMethod.GET;
import static org.springframework.http.HttpMethod.PUT;

import org.comptoir.platform.security.AccessRules;
import org.comptoir.platform.security.Role;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.stereotype.Component;

/**
 * The back office reads the network; admins shape it; a store associate may update its own store
 * (the scope itself is checked by {@link Locations}). Publishable keys are admin business.
 */
@Component
class NetworkAccessRules implements AccessRules {

    @Override
    public void configure(AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry rules) {
        rules.requestMatchers(GET, "/api/v1/channels/*/publishable-keys").hasRole(Role.ADMIN.name())
                .requestMatchers(GET, "/api/v1/locations/**", "/api/v1/channels/**")
                .hasAnyRole(AccessRules.backOffice())
                .requestMatchers(PUT, "/api/v1/locations/*").hasAnyRole(Role.ADMIN.name(), Role.STORE_ASSOCIATE.name())
                .requestMatchers("/api/v1/locations/**", "/api/v1/channels/**").hasRole(Role.ADMIN.name());
    }
}
