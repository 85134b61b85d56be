package org.comptoir.platform.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

/**
 * Random bearer tokens and their stored form. A token is a prefix naming its kind followed by 192
 * random bits; only the SHA-256 of it is stored, and the first characters are kept to recognise it.
 */
public final class SecretTokens {

    /** Headers a shopper proves ownership with: a cart's secret, an order's (the confirmation link). */
    public static final String CART_SECRET = "Cart-Secret";
    public static final String ORDER_SECRET = "Order-Secret";

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final int VISIBLE_CHARS = 12;

    private SecretTokens() {}

    public static String generate(String prefix) {
        byte[] secret = new byte[24];
        RANDOM.nextBytes(secret);
        return prefix + Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
    }

    public static String hash(String token) {
        return sha256Hex(token.getBytes(StandardCharsets.UTF_8));
    }

    /** What may be shown of a token after its creation, to tell keys apart. */
    public static String visiblePart(String token) {
        return token.substring(0, Math.min(VISIBLE_CHARS, token.length()));
    }

    public static String sha256Hex(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
