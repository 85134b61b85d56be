package org.comptoir.catalog.internal;

import org.apache.commons.validator.routines.checkdigit.CheckDigit;
import org.apache.commons.validator.routines.checkdigit.ModulusTenCheckDigit;

/**
 * GTIN-8, -12, -13 and -14 share one GS1 mod-10 check digit, weighted 1 (the check digit), 3, 1…
 * counted from the right, so that one routine serves every length.
 */
final class Gtin {

    private static final CheckDigit GS1 = new ModulusTenCheckDigit(new int[] {1, 3}, true);

    private Gtin() {}

    /** Why a code is not a GTIN, or null when it is one. */
    static String problem(String code) {
        if (!code.matches("\\d+")) {
            return "must contain digits only";
        }
        int length = code.length();
        if (length != 8 && length != 12 && length != 13 && length != 14) {
            return "must have 8, 12, 13 or 14 digits";
        }
        if (!GS1.isValid(code)) {
            return "has a wrong check digit";
        }
        return null;
    }
}
