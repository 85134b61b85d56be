/** The contract of domain events that leave their module (webhooks, Kafka). */
@NamedInterface("events")
package org.comptoir.platform.events;

import org.springframework.modulith.NamedInterface;
