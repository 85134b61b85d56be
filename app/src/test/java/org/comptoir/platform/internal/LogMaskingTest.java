package org.comptoir.platform.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** What databases say of a refused row is masked before a log line is written. */
class LogMaskingTest {

    @Test
    void aRefusedKeyOrRowOfPostgresqlIsMasked() {
        String refused = "ERROR: duplicate key value violates unique constraint \"account_email\"\n"
                + "  Detail: Key (email)=(claire.dumas@example.fr) already exists.";
        assertThat(LogMasking.mask(refused)).contains("account_email", "Key (email)=(***) already exists")
                .doesNotContain("claire", "dumas");
        String row = "ERROR: null value in column \"x\" violates not-null constraint\n"
                + "  Detail: Failing row contains (42, Claire Dumas, +33612345678, 17 rue des Lilas).";
        assertThat(LogMasking.mask(row)).contains("Failing row contains (***)").doesNotContain("Dumas", "Lilas");
    }

    @Test
    void aRefusedValueOfH2AndStrayAddressesAndNumbersAreMasked() {
        String h2 = "Unique index or primary key violation: \"PUBLIC.CONSTRAINT_INDEX_8 ON SHOPPERS.ACCOUNT(EMAIL NULLS "
                + "FIRST) VALUES ( /* 3 */ 'claire.dumas@example.fr' )\"";
        assertThat(LogMasking.mask(h2)).contains("VALUES (***)").doesNotContain("claire");
        assertThat(LogMasking.mask("sent to claire@example.fr and +33612345678"))
                .isEqualTo("sent to ***@example.fr and +***");
    }
}
