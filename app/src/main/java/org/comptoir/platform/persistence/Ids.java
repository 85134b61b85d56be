package org.comptoir.platform.persistence;

import com.fasterxml.uuid.Generators;
import com.fasterxml.uuid.impl.TimeBasedEpochGenerator;
import java.util.UUID;

/**
 * New identifiers are UUIDv7: unique without a database round trip, and ordered by creation time, so
 * primary-key indexes stay compact and cursor pagination by id lists oldest first.
 */
public final class Ids {

    private static final TimeBasedEpochGenerator GENERATOR = Generators.timeBasedEpochGenerator();

    private Ids() {}

    public static UUID newId() {
        return GENERATOR.generate();
    }
}
