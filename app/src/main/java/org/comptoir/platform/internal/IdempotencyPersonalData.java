package org.comptoir.platform.internal;

import static org.comptoir.platform.internal.db.tables.IdempotencyRecord.IDEMPOTENCY_RECORD;

import java.util.Map;
import java.util.Set;
import org.comptoir.platform.privacy.PersonalData;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Component;

/**
 * Answers kept for replays (an order's, a customer's) hold what they said about the person: erasure
 * deletes every kept answer that names them (a replay then finds none and the request runs again,
 * refused or not by what it asks).
 */
@Component
class IdempotencyPersonalData implements PersonalData {

    private final DSLContext db;

    IdempotencyPersonalData(DSLContext db) {
        this.db = db;
    }

    @Override
    public String category() {
        return "keptAnswers";
    }

    @Override
    public Object export(Subject subject) {
        Set<String> needles = subject.needles();
        return Map.of("answers", needles.isEmpty() ? java.util.List.of() : db.select(IDEMPOTENCY_RECORD.METHOD,
                IDEMPOTENCY_RECORD.PATH, IDEMPOTENCY_RECORD.CREATED_AT, IDEMPOTENCY_RECORD.BODY).from(IDEMPOTENCY_RECORD)
                .where(mentions(needles)).fetchMaps());
    }

    @Override
    public int erase(Subject subject) {
        Set<String> needles = subject.needles();
        return needles.isEmpty() ? 0 : db.deleteFrom(IDEMPOTENCY_RECORD).where(mentions(needles)).execute();
    }

    private static org.jooq.Condition mentions(Set<String> needles) {
        return DSL.or(needles.stream().map(n -> DSL.lower(IDEMPOTENCY_RECORD.BODY)
                .contains(n.toLowerCase(java.util.Locale.ROOT))).toList());
    }
}
