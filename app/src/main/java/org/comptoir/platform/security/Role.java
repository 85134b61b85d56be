package org.comptoir.platform.security;

/** The roles an API key can hold; {@link #STOREFRONT} is given to publishable channel keys only. */
public enum Role {
    ADMIN,
    MERCHANDISER,
    STORE_ASSOCIATE,
    AGENT,
    MARKETER,
    ANALYST,
    INTEGRATION,
    STOREFRONT;

    /** The authority name Spring Security checks ({@code hasRole('ADMIN')}). */
    public String authority() {
        return "ROLE_" + name();
    }
}
