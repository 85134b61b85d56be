package org.comptoir.inventory.internal;

import static org.comptoir.inventory.internal.db.tables.Hold.HOLD;

import java.util.Map;
import org.comptoir.platform.privacy.PersonalData;
import org.jooq.DSLContext;
import org.springframework.stereotype.Component;

/** Stock held for a person (an agent holding items in a store): erasure drops the name and the note. */
@Component
class HoldPersonalData implements PersonalData {

    private final DSLContext db;

    HoldPersonalData(DSLContext db) {
        this.db = db;
    }

    @Override
    public String category() {
        return "holds";
    }

    @Override
    public Object export(Subject subject) {
        return Map.of("holds", db.select(HOLD.ID, HOLD.KIND, HOLD.CHANNEL_CODE, HOLD.STATUS, HOLD.NOTE,
                HOLD.EXPIRES_AT, HOLD.CREATED_AT).from(HOLD).where(HOLD.REFERENCE.in(subject.refs()))
                .orderBy(HOLD.ID).fetchMaps());
    }

    @Override
    public int erase(Subject subject) {
        return db.update(HOLD).set(HOLD.REFERENCE, subject.pseudonym()).setNull(HOLD.NOTE)
                .where(HOLD.REFERENCE.in(subject.refs())).execute();
    }
}
