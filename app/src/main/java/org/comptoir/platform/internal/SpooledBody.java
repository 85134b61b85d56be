package org.comptoir.platform.internal;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * A request body read once, bounded by a limit, kept in memory while small and in a temporary file
 * beyond, with its SHA-256 (the fingerprint an Idempotency-Key is checked against).
 */
final class SpooledBody implements AutoCloseable {

    private static final int MEMORY_THRESHOLD = 1024 * 1024;
    private static final int LARGEST_CHUNK = 64 * 1024;
    /** Never byte by byte, should more come than declared (an HTTP/2 body without a length, say). */
    private static final int SMALLEST_CHUNK = 512;
    private static final int UNKNOWN_SIZE_CHUNK = 8 * 1024;

    private byte[] memory;
    private Path file;
    private final long size;
    private final String sha256;

    private SpooledBody(byte[] memory, Path file, long size, String sha256) {
        this.memory = memory;
        this.file = file;
        this.size = size;
        this.sha256 = sha256;
    }

    /**
     * @param expectedSize the declared length, or -1 when unknown: the buffers are sized from it, since
     *     every write call reads a body of a few hundred bytes and a 64 KiB chunk each was a fifth of what
     *     a placement allocated. The body read may still be longer or shorter.
     */
    static SpooledBody read(InputStream in, long limit, long expectedSize) throws IOException {
        MessageDigest digest = sha256();
        ByteArrayOutputStream buffer = new ByteArrayOutputStream(
                expectedSize < 0 ? 256 : (int) Math.min(MEMORY_THRESHOLD, expectedSize));
        OutputStream target = buffer;
        Path file = null;
        long total = 0;
        byte[] chunk = new byte[expectedSize < 0 ? UNKNOWN_SIZE_CHUNK
                : Math.clamp(expectedSize, SMALLEST_CHUNK, LARGEST_CHUNK)];
        try {
            for (int n; (n = in.read(chunk)) != -1; ) {
                total += n;
                if (total > limit) {
                    throw new PayloadTooLarge(limit);
                }
                digest.update(chunk, 0, n);
                if (file == null && total > MEMORY_THRESHOLD) {
                    file = Files.createTempFile("comptoir-body-", ".spool");
                    target = Files.newOutputStream(file);
                    buffer.writeTo(target);
                    buffer = null;
                }
                target.write(chunk, 0, n);
            }
        } catch (IOException | RuntimeException e) {
            target.close();
            if (file != null) {
                Files.deleteIfExists(file);
            }
            throw e;
        }
        target.close();
        String hash = HexFormat.of().formatHex(digest.digest());
        return new SpooledBody(file == null ? buffer.toByteArray() : null, file, total, hash);
    }

    InputStream open() throws IOException {
        return memory != null ? new ByteArrayInputStream(memory) : Files.newInputStream(file);
    }

    long size() {
        return size;
    }

    String sha256Hex() {
        return sha256;
    }

    @Override
    public void close() throws IOException {
        memory = null;
        if (file != null) {
            Files.deleteIfExists(file);
            file = null;
        }
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

}
