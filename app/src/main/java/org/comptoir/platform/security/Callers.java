package org.comptoir.platform.security;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

/** Access to the caller of the current request. */
public final class Callers {

    private Callers() {}

    /** The authenticated caller; only valid inside an authenticated request. */
    public static Caller current() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication != null && authentication.getPrincipal() instanceof Caller caller) {
            return caller;
        }
        throw new IllegalStateException("no authenticated caller in this thread");
    }
}
