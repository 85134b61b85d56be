package org.comptoir.platform.internal;

import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import org.comptoir.platform.security.AccessRules;
import org.comptoir.platform.security.CredentialResolver;
import org.comptoir.platform.security.Role;
import org.comptoir.platform.web.ApiProblem;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;
import org.springframework.security.web.firewall.RequestRejectedHandler;

/**
 * Stateless API security: every {@code /api} call carries a key; what each role may do is declared
 * by each module ({@link AccessRules}) and walked by the authorization matrix test.
 */
@Configuration
class SecurityConfig {

    /**
     * No security observations at all: even when the registry drops them, observing wraps each filter
     * of every request in an observation of its own. Request metrics (http.server.requests) stay.
     */
    @Bean
    SecurityObservationSettings securityObservations() {
        return SecurityObservationSettings.noObservations();
    }

    /** Requests the firewall refuses (an encoded '/', a ';', a backslash) get a problem like any 400. */
    @Bean
    RequestRejectedHandler requestRejected(ProblemWriter problems) {
        return (request, response, e) -> problems.write(request, response, new ApiProblem(HttpStatus.BAD_REQUEST,
                "malformed-request", "Malformed request",
                "The request's path or headers hold characters the API refuses"));
    }

    @Bean
    SecurityFilterChain api(HttpSecurity http, List<CredentialResolver> resolvers, List<AccessRules> moduleRules,
            ProblemWriter problems, RateLimits limits) throws Exception {
        http.csrf(csrf -> csrf.disable())
                .httpBasic(basic -> basic.disable())
                .formLogin(form -> form.disable())
                .logout(logout -> logout.disable())
                .requestCache(cache -> cache.disable())
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .addFilterBefore(new BearerTokenFilter(resolvers, problems, limits),
                        AnonymousAuthenticationFilter.class)
                .authorizeHttpRequests(requests -> {
                    requests.requestMatchers("/actuator/health/**", "/actuator/info").permitAll()
                            .requestMatchers("/actuator/**")
                            .hasAnyRole(Role.ADMIN.name(), Role.INTEGRATION.name(), Role.ANALYST.name())
                            .requestMatchers("/api/v1/audit-log/**").hasRole(Role.ADMIN.name());
                    moduleRules.forEach(rules -> rules.configure(requests));
                    // Unknown API routes answer 404 to authenticated callers; docs and UI are public.
                    requests.requestMatchers("/api/**").authenticated().anyRequest().permitAll();
                })
                .exceptionHandling(errors -> errors
                        .authenticationEntryPoint((request, response, e) -> {
                            challenge(response);
                            problems.write(request, response, new ApiProblem(HttpStatus.UNAUTHORIZED,
                                    "unauthenticated", "Unauthenticated",
                                    "Send an API key: Authorization: Bearer <key>"));
                        })
                        .accessDeniedHandler((request, response, e) -> problems.write(request, response,
                                ApiProblem.forbidden("Your key's roles do not allow this request"))));
        return http.build();
    }

    static void challenge(HttpServletResponse response) {
        response.setHeader("WWW-Authenticate", "Bearer realm=\"comptoir\"");
    }
}
