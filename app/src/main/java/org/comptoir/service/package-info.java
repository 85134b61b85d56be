/**
 * Service: one conversation per customer across channels. Messages from web and app chat, email,
 * SMS, messaging apps, social networks, phone calls and store associates' notes land in inboxes; the
 * sender is recognised through the customers module; a rule-and-intent bot answers from live data
 * (orders, stores, stock, returns) and hands over to agents' queues; agents act for the customer
 * (stock near them, holds, carts, returns, links) and every action is on the customer's timeline;
 * business-hours targets, satisfaction and reports.
 */
@ApplicationModule(displayName = "Service",
        allowedDependencies = {"platform::security", "platform::web", "platform::persistence", "platform::cluster",
                "platform::events", "platform::privacy", "network", "catalog", "inventory", "ordering", "returns",
                "customers", "search"})
package org.comptoir.service;

import org.springframework.modulith.ApplicationModule;
