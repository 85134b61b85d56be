package org.comptoir.fulfilment.internal;

import static org.springframework.http.HttpMethod.GET;
import static org.springframework.http.HttpMethod.POST;

import org.comptoir.platform.security.AccessRules;
import org.comptoir.platform.security.Role;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.stereotype.Component;

/** The back office reads rules and asks for plans; administrators set rules and capacities. */
@Component
class FulfilmentAccessRules implements AccessRules {

    @Override
    public void configure(AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry rules) {
        rules.requestMatchers(POST, "/api/v1/fulfilment/sourcing/plans").hasAnyRole(AccessRules.backOffice())
                .requestMatchers(GET, "/api/v1/fulfilment/**").hasAnyRole(AccessRules.backOffice())
                .requestMatchers("/api/v1/fulfilment/**").hasRole(Role.ADMIN.name());
    }
}
