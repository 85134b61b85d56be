package org.comptoir.platform.privacy;

import java.util.Set;
import java.util.UUID;

/**
 * What a module holds about a person, for the right of access and the right to erasure (GDPR). The
 * customers module finds every implementation and calls it for one {@link Subject}; erasure runs in
 * one transaction with all of them, so a person is erased everywhere or nowhere.
 */
public interface PersonalData {

    /**
     * The person as other modules know them: their profile ids (the profile and those merged into it),
     * every customer reference that names them (those ids, identities written {@code kind:value}, bare
     * emails), their orders, and the pseudonym that replaces those references after erasure, so that
     * orders stay whole for accounting.
     */
    record Subject(Set<UUID> profileIds, Set<String> refs, Set<UUID> orderIds, String pseudonym) {

        public Subject {
            profileIds = Set.copyOf(profileIds);
            refs = Set.copyOf(refs);
            orderIds = Set.copyOf(orderIds);
        }
    }

    /** What the data is, as named in exports and erasure records ({@code orders}, {@code returns}). */
    String category();

    /** Everything held about the subject, as a JSON-serialisable value (a list of records, a map). */
    Object export(Subject subject);

    /**
     * Anonymises what is held about the subject in the caller's transaction: references become the
     * pseudonym, names, addresses and free text are removed; amounts and dates stay. Returns how many
     * records were changed.
     */
    int erase(Subject subject);
}
