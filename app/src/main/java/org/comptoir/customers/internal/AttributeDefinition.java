package org.comptoir.customers.internal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import org.comptoir.platform.web.ApiProblem;

/**
 * A custom attribute a retailer declares (income band, favourite sport, household size): its type
 * checks every value written; an indexed attribute is copied out of the profile's JSON for queries.
 */
record AttributeDefinition(String name, Type type, boolean indexed, String description) {

    enum Type {
        STRING,
        NUMBER,
        BOOLEAN,
        DATE
    }

    /** The value as stored in the profile's JSON, or a 400 naming the attribute. */
    Object check(Object value) {
        String field = "attributes." + name;
        if (value == null) {
            return null;
        }
        return switch (type) {
            case STRING -> {
                if (!(value instanceof String s) || s.length() > 400) {
                    throw ApiProblem.invalid(field, "must be a string of at most 400 characters");
                }
                yield s;
            }
            case NUMBER -> {
                if (!(value instanceof Number n)) {
                    throw ApiProblem.invalid(field, "must be a number");
                }
                yield new BigDecimal(n.toString());
            }
            case BOOLEAN -> {
                if (!(value instanceof Boolean b)) {
                    throw ApiProblem.invalid(field, "must be true or false");
                }
                yield b;
            }
            case DATE -> {
                try {
                    yield LocalDate.parse(String.valueOf(value)).toString();
                } catch (DateTimeParseException e) {
                    throw ApiProblem.invalid(field, "must be a date such as 2026-03-31");
                }
            }
        };
    }
}
