# CHAOS: sourced by bench/run.sh (which has built everything, made the database and defined
# start_platform). Eight tills place orders with Idempotency-Keys (ChaosWorkload) while the platform
# is killed with SIGKILL at random moments and restarted CHAOS_KILLS times (5 by default), then
# PostgreSQL is restarted under the load. Once the tills have their answers and the platform has
# healed on its own (every event publication completed), the database is checked against what the
# tills were answered, and one line sums it up:
#   RESULT CHAOS kills=… db_restarts=… answered=… found=… lost=… duplicated=… unanswered=…
#     ledger_mismatches=… reserved_mismatches=… incomplete_publications=… webhook_duplicates=… status_500=…
# Publications left behind by a kill are marked stale after 20 s here (minutes in production) so that
# the run heals within it.
kills=${CHAOS_KILLS:-5}
chaos_args=(--comptoir.integration.webhooks.allowed-hosts=localhost
    --spring.modulith.events.staleness.published=20s --spring.modulith.events.staleness.processing=20s
    --spring.modulith.events.staleness.resubmission=20s --spring.modulith.events.staleness.check-intervall=5s
    --comptoir.platform.events.resubmit-interval=2s --comptoir.platform.events.first-retry=2s)
stop_file=$(mktemp -u)
answered_file=$(mktemp)
client_out=bench/results/chaos-client.log

start_platform "${chaos_args[@]}"
: > "$client_out"  # before the client starts: the wait below must not read an earlier run's lines
CHAOS_STOP_FILE=$stop_file CHAOS_ANSWERED_FILE=$answered_file \
    "$java" -cp "bench/target/classes:$(cat bench/target/classpath.txt)" org.comptoir.bench.Bench \
    "http://localhost:$port" "$key" bench/results/results.json CHAOS > "$client_out" 2>&1 &
client=$!
until grep -q "data set loaded" "$client_out"; do
    kill -0 $client 2> /dev/null || { cat "$client_out"; exit 1; }
    sleep 1
done
echo "chaos: data set loaded, tills placing orders"

done_kills=0
while [ $done_kills -lt "$kills" ]; do
    sleep $((3 + RANDOM % 6)).$((RANDOM % 10))
    kill -9 "$platform"
    wait "$platform" 2> /dev/null || true
    done_kills=$((done_kills + 1))
    echo "chaos: platform killed ($done_kills/$kills)"
    sleep 1
    start_platform "${chaos_args[@]}"
done
sleep 5
pg_ctlcluster --skip-systemctl-redirect "$(ls /etc/postgresql | head -n 1)" main restart
db_restarts=1
echo "chaos: PostgreSQL restarted"
sleep 10
touch "$stop_file"
wait $client || { cat "$client_out"; exit 1; }
grep RESULT "$client_out"

q() { psql -qtA -d "$db" -c "$1"; }
# Healed without anyone acting: every publication completed (given back after a kill), within 3 min.
for _ in $(seq 1 180); do
    [ "$(q "SELECT count(*) FROM event_publication WHERE completion_date IS NULL")" = 0 ] && break
    sleep 1
done
psql -q -d "$db" -c "CREATE TABLE chaos_answered (external_id VARCHAR(120), id UUID)" \
    -c "\\copy chaos_answered FROM '$answered_file' WITH (FORMAT csv)"
answered=$(q "SELECT count(*) FROM chaos_answered")
found=$(q "SELECT count(*) FROM chaos_answered a JOIN ordering.customer_order o ON o.id = a.id
    AND o.external_id = a.external_id")
duplicated=$(q "SELECT coalesce(sum(n - 1), 0) FROM (SELECT count(*) n FROM ordering.customer_order
    WHERE external_id LIKE 'CHAOS-%' GROUP BY external_id) o")
unanswered=$(q "SELECT count(*) FROM ordering.customer_order o WHERE external_id LIKE 'CHAOS-%'
    AND NOT EXISTS (SELECT 1 FROM chaos_answered a WHERE a.id = o.id)")
# The ledger replayed: each balance's on-hand is the sum of its movements and its last movement's
# on-hand-after; its reserved units are those of its active holds.
ledger=$(q "SELECT count(*) FROM inventory.balance b LEFT JOIN (SELECT sku, location_code, sum(quantity) q,
    (array_agg(on_hand_after ORDER BY recorded_at DESC, id))[1] last FROM inventory.movement GROUP BY 1, 2) m
    USING (sku, location_code) WHERE b.on_hand <> coalesce(m.q, 0) OR b.on_hand <> coalesce(m.last, 0)")
reserved=$(q "SELECT count(*) FROM inventory.balance b LEFT JOIN (SELECT l.sku, l.location_code,
    sum(l.quantity) q FROM inventory.hold h JOIN inventory.hold_line l ON l.hold_id = h.id
    WHERE h.status = 'ACTIVE' GROUP BY 1, 2) h USING (sku, location_code) WHERE b.reserved <> coalesce(h.q, 0)")
orphan_holds=$(q "SELECT count(*) FROM inventory.hold WHERE status = 'ACTIVE' AND expires_at IS NULL
    AND NOT (kind = 'ORDER' AND reference IS NOT NULL)")
incomplete=$(q "SELECT count(*) FROM event_publication WHERE completion_date IS NULL")
field() { grep RESULT "$client_out" | tr ' ' '\n' | sed -n "s/^$1=//p"; }
echo "RESULT CHAOS kills=$done_kills db_restarts=$db_restarts answered=$answered found=$found" \
    "lost=$((answered - found)) duplicated=$duplicated unanswered=$unanswered ledger_mismatches=$ledger" \
    "reserved_mismatches=$reserved holds_without_expiry_or_order=$orphan_holds" \
    "incomplete_publications=$incomplete webhook_events=$(field webhook_events)" \
    "webhook_duplicates=$(field webhook_duplicates) status_500=$(field status_500)" \
    "status_503=$(field status_503) refused=$(field refused) unfinished=$(field unfinished)"
rm -f "$stop_file" "$answered_file"
