package org.comptoir.platform.security;

import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;

/**
 * Who may call a module's endpoints, declared by the module and applied by the platform before
 * anything reads the request: a caller without the role gets a 403 before its body is even looked at.
 */
public interface AccessRules {

    void configure(AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry rules);

    /** The roles that work in the back office (every role but the storefront's). */
    static String[] backOffice() {
        return new String[] {Role.ADMIN.name(), Role.MERCHANDISER.name(), Role.STORE_ASSOCIATE.name(),
            Role.AGENT.name(), Role.MARKETER.name(), Role.ANALYST.name(), Role.INTEGRATION.name()};
    }
}
