/**
 * Customers: one profile whatever the channel. Identities (emails, phones, loyalty cards, social
 * handles, marketplace buyer ids, account numbers, devices) recognise it; merges keep everything and
 * can be undone; a consent ledger answers "may we contact this person on this channel for this
 * purpose, now?"; touchpoints from every channel form its timeline; segments follow events as they
 * arrive; RFM scores, lifetime value and loyalty points come from orders on every channel. Personal
 * data is exported and erased across every module through {@code platform::privacy}.
 */
@ApplicationModule(displayName = "Customers",
        allowedDependencies = {"platform::security", "platform::web", "platform::persistence", "platform::cluster",
                "platform::events", "platform::privacy", "network", "pricing", "ordering", "returns"})
package org.comptoir.customers;

import org.springframework.modulith.ApplicationModule;
