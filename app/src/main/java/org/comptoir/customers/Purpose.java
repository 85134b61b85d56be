package org.comptoir.customers;

/**
 * Why a person is contacted or their data used. TRANSACTIONAL messages (your pickup is ready) serve
 * an order the person placed and are allowed unless withdrawn; MARKETING and PROFILING need consent.
 */
public enum Purpose {
    MARKETING,
    TRANSACTIONAL,
    PROFILING
}
