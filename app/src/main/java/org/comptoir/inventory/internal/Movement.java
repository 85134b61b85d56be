package org.comptoir.inventory.internal;

import java.time.Instant;
import java.util.UUID;

/** One line of the ledger: a signed change of on hand at a location, with its unique reference. */
record Movement(UUID id, String locationCode, String sku, Kind kind, int quantity, int onHandAfter,
        String reference, String reason, String recordedBy, Instant recordedAt) {

    enum Kind {
        RECEIPT(1),
        RETURN(1),
        TRANSFER_IN(1),
        SALE(-1),
        DAMAGE(-1),
        TRANSFER_OUT(-1),
        ADJUSTMENT(0),
        COUNT_CORRECTION(0);

        /** +1 adds stock, -1 removes it, 0 may go either way (the quantity carries the sign). */
        final int sign;

        Kind(int sign) {
            this.sign = sign;
        }
    }
}
