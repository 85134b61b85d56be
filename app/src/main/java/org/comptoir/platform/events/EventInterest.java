package org.comptoir.platform.events;

/**
 * A bean whose recorded listeners ({@code @ApplicationModuleListener} methods) want only some of the
 * events they could receive, says so here rather than in a SpEL {@code condition}: that one was
 * evaluated reflectively for every event published, a few times per order. An event it does not
 * want is not recorded in the event publication registry at all.
 */
public interface EventInterest {

    boolean wants(Object event);
}
