package org.comptoir.customers.internal;

import java.util.Collection;
import java.util.UUID;

/**
 * Rows that belong to a profile and remember the profile they first belonged to (their origin): a
 * merge moves them to the survivor, an undone merge gives back those whose origin is on the restored
 * side. Identities, consents, touchpoints and loyalty entries are such rows.
 */
interface OwnedRows {

    void move(UUID from, UUID to);

    void giveBack(Collection<UUID> origins, UUID to);
}
