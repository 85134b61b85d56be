package org.comptoir.integration.internal;

import static org.comptoir.integration.internal.db.tables.WebhookDelivery.WEBHOOK_DELIVERY;

import java.util.List;
import java.util.Map;
import org.comptoir.platform.privacy.PersonalData;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Component;

/**
 * Events name customers by reference; those written as an identity ({@code email:…}) are personal.
 * Erasure deletes delivered webhook payloads and handled outbox entries that carry one, and rewrites
 * those still to be delivered with the pseudonym. Profile ids are left: once the profile is erased
 * they point at nothing personal.
 */
@Component
class DeliveredEventsPersonalData implements PersonalData {

    private static final org.jooq.Table<?> OUTBOX = DSL.table(DSL.name("event_publication"));
    private static final Field<String> SERIALIZED = DSL.field(DSL.name("serialized_event"), String.class);
    private static final Field<Object> COMPLETED = DSL.field(DSL.name("completion_date"));

    private final DSLContext db;

    DeliveredEventsPersonalData(DSLContext db) {
        this.db = db;
    }

    @Override
    public String category() {
        return "deliveredEvents";
    }

    @Override
    public Object export(Subject subject) {
        List<String> refs = personal(subject);
        return Map.of("webhookDeliveries", refs.isEmpty() ? List.of() : db.select(WEBHOOK_DELIVERY.EVENT_TYPE,
                WEBHOOK_DELIVERY.STATUS, WEBHOOK_DELIVERY.CREATED_AT, WEBHOOK_DELIVERY.PAYLOAD).from(WEBHOOK_DELIVERY)
                .where(DSL.or(refs.stream().map(r -> WEBHOOK_DELIVERY.PAYLOAD.contains(r)).toList()))
                .orderBy(WEBHOOK_DELIVERY.CREATED_AT).fetchMaps());
    }

    @Override
    public int erase(Subject subject) {
        int changed = 0;
        for (String ref : personal(subject)) {
            changed += db.deleteFrom(WEBHOOK_DELIVERY).where(WEBHOOK_DELIVERY.PAYLOAD.contains(ref),
                    WEBHOOK_DELIVERY.STATUS.eq("DELIVERED")).execute();
            changed += db.update(WEBHOOK_DELIVERY).set(WEBHOOK_DELIVERY.PAYLOAD,
                    DSL.replace(WEBHOOK_DELIVERY.PAYLOAD, ref, subject.pseudonym()))
                    .where(WEBHOOK_DELIVERY.PAYLOAD.contains(ref)).execute();
            changed += db.deleteFrom(OUTBOX).where(SERIALIZED.contains(ref), COMPLETED.isNotNull()).execute();
            changed += db.update(OUTBOX).set(SERIALIZED, DSL.replace(SERIALIZED, ref, subject.pseudonym()))
                    .where(SERIALIZED.contains(ref)).execute();
        }
        return changed;
    }

    private static List<String> personal(Subject subject) {
        var ids = subject.profileIds().stream().map(java.util.UUID::toString).toList();
        return subject.refs().stream().filter(ref -> !ids.contains(ref)).sorted().toList();
    }
}
