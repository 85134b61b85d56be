package org.comptoir.catalog.internal;

import org.apache.commons.validator.routines.checkdigit.EAN13CheckDigit;

/**
 * GTIN-8, -12, -13 and -14 share one mod-10 check digit weighted 3,1 from the right, which the EAN-13
 * routine computes for any length.
 */
final class Gtin {

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
        if (!EAN13CheckDigit.EAN13_CHECK_DIGIT.isValid(code)) {
            return "has a wrong check digit";
        }
        return null;
    }
}
