package org.comptoir.customers.internal;

import java.util.Arrays;
import java.util.Optional;

/**
 * The kinds of identity and the prefix that names one in a customer reference ({@code email:…}).
 * ACCOUNT is the retailer's own customer number (a web shop login, an ERP customer id).
 */
enum IdentityKind {
    EMAIL("email"),
    PHONE("phone"),
    LOYALTY_CARD("card"),
    ACCOUNT("account"),
    SOCIAL("social"),
    MARKETPLACE("marketplace"),
    DEVICE("device");

    private final String prefix;

    IdentityKind(String prefix) {
        this.prefix = prefix;
    }

    String prefix() {
        return prefix;
    }

    /** The identity as a customer reference. */
    String ref(String value) {
        return prefix + ":" + value;
    }

    static Optional<IdentityKind> ofPrefix(String prefix) {
        return Arrays.stream(values()).filter(k -> k.prefix.equals(prefix)).findFirst();
    }
}
