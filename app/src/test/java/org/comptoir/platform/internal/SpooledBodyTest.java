package org.comptoir.platform.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Random;
import org.junit.jupiter.api.Test;

class SpooledBodyTest {

    /** A body as the network hands it over: a few bytes per read. */
    private static InputStream trickling(byte[] body, int perRead) {
        return new FilterInputStream(new ByteArrayInputStream(body)) {
            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                return super.read(b, off, Math.min(len, perRead));
            }
        };
    }

    private static byte[] bytes(int size) {
        byte[] body = new byte[size];
        new Random(42).nextBytes(body);
        return body;
    }

    private static String sha256(byte[] body) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(body));
    }

    @Test
    void keepsTheWholeBodyWhateverItsDeclaredLength() throws Exception {
        byte[] body = "{\"sku\":\"SKU-0001\",\"quantity\":1}".repeat(20).getBytes(StandardCharsets.UTF_8);
        // Declared exactly, unknown (chunked), shorter and longer than what comes.
        for (long declared : new long[] {body.length, -1, 10, body.length * 4L, 0}) {
            try (SpooledBody spooled = SpooledBody.read(trickling(body, 7), 1024 * 1024, declared)) {
                assertThat(spooled.size()).as("declared %d", declared).isEqualTo(body.length);
                assertThat(spooled.open().readAllBytes()).as("declared %d", declared).isEqualTo(body);
                assertThat(spooled.sha256Hex()).isEqualTo(sha256(body));
            }
        }
    }

    @Test
    void anEmptyBodyIsEmpty() throws Exception {
        try (SpooledBody spooled = SpooledBody.read(new ByteArrayInputStream(new byte[0]), 1024, 0)) {
            assertThat(spooled.size()).isZero();
            assertThat(spooled.open().readAllBytes()).isEmpty();
            assertThat(spooled.sha256Hex()).isEqualTo(sha256(new byte[0]));
        }
    }

    @Test
    void aBodyBeyondOneMebibyteIsSpooledToAFileAndReadBackWhole() throws Exception {
        byte[] body = bytes(3 * 1024 * 1024 + 17);
        try (SpooledBody spooled = SpooledBody.read(trickling(body, 10_000), 8L * 1024 * 1024, body.length)) {
            assertThat(spooled.size()).isEqualTo(body.length);
            assertThat(spooled.open().readAllBytes()).isEqualTo(body);
            assertThat(spooled.sha256Hex()).isEqualTo(sha256(body));
        }
    }

    @Test
    void aBodyOverTheLimitIsRefusedEvenWhenDeclaredSmaller() {
        byte[] body = bytes(5000);
        assertThatThrownBy(() -> SpooledBody.read(trickling(body, 512), 4096, 100))
                .isInstanceOf(PayloadTooLarge.class);
    }
}
