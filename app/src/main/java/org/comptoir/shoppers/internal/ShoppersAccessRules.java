package org.comptoir.shoppers.internal;

import static org.springframework.http.HttpMethod.POST;

import org.comptoir.platform.security.AccessRules;
import org.comptoir.platform.security.Caller;
import org.comptoir.platform.security.Role;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.stereotype.Component;

/**
 * The shopper's door is a storefront's: its publishable key opens the way in (codes, sessions), a
 * signed-in shopper's token the rest; nobody else passes.
 */
@Component
class ShoppersAccessRules implements AccessRules {

    @Override
    public void configure(AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry rules) {
        rules.requestMatchers(POST, "/api/v1/shopper/sign-in-codes", "/api/v1/shopper/sessions")
                .hasRole(Role.STOREFRONT.name());
        rules.requestMatchers("/api/v1/shopper/**").access((authentication, request) -> new AuthorizationDecision(
                authentication.get() != null && authentication.get().getPrincipal() instanceof Caller caller
                        && caller.storefront() && caller.customerId().isPresent()));
    }
}
