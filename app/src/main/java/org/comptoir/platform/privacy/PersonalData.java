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
     * emails), their orders, the values of their identities as they may be written anywhere (an email,
     * a phone number in its international and national forms, a card number, a device id: what free
     * text and event payloads hold), and the pseudonym that replaces those references after erasure, so
     * that orders stay whole for accounting.
     */
    record Subject(Set<UUID> profileIds, Set<String> refs, Set<UUID> orderIds, Set<String> values,
            String pseudonym) {

        public Subject {
            profileIds = Set.copyOf(profileIds);
            refs = Set.copyOf(refs);
            orderIds = Set.copyOf(orderIds);
            values = Set.copyOf(values);
        }

        /** Everything that names the person in a text: references, values, profile and order ids. */
        public Set<String> needles() {
            Set<String> all = new java.util.TreeSet<>(refs);
            all.addAll(values);
            profileIds.forEach(id -> all.add(id.toString()));
            orderIds.forEach(id -> all.add(id.toString()));
            all.removeIf(n -> n.length() < 4);
            return all;
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
