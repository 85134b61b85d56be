package org.comptoir.fulfilment.internal;

import static org.comptoir.fulfilment.internal.db.tables.FulfilmentHistory.FULFILMENT_HISTORY;
import static org.comptoir.fulfilment.internal.db.tables.FulfilmentOrder.FULFILMENT_ORDER;
import static org.comptoir.fulfilment.internal.db.tables.Refusal.REFUSAL;
import static org.comptoir.fulfilment.internal.db.tables.RoutedOrder.ROUTED_ORDER;
import static org.comptoir.fulfilment.internal.db.tables.SourcingDecision.SOURCING_DECISION;

import java.util.Map;
import org.comptoir.platform.privacy.PersonalData;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Component;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Where a person's orders went. Erasure (of handed-over orders only) removes the delivery address and
 * point from the routing and the sourcing explanations, whose distances would locate the home; what
 * was sent from where stays.
 */
@Component
class FulfilmentPersonalData implements PersonalData {

    private final DSLContext db;
    private final ObjectMapper json;

    FulfilmentPersonalData(DSLContext db, ObjectMapper json) {
        this.db = db;
        this.json = json;
    }

    @Override
    public String category() {
        return "fulfilment";
    }

    @Override
    public Object export(Subject subject) {
        return Map.of("fulfilmentOrders", db.select(FULFILMENT_ORDER.ID, FULFILMENT_ORDER.ORDER_NUMBER,
                        FULFILMENT_ORDER.KIND, FULFILMENT_ORDER.METHOD, FULFILMENT_ORDER.LOCATION_CODE,
                        FULFILMENT_ORDER.STATUS, FULFILMENT_ORDER.CREATED_AT).from(FULFILMENT_ORDER)
                .where(FULFILMENT_ORDER.ORDER_ID.in(subject.orderIds())).orderBy(FULFILMENT_ORDER.ID).fetchMaps(),
                "deliveryGroups", db.select(ROUTED_ORDER.ORDER_ID, ROUTED_ORDER.GROUPS_JSON).from(ROUTED_ORDER)
                        .where(ROUTED_ORDER.ORDER_ID.in(subject.orderIds())).fetch()
                        .map(r -> Map.of("orderId", r.value1(), "groups", json.readTree(r.value2()))));
    }

    @Override
    public int erase(Subject subject) {
        int changed = 0;
        for (var row : db.select(ROUTED_ORDER.ORDER_ID, ROUTED_ORDER.GROUPS_JSON).from(ROUTED_ORDER)
                .where(ROUTED_ORDER.ORDER_ID.in(subject.orderIds())).fetch()) {
            ArrayNode groups = (ArrayNode) json.readTree(row.value2());
            groups.forEach(group -> {
                ObjectNode g = (ObjectNode) group;
                g.putNull("destination");
                if (g.hasNonNull("address")) {
                    g.put("address", "(erased)");
                }
            });
            changed += db.update(ROUTED_ORDER).set(ROUTED_ORDER.GROUPS_JSON, json.writeValueAsString(groups))
                    .where(ROUTED_ORDER.ORDER_ID.eq(row.value1())).execute();
        }
        changed += db.update(SOURCING_DECISION)
                .set(SOURCING_DECISION.EXPLANATION_JSON, "{\"erased\":\"the customer's data was erased\"}")
                .where(SOURCING_DECISION.ORDER_ID.in(subject.orderIds())).execute();
        // Free text about the orders' fulfilment (a note at a step, why a store refused a line).
        var fulfilmentOrders = DSL.select(FULFILMENT_ORDER.ID).from(FULFILMENT_ORDER)
                .where(FULFILMENT_ORDER.ORDER_ID.in(subject.orderIds()));
        changed += db.update(FULFILMENT_HISTORY).set(FULFILMENT_HISTORY.DETAIL, (String) null)
                .where(FULFILMENT_HISTORY.FULFILMENT_ORDER_ID.in(fulfilmentOrders), FULFILMENT_HISTORY.DETAIL.isNotNull())
                .execute();
        changed += db.update(REFUSAL).set(REFUSAL.REASON, "(erased)")
                .where(REFUSAL.ORDER_ID.in(subject.orderIds())).execute();
        return changed;
    }
}
