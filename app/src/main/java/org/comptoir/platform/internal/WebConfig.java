package org.comptoir.platform.internal;

import java.time.Clock;
import java.util.List;
import org.apache.catalina.core.StandardHost;
import org.comptoir.platform.cluster.ClusterJobs;
import org.comptoir.platform.web.SelfManagedTransactions;
import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;
import org.springframework.boot.security.autoconfigure.web.servlet.SecurityFilterProperties;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.boot.webmvc.autoconfigure.WebMvcRegistrations;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import tools.jackson.databind.DeserializationFeature;

/** Wires the platform's filters in order: correlation, security, body limit, write transaction. */
@Configuration
class WebConfig {

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

    /** Unknown fields are refused: a typo in a field name must not be silently ignored. */
    @Bean
    JsonMapperBuilderCustomizer strictJson() {
        return builder -> builder.enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
    }

    @Bean
    WebMvcRegistrations literalPrefixHandlerMapping() {
        return new WebMvcRegistrations() {
            @Override
            public RequestMappingHandlerMapping getRequestMappingHandlerMapping() {
                return new LiteralPrefixHandlerMapping();
            }
        };
    }

    @Bean
    FilterRegistrationBean<CorrelationIdFilter> correlationIdFilter() {
        var registration = new FilterRegistrationBean<>(new CorrelationIdFilter());
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        return registration;
    }

    @Bean
    FilterRegistrationBean<QueryStringFilter> queryStringFilter(ProblemWriter problems) {
        var registration = new FilterRegistrationBean<>(new QueryStringFilter(problems));
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 1);
        return registration;
    }

    @Bean
    FilterRegistrationBean<SafeMethods.AsGet> safeMethodsAsGet() {
        var registration = new FilterRegistrationBean<>(new SafeMethods.AsGet());
        registration.setOrder(SecurityFilterProperties.DEFAULT_FILTER_ORDER - 1);
        return registration;
    }

    @Bean
    FilterRegistrationBean<SafeMethods.Restore> safeMethodsRestore() {
        var registration = new FilterRegistrationBean<>(new SafeMethods.Restore());
        registration.setOrder(SecurityFilterProperties.DEFAULT_FILTER_ORDER + 1);
        return registration;
    }

    /** Tomcat's own refusals (a malformed path) answer a problem document instead of its HTML page. */
    @Bean
    WebServerFactoryCustomizer<TomcatServletWebServerFactory> problemErrorReports() {
        return factory -> factory.addContextCustomizers(context -> {
            if (context.getParent() instanceof StandardHost host) {
                host.setErrorReportValveClass(ProblemErrorReportValve.class.getName());
            }
        });
    }

    @Bean
    FilterRegistrationBean<RequestBodyFilter> requestBodyFilter(PlatformSettings settings, ProblemWriter problems) {
        var registration = new FilterRegistrationBean<>(new RequestBodyFilter(settings, problems));
        registration.setOrder(SecurityFilterProperties.DEFAULT_FILTER_ORDER + 10);
        registration.setUrlPatterns(List.of("/api/*"));
        return registration;
    }

    @Bean
    WriteTransactionFilter writeTransactionFilter(PlatformTransactionManager transactions,
            IdempotencyRepository records, ProblemWriter problems, PlatformSettings settings, Clock clock,
            List<SelfManagedTransactions> selfManaged, ClusterJobs jobs, AuditTrail audit) {
        return new WriteTransactionFilter(transactions, records, problems, settings, clock, selfManaged, jobs, audit);
    }

    @Bean
    FilterRegistrationBean<WriteTransactionFilter> writeTransactionFilterRegistration(WriteTransactionFilter filter) {
        var registration = new FilterRegistrationBean<>(filter);
        registration.setOrder(SecurityFilterProperties.DEFAULT_FILTER_ORDER + 20);
        registration.setUrlPatterns(List.of("/api/*"));
        return registration;
    }
}
