package org.comptoir.customers.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A customer profile. A MERGED profile is an alias of {@code mergedInto}; an ERASED one holds nothing
 * personal any more. Custom attributes are typed by their {@link AttributeDefinition}.
 */
record Profile(UUID id, Status status, UUID mergedInto, String givenName, String familyName, LocalDate birthDate,
        String language, String preferredStore, String preferredChannel, List<Address> addresses,
        Map<String, Object> attributes, Instant createdAt, Instant updatedAt, Instant lastSeenAt, int version) {

    enum Status {
        ACTIVE,
        MERGED,
        ERASED
    }

    /** An address of the address book; the default one locates the customer (segments near a store). */
    record Address(String label, String line1, String line2, String postalCode, String city, String country,
            Double latitude, Double longitude, boolean isDefault) {}

    Profile {
        addresses = addresses == null ? List.of() : List.copyOf(addresses);
        attributes = attributes == null ? Map.of() : Map.copyOf(attributes);
    }

    /** The default address, else the first. */
    Address home() {
        return addresses.stream().filter(Address::isDefault).findFirst()
                .orElse(addresses.isEmpty() ? null : addresses.getFirst());
    }
}
