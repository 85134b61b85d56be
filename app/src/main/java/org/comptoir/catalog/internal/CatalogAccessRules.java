package org.comptoir.catalog.internal;

import static org.springframework.http.HttpMethod.GET;

import org.comptoir.platform.security.AccessRules;
import org.comptoir.platform.security.Role;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.stereotype.Component;

/**
 * Everybody reads the catalogue (storefront keys only what their channel shows, see
 * {@link ProductController}); merchandisers, integrations and admins change it and run imports.
 */
@Component
class CatalogAccessRules implements AccessRules {

    private static final String[] WRITERS = {Role.ADMIN.name(), Role.MERCHANDISER.name(), Role.INTEGRATION.name()};

    @Override
    public void configure(AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry rules) {
        rules.requestMatchers("/api/v1/catalog/imports/**").hasAnyRole(WRITERS)
                .requestMatchers(GET, "/api/v1/catalog/**").authenticated()
                .requestMatchers("/api/v1/catalog/**").hasAnyRole(WRITERS);
    }
}
