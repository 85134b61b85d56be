package org.comptoir.search.internal;

import static org.springframework.http.HttpMethod.GET;

import org.comptoir.platform.security.AccessRules;
import org.comptoir.platform.security.Role;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.stereotype.Component;

/**
 * Everybody searches (a storefront its channel only, see {@link SearchController}); merchandisers and
 * admins tune synonyms and boosts and rebuild the index; the back office reads the index's state.
 */
@Component
class SearchAccessRules implements AccessRules {

    private static final String[] MERCHANDISING = {Role.ADMIN.name(), Role.MERCHANDISER.name()};
    private static final String[] BACK_OFFICE = {Role.ADMIN.name(), Role.MERCHANDISER.name(),
        Role.STORE_ASSOCIATE.name(), Role.AGENT.name(), Role.MARKETER.name(), Role.ANALYST.name(),
        Role.INTEGRATION.name()};

    @Override
    public void configure(AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry rules) {
        rules.requestMatchers(GET, "/api/v1/search/products").authenticated()
                .requestMatchers(GET, "/api/v1/search/index").hasAnyRole(BACK_OFFICE)
                .requestMatchers("/api/v1/search/**").hasAnyRole(MERCHANDISING);
    }
}
