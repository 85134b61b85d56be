/**
 * Search: the catalogue understood in French and English. A Lucene index of the products in memory on
 * every node, following the catalogue's changes; matching that forgives plurals, accents, elisions and a
 * typo; ranking by relevance, then what the caller's channel can sell now or soon, then the
 * merchandiser's boost; facets, cursor pages, highlights and "did you mean". It also lends its language
 * analysis and its gazetteer of French places to the bot.
 */
@ApplicationModule(displayName = "Search",
        allowedDependencies = {"platform::security", "platform::web", "platform::persistence", "catalog", "inventory",
            "network", "pricing"})
package org.comptoir.search;

import org.springframework.modulith.ApplicationModule;
