package org.comptoir.platform.internal;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Web limits and retention of the platform.
 *
 * @param maxBodySize largest request body accepted by ordinary endpoints
 * @param maxUploadSize largest body accepted by the bulk endpoints listed in {@code uploadPaths}
 * @param uploadPaths path prefixes of bulk endpoints (imports)
 * @param idempotencyRetention how long an Idempotency-Key is remembered
 * @param idempotencyMaxBody the largest answer kept for a replay; a larger one is remembered without it
 */
@ConfigurationProperties("comptoir.platform")
record PlatformSettings(
        @DefaultValue("1MB") DataSize maxBodySize,
        @DefaultValue("256MB") DataSize maxUploadSize,
        @DefaultValue List<String> uploadPaths,
        @DefaultValue("24h") Duration idempotencyRetention,
        @DefaultValue("64KB") DataSize idempotencyMaxBody) {

    long limitFor(String path) {
        return uploadPaths.stream().anyMatch(path::startsWith) ? maxUploadSize.toBytes() : maxBodySize.toBytes();
    }
}
