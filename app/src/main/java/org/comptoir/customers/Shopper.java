package org.comptoir.customers;

import java.util.List;
import java.util.UUID;

/**
 * What a signed-in shopper and their storefront know of them: their names, the address book their
 * checkout offers, the price group their prices come from, and their loyalty points.
 *
 * @param customerGroup the price group ({@code customerGroup} attribute of the profile), or null
 * @param loyaltyPoints the points they may spend, or null when they hold no loyalty card
 */
public record Shopper(UUID id, String givenName, String familyName, String email, String customerGroup,
        List<Address> addresses, Long loyaltyPoints) {

    public record Address(String label, String line1, String line2, String postalCode, String city, String country,
            boolean isDefault) {}
}
