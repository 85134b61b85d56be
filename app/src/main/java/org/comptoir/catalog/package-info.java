/**
 * Catalogue: products and their variants (the sellable SKUs), categories, texts in several languages,
 * media, publication per sales channel, and streamed bulk imports.
 */
@ApplicationModule(displayName = "Catalogue",
        allowedDependencies = {"platform::security", "platform::web", "platform::persistence", "platform::cluster",
                "platform::events", "network"})
package org.comptoir.catalog;

import org.springframework.modulith.ApplicationModule;
