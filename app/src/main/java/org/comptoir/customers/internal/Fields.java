package org.comptoir.customers.internal;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * Profile fields as written: null leaves a field as it is; an attribute set to null is removed;
 * addresses, when given, replace the address book.
 */
record Fields(String givenName, String familyName, LocalDate birthDate, String language, String preferredStore,
        String preferredChannel, List<Profile.Address> addresses, Map<String, Object> attributes) {

    static final Fields NONE = new Fields(null, null, null, null, null, null, null, null);
}
