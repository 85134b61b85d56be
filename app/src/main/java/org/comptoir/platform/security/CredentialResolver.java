package org.comptoir.platform.security;

import java.util.Optional;

/**
 * Turns a bearer token into a {@link Caller}. Modules that issue credentials (API keys, publishable
 * channel keys) provide one each; the platform asks the one whose {@link #prefix()} the token has.
 */
public interface CredentialResolver {

    /** The token prefix this resolver owns, e.g. {@code ck_}. */
    String prefix();

    /** The caller for a token, or empty when the token is unknown or revoked. */
    Optional<Caller> resolve(String token);
}
