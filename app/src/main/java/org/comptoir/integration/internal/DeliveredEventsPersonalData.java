package org.comptoir.integration.internal;

import static org.comptoir.integration.internal.db.tables.WebhookDelivery.WEBHOOK_DELIVERY;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.comptoir.platform.privacy.PersonalData;
import org.comptoir.platform.privacy.Scrubbing;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Component;
import tools.jackson.databind.ObjectMapper;

/**
 * Events about a person (their references, the values of their identities, their profile and order
 * ids: a message's recipient and body, a comment) sit in the outbox and in webhook deliveries. Erasure
 * deletes those already delivered or handled, and rewrites those still to go without the person (see
 * {@link Scrubbing}), so that receivers still get them.
 */
@Component
class DeliveredEventsPersonalData implements PersonalData {

    private static final org.jooq.Table<?> OUTBOX = DSL.table(DSL.name("event_publication"));
    private static final Field<Object> ID = DSL.field(DSL.name("id"));
    private static final Field<String> SERIALIZED = DSL.field(DSL.name("serialized_event"), String.class);
    private static final Field<Object> COMPLETED = DSL.field(DSL.name("completion_date"));

    private final DSLContext db;
    private final ObjectMapper json;

    DeliveredEventsPersonalData(DSLContext db, ObjectMapper json) {
        this.db = db;
        this.json = json;
    }

    @Override
    public String category() {
        return "deliveredEvents";
    }

    @Override
    public Object export(Subject subject) {
        Set<String> needles = subject.needles();
        return Map.of("webhookDeliveries", needles.isEmpty() ? List.of() : db.select(WEBHOOK_DELIVERY.EVENT_TYPE,
                WEBHOOK_DELIVERY.STATUS, WEBHOOK_DELIVERY.CREATED_AT, WEBHOOK_DELIVERY.PAYLOAD).from(WEBHOOK_DELIVERY)
                .where(mentions(WEBHOOK_DELIVERY.PAYLOAD, needles)).orderBy(WEBHOOK_DELIVERY.CREATED_AT).fetchMaps());
    }

    @Override
    public int erase(Subject subject) {
        Set<String> needles = subject.needles();
        if (needles.isEmpty()) {
            return 0;
        }
        int changed = db.deleteFrom(WEBHOOK_DELIVERY).where(mentions(WEBHOOK_DELIVERY.PAYLOAD, needles),
                WEBHOOK_DELIVERY.STATUS.eq("DELIVERED")).execute();
        for (var pending : db.select(WEBHOOK_DELIVERY.ID, WEBHOOK_DELIVERY.PAYLOAD).from(WEBHOOK_DELIVERY)
                .where(mentions(WEBHOOK_DELIVERY.PAYLOAD, needles)).fetch()) {
            String scrubbed = Scrubbing.scrub(pending.value2(), needles, subject.pseudonym(), json);
            changed += scrubbed == null ? db.deleteFrom(WEBHOOK_DELIVERY).where(WEBHOOK_DELIVERY.ID.eq(pending.value1()))
                    .execute() : db.update(WEBHOOK_DELIVERY).set(WEBHOOK_DELIVERY.PAYLOAD, scrubbed)
                            .where(WEBHOOK_DELIVERY.ID.eq(pending.value1())).execute();
        }
        changed += db.deleteFrom(OUTBOX).where(mentions(SERIALIZED, needles), COMPLETED.isNotNull()).execute();
        for (var pending : db.select(ID, SERIALIZED).from(OUTBOX).where(mentions(SERIALIZED, needles)).fetch()) {
            String scrubbed = Scrubbing.scrub(pending.value2(), needles, subject.pseudonym(), json);
            changed += scrubbed == null ? db.deleteFrom(OUTBOX).where(ID.eq(pending.value1())).execute()
                    : db.update(OUTBOX).set(SERIALIZED, scrubbed).where(ID.eq(pending.value1())).execute();
        }
        return changed;
    }

    /** Any of the needles in the text, whatever their case. */
    private static org.jooq.Condition mentions(Field<String> text, Set<String> needles) {
        return DSL.or(needles.stream().map(n -> DSL.lower(text).contains(n.toLowerCase(java.util.Locale.ROOT)))
                .toList());
    }
}
