package org.comptoir.platform.web;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Base64;
import java.util.Optional;
import java.util.UUID;

/**
 * A cursor page request: at most {@code limit} items after the position the cursor encodes. Cursors
 * are opaque to clients (base64url of the last key seen and a check of it): a cursor the API did not
 * return, or one tampered with, is a 400 whatever the list is keyed by.
 */
public record PageRequest(int limit, Optional<String> after) {

    public static final int DEFAULT_LIMIT = 50;
    public static final int MAX_LIMIT = 200;
    private static final int CHECK_BYTES = 6;

    public static PageRequest of(Integer limit, String cursor) {
        int size = limit == null ? DEFAULT_LIMIT : limit;
        if (size < 1 || size > MAX_LIMIT) {
            throw ApiProblem.invalid("limit", "must be between 1 and " + MAX_LIMIT);
        }
        if (cursor == null || cursor.isBlank()) {
            return new PageRequest(size, Optional.empty());
        }
        return new PageRequest(size, Optional.of(keyOf(cursor)));
    }

    /** The key a cursor of {@link #cursorFor} encodes; a 400 for anything else. */
    public static String keyOf(String cursor) {
        try {
            byte[] bytes = Base64.getUrlDecoder().decode(cursor);
            if (bytes.length > CHECK_BYTES) {
                byte[] key = Arrays.copyOf(bytes, bytes.length - CHECK_BYTES);
                byte[] check = Arrays.copyOfRange(bytes, key.length, bytes.length);
                if (MessageDigest.isEqual(check, check(key))) {
                    return new String(key, StandardCharsets.UTF_8);
                }
            }
        } catch (IllegalArgumentException e) {
            // not base64url: refused below
        }
        throw ApiProblem.invalid("cursor", "is not a cursor returned by this API");
    }

    /** The cursor position as the UUID most lists are ordered by. */
    public Optional<UUID> afterId() {
        try {
            return after.map(UUID::fromString);
        } catch (IllegalArgumentException e) {
            throw ApiProblem.invalid("cursor", "is not a cursor returned by this API");
        }
    }

    /** Encodes the last key of a full page into the cursor of the next one. */
    public static String cursorFor(String lastKey) {
        byte[] key = lastKey.getBytes(StandardCharsets.UTF_8);
        byte[] check = check(key);
        byte[] cursor = Arrays.copyOf(key, key.length + CHECK_BYTES);
        System.arraycopy(check, 0, cursor, key.length, CHECK_BYTES);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(cursor);
    }

    /** A digest of the key: not a secret (a cursor only says where a list resumes), a check of origin. */
    private static byte[] check(byte[] key) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update("comptoir-cursor:".getBytes(StandardCharsets.UTF_8));
            return Arrays.copyOf(digest.digest(key), CHECK_BYTES);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
