package org.comptoir.platform.internal;

import java.lang.reflect.Method;
import org.comptoir.platform.events.EventInterest;
import org.springframework.beans.factory.BeanFactory;
import org.springframework.beans.factory.BeanFactoryAware;
import org.springframework.context.ApplicationListener;
import org.springframework.modulith.events.core.ConditionalEventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalApplicationListenerMethodAdapter;
import org.springframework.transaction.event.TransactionalEventListenerFactory;

/**
 * Makes the transactional listeners of {@link EventInterest} beans ask the bean which events they
 * want: the event publication registry consults a {@link ConditionalEventListener} before recording
 * a publication, as Spring Modulith's own externalisation does. Ordered before Spring's factory and
 * Modulith's (25), which would make plain listeners of them.
 */
@Component
class EventInterestListenerFactory extends TransactionalEventListenerFactory implements BeanFactoryAware {

    /** Set before any listener is made: Spring asks for event listener factories as the context starts. */
    private BeanFactory beans;

    EventInterestListenerFactory() {
        setOrder(20);
    }

    @Override
    public void setBeanFactory(BeanFactory beanFactory) {
        this.beans = beanFactory;
    }

    @Override
    public boolean supportsMethod(Method method) {
        return super.supportsMethod(method) && EventInterest.class.isAssignableFrom(method.getDeclaringClass());
    }

    @Override
    public ApplicationListener<?> createApplicationListener(String beanName, Class<?> type, Method method) {
        return new Listener(beanName, type, method, beans);
    }

    private static final class Listener extends TransactionalApplicationListenerMethodAdapter
            implements ConditionalEventListener {

        private final String beanName;
        private final BeanFactory beans;
        /** Looked up on the first event: listeners are made while the beans are still being created. */
        private volatile EventInterest interest;

        Listener(String beanName, Class<?> type, Method method, BeanFactory beans) {
            super(beanName, type, method);
            this.beanName = beanName;
            this.beans = beans;
        }

        @Override
        public boolean supports(Object event) {
            EventInterest known = interest;
            if (known == null) {
                known = beans.getBean(beanName, EventInterest.class);
                interest = known;
            }
            return known.wants(event);
        }
    }
}
