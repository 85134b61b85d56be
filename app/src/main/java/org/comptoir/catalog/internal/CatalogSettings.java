package org.comptoir.catalog.internal;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param defaultLocale the locale texts fall back to when the asked one is missing
 * @param importSpool where uploaded import files wait to be processed (shared by all nodes)
 * @param importBatchSize rows written per transaction by an import
 */
@ConfigurationProperties("comptoir.catalog")
record CatalogSettings(@DefaultValue("fr") String defaultLocale, @DefaultValue("./data/imports") Path importSpool,
        @DefaultValue("1000") int importBatchSize) {}
