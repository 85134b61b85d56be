package org.comptoir.platform.web;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;
import java.util.UUID;

/**
 * A cursor page request: at most {@code limit} items after the position the cursor encodes. Cursors
 * are opaque to clients (base64url of the last key seen); a tampered cursor is a 400, not a 500.
 */
public record PageRequest(int limit, Optional<String> after) {

    public static final int DEFAULT_LIMIT = 50;
    public static final int MAX_LIMIT = 200;

    public static PageRequest of(Integer limit, String cursor) {
        int size = limit == null ? DEFAULT_LIMIT : limit;
        if (size < 1 || size > MAX_LIMIT) {
            throw ApiProblem.invalid("limit", "must be between 1 and " + MAX_LIMIT);
        }
        if (cursor == null || cursor.isBlank()) {
            return new PageRequest(size, Optional.empty());
        }
        try {
            return new PageRequest(size, Optional.of(new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8)));
        } catch (IllegalArgumentException e) {
            throw ApiProblem.invalid("cursor", "is not a cursor returned by this API");
        }
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
        return Base64.getUrlEncoder().withoutPadding().encodeToString(lastKey.getBytes(StandardCharsets.UTF_8));
    }
}
