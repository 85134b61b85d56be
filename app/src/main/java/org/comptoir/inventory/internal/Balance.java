package org.comptoir.inventory.internal;

/**
 * The stock of one SKU at one location. What can be promised is on hand minus what is already held
 * minus the safety stock kept back for shrinkage and display; it is never shown below zero, even when
 * shrinkage left on hand below reserved (a shortfall).
 */
record Balance(String sku, String locationCode, int onHand, int reserved, int safetyStock,
        Integer lowStockThreshold) {

    static Balance empty(String sku, String locationCode) {
        return new Balance(sku, locationCode, 0, 0, 0, null);
    }

    int available() {
        return Math.max(0, onHand - reserved - safetyStock);
    }

    /** What a channel may promise here, once its buffer is taken off. */
    int availableTo(int channelBuffer) {
        return Math.max(0, available() - channelBuffer);
    }

    int shortfall() {
        return Math.max(0, reserved - onHand);
    }

    Balance withOnHand(int value) {
        return new Balance(sku, locationCode, value, reserved, safetyStock, lowStockThreshold);
    }

    Balance withReserved(int value) {
        return new Balance(sku, locationCode, onHand, value, safetyStock, lowStockThreshold);
    }
}
