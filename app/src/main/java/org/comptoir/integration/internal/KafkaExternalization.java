package org.comptoir.integration.internal;

import org.comptoir.platform.events.DomainEvent;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.modulith.events.EventExternalizationConfiguration;
import org.springframework.modulith.events.RoutingTarget;

/**
 * Every domain event goes to the topic of its module ({@code comptoir.catalog}…), keyed by its
 * subject so that the events of one product stay in order. Switched on by
 * {@code spring.modulith.events.externalization.enabled=true}.
 */
@Configuration
class KafkaExternalization {

    @Bean
    EventExternalizationConfiguration eventExternalization() {
        return EventExternalizationConfiguration.externalizing()
                .select(event -> event instanceof DomainEvent)
                .routeAll(event -> {
                    DomainEvent domainEvent = (DomainEvent) event;
                    String module = domainEvent.eventType().substring(0, domainEvent.eventType().indexOf('.'));
                    return RoutingTarget.forTarget("comptoir." + module).andKey(domainEvent.subject());
                })
                .build();
    }
}
