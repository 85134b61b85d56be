package org.comptoir.integration.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class WebhookSignatureTest {

    @Test
    void signatureIsHmacSha256OfTimestampDotBody() {
        // Reference value computed independently: printf '1700000000.{"a":1}' | openssl dgst -sha256 -hmac secret
        String signature = WebhookSignature.sign("secret", 1_700_000_000L, "{\"a\":1}".getBytes(StandardCharsets.UTF_8));
        assertThat(signature).isEqualTo(
                "t=1700000000,v1=49f24e537407743fa4a0242bb63b94b9a47ee99cbbe071ccd8a22550ae411686");
        assertThat(WebhookSignature.hmac("secret", 1_700_000_001L, "{\"a\":1}".getBytes(StandardCharsets.UTF_8)))
                .isNotEqualTo(WebhookSignature.hmac("secret", 1_700_000_000L, "{\"a\":1}".getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void backoffDoublesUpToItsCap() {
        var settings = new WebhookSettings(Duration.ofSeconds(1), Duration.ofSeconds(10), Duration.ofSeconds(10),
                Duration.ofMinutes(1), 12, 20, java.util.Set.of());
        assertThat(settings.backoffAfter(1)).isEqualTo(Duration.ofSeconds(10));
        assertThat(settings.backoffAfter(2)).isEqualTo(Duration.ofSeconds(20));
        assertThat(settings.backoffAfter(3)).isEqualTo(Duration.ofSeconds(40));
        assertThat(settings.backoffAfter(4)).isEqualTo(Duration.ofMinutes(1));
        assertThat(settings.backoffAfter(40)).isEqualTo(Duration.ofMinutes(1));
    }
}
