package org.comptoir.pricing.internal;

import static org.springframework.http.HttpMethod.GET;
import static org.springframework.http.HttpMethod.POST;

import org.comptoir.platform.security.AccessRules;
import org.comptoir.platform.security.Role;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.stereotype.Component;

/**
 * Everyone who sells quotes (storefronts on their own channel); the back office reads prices and
 * promotions; merchandisers keep prices and taxes, marketers promotions and coupons.
 */
@Component
class PricingAccessRules implements AccessRules {

    @Override
    public void configure(AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry rules) {
        rules.requestMatchers(POST, "/api/v1/pricing/quotes").authenticated()
                .requestMatchers("/api/v1/pricing/audit", "/api/v1/pricing/audit/**")
                .hasAnyRole(AccessRules.backOffice())
                .requestMatchers(GET, "/api/v1/pricing/**").hasAnyRole(AccessRules.backOffice())
                .requestMatchers("/api/v1/pricing/promotions", "/api/v1/pricing/promotions/**")
                .hasAnyRole(Role.ADMIN.name(), Role.MERCHANDISER.name(), Role.MARKETER.name())
                .requestMatchers("/api/v1/pricing/**").hasAnyRole(Role.ADMIN.name(), Role.MERCHANDISER.name());
    }
}
