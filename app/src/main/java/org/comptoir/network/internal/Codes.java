package org.comptoir.network.internal;

/** The shape of location and channel codes: short, upper case, safe in URLs and CSV files. */
final class Codes {

    static final String PATTERN = "[A-Z0-9][A-Z0-9_-]{0,39}";
    static final String MESSAGE = "must be 1 to 40 upper-case letters, digits, '-' or '_'";

    private Codes() {}
}
