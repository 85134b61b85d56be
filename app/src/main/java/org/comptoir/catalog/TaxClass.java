package org.comptoir.catalog;

/** The VAT class of a variant; rates per country belong to pricing. */
public enum TaxClass {
    STANDARD,
    INTERMEDIATE,
    REDUCED,
    SUPER_REDUCED,
    ZERO
}
