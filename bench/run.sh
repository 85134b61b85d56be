#!/usr/bin/env bash
# Benchmark: builds the platform, starts it on a fresh PostgreSQL database, runs the given workloads
# through its HTTP API, runs the bare-SQL limit of ../shared/bench/limit in the same run, prints the
# RESULT and LIMIT lines and stops everything it started.
#   bench/run.sh W1 W1-direct W2 W3   (or IMPORT, SEARCH, SOURCING, CUSTOMERS; or CHAOS alone, see chaos.sh)
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
workloads=("$@")
[ ${#workloads[@]} -gt 0 ] || workloads=(IMPORT)

export PGHOST=${PGHOST:-127.0.0.1} PGPORT=${PGPORT:-5432} PGUSER=${PGUSER:-postgres}
pg_isready -q || pg_ctlcluster --skip-systemctl-redirect "$(ls /etc/postgresql | head -n 1)" main start
db=comptoir_bench
psql -q -d postgres -c "DROP DATABASE IF EXISTS $db WITH (FORCE)"
psql -q -d postgres -c "CREATE DATABASE $db"

mvn -B -q -DskipTests package

# W1, W1-direct and W3 are driven by wrk (C, like the pgbench of the limit) when it can be had from Debian's packages;
# otherwise by the load generator's own Java client (BENCH_JAVA_CLIENT=1 forces that).
if [ -z "${BENCH_JAVA_CLIENT:-}" ] && ! command -v wrk > /dev/null; then
    (apt-get install -y -q wrk > /dev/null 2>&1 || { apt-get update -q > /dev/null 2>&1 && apt-get install -y -q wrk > /dev/null 2>&1; }) || true
fi
if [ -z "${BENCH_JAVA_CLIENT:-}" ] && command -v wrk > /dev/null; then
    export BENCH_WRK=$(command -v wrk)
fi
# The platform needs Java 21+: the first such JDK of the machine, unless JAVA21 names one.
java=${JAVA21:-}
if [ -z "$java" ]; then
    for candidate in /usr/lib/jvm/*/bin/java; do
        major=$("$candidate" -XshowSettings:properties -version 2>&1 | sed -n 's/ *java.specification.version = //p')
        if [ "${major:-0}" -ge 21 ] 2>/dev/null; then java=$candidate; break; fi
    done
fi
[ -n "$java" ] || { echo "no JDK 21 or newer found under /usr/lib/jvm (set JAVA21)" >&2; exit 1; }

# SOURCING measures the sourcing engine alone, in its own JVM, before anything else runs.
rest=()
for w in "${workloads[@]}"; do
    if [ "$w" = SOURCING ]; then
        "$java" -cp app/target/classes:app/target/test-classes \
            org.comptoir.fulfilment.internal.SourcingEngineBenchmark "${BENCH_SOURCING_SECONDS:-5}"
    else
        rest+=("$w")
    fi
done
[ ${#rest[@]} -gt 0 ] || exit 0
workloads=("${rest[@]}")

# How the platform is run on this 2-core machine shared with PostgreSQL and the load generator (the
# README's "small machine" settings): the parallel collector, since G1's concurrent marking and
# barriers took a tenth of the CPU and doubled W3's p99, with a young generation of a fixed 1 GB, since
# left to size it the collector shrank it to about 100 MB under the order load and collected every
# 0.3 s; and requests served by a few platform threads from one FIFO queue rather than a virtual thread
# each, so that 16 requests are not all interleaved on two cores (W3's p99 halves); four of them, since
# with six the orders' transactions waited more on one another's rows (see the README).
# BENCH_PLATFORM_JVM_OPTS and BENCH_PLATFORM_APP_ARGS replace them; BENCH_JVM_OPTS and BENCH_APP_ARGS
# add to them.
jvm_opts=${BENCH_PLATFORM_JVM_OPTS:--XX:+UseParallelGC -Xmn1g}
# The load comes from one address standing for thousands of shoppers and tills: the rate limits are
# raised far above the load (their buckets are still taken on every request).
app_args=${BENCH_PLATFORM_APP_ARGS:---spring.threads.virtual.enabled=false --server.tomcat.threads.max=4 --spring.datasource.hikari.maximum-pool-size=4 --comptoir.platform.rate-limits.api-key-per-second=1000000 --comptoir.platform.rate-limits.api-key-burst=1000000 --comptoir.platform.rate-limits.storefront-per-second=1000000 --comptoir.platform.rate-limits.storefront-burst=1000000}

key=ck_bench_admin_key_$(date +%s)
port=${BENCH_PORT:-18080}
mkdir -p bench/results
log=bench/results/platform.log
: > "$log"
# Starts the platform on the bench database (extra arguments are added to its own) and waits for it,
# on $port or on $node_port when set.
start_platform() {
    local on=${node_port:-$port}
    SPRING_DATASOURCE_URL="jdbc:postgresql://$PGHOST:$PGPORT/$db" SPRING_DATASOURCE_USERNAME="$PGUSER" \
    SPRING_DATASOURCE_PASSWORD="" COMPTOIR_DEMO_ENABLED=false COMPTOIR_ADMIN_API_KEY="$key" \
    COMPTOIR_CATALOG_IMPORT_SPOOL="$root/bench/results/spool" \
        "$java" -Xmx2g $jvm_opts ${BENCH_JVM_OPTS:-} -jar app/target/comptoir-app-*.jar --server.port="$on" \
        --logging.level.org.comptoir.request=WARN $app_args ${BENCH_APP_ARGS:-} "$@" >> "$log" 2>&1 &
    platform=$!
    for _ in $(seq 1 90); do
        curl -fs "http://localhost:$on/actuator/health" > /dev/null && return 0
        sleep 1
    done
    echo "the platform did not start (see $log)" >&2
    return 1
}
platform=
trap 'kill $platform 2>/dev/null; wait $platform 2>/dev/null || true' EXIT

if [ "${workloads[*]}" = CHAOS ]; then
    . bench/chaos.sh
    exit 0
fi
start_platform
# BENCH_NODES=2 (or more): the same workloads again through HAProxy in front of that many nodes on the
# same database (RESULT W1@2nodes…), after the single node's figures; the extra nodes idle meanwhile.
nodes=${BENCH_NODES:-1}
if [ "$nodes" -gt 1 ]; then
    command -v haproxy > /dev/null || apt-get install -y -q haproxy > /dev/null 2>&1 \
        || { apt-get update -q > /dev/null 2>&1 && apt-get install -y -q haproxy > /dev/null; }
    first=$platform
    extra=()
    servers="    server n0 127.0.0.1:$port check inter 1s"$'\n'
    for n in $(seq 1 $((nodes - 1))); do
        node_port=$((port + n))
        start_platform
        extra+=("$platform")
        servers+="    server n$n 127.0.0.1:$node_port check inter 1s"$'\n'
    done
    platform=$first
    unset node_port
    lb_port=$((port + 100))
    cat > bench/results/haproxy.cfg <<CFG
global
    maxconn 4000
defaults
    mode http
    timeout connect 2s
    timeout client 120s
    timeout server 120s
frontend api
    bind 127.0.0.1:$lb_port
    default_backend nodes
backend nodes
    balance roundrobin
    option httpchk GET /actuator/health/readiness
    http-check expect status 200
$servers
CFG
    haproxy -f bench/results/haproxy.cfg -db > bench/results/haproxy.log 2>&1 &
    balancer=$!
    trap 'kill $platform ${extra[*]} $balancer 2>/dev/null; wait 2>/dev/null || true' EXIT
    export BENCH_CLUSTER_URL="http://127.0.0.1:$lb_port"
    export BENCH_NODES=$nodes
fi

"$java" -cp "bench/target/classes:$(cat bench/target/classpath.txt)" org.comptoir.bench.Bench \
    "http://localhost:$port" "$key" bench/results/results.json "${workloads[@]}"

limit=../shared/bench/limit
if [ -f "$limit/run.sh" ]; then
    bash "$limit/run.sh"
    # The limit's own latency, for the latency targets: the same order script and clients, with
    # pgbench's per-transaction log. run.sh drops its database when done, hence a database of our own.
    ldb=comptoir_limit_latency
    psql -qtc "DROP DATABASE IF EXISTS $ldb" > /dev/null 2>&1
    psql -qtc "CREATE DATABASE $ldb" > /dev/null
    psql -q -d $ldb -f "$limit/schema.sql" > /dev/null 2>&1
    logs=$(mktemp -d)
    tps=$(cd "$logs" && pgbench -n -M prepared -c 16 -j 2 -T "${BENCH_LIMIT_SECONDS:-15}" --max-tries=5 -l \
          -f "$root/$limit/order.sql" $ldb 2> /dev/null | sed -n 's/^tps = \([0-9.]*\).*/\1/p') || true
    # Third column: the transaction's time in microseconds ("failed" for one that failed, left out).
    # Quantiles ranked as in the W1 script: the (floor(n * q) + 1)-th smallest.
    cat "$logs"/pgbench_log.* 2> /dev/null | awk '$3 ~ /^[0-9]+$/ { print $3 / 1000 }' | sort -n \
        | awk -v tps="${tps:-?}" '
            function q(p,  i) { i = int(NR * p) + 1; return i > NR ? v[NR] : v[i] }
            { v[NR] = $1 }
            END {
                if (NR == 0) { printf "LIMIT order-latency clients=16 tps=%s p50_ms=? p99_ms=?\n", tps; exit }
                printf "LIMIT order-latency clients=16 tps=%s p50_ms=%.2f p99_ms=%.2f\n", tps, q(0.50), q(0.99)
            }' || true
    rm -rf "$logs"
    psql -qtc "DROP DATABASE IF EXISTS $ldb" > /dev/null 2>&1
fi
