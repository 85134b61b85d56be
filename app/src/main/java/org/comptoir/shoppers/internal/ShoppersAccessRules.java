package org.comptoir.shoppers.internal;

import org.comptoir.platform.security.AccessRules;
import org.comptoir.platform.security.Role;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.stereotype.Component;

/** The shopper's door is a storefront's: publishable keys and customer tokens, nobody else. */
@Component
class ShoppersAccessRules implements AccessRules {

    @Override
    public void configure(AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry rules) {
        rules.requestMatchers("/api/v1/shopper/**").hasRole(Role.STOREFRONT.name());
    }
}
