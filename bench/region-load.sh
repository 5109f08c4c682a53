#!/usr/bin/env bash
# Region-scale load test: generates a region (default 50 colleges, 100,000 students, ~60 evidence
# rows each; bench/region-data.sql) in a database of its own on a PostgreSQL server, starts the
# app on it and runs wrk on single-student readiness reads and on employer aggregate queries.
# Usage: bench/region-load.sh [students] [duration]   (defaults 100000, 30s)
# Needs: a PostgreSQL server (PGHOST/PGPORT/PGUSER/PGPASSWORD, default localhost:5432
# postgres/postgres; here: pg_ctlcluster 15 main start), wrk (apt-get install wrk), a built jar
# (./mvnw -pl api -am package -DskipTests). KEEP_DB=1 keeps the database (and reuses it next run).
# WORKREADY_API_KEY, when set, is sent as X-API-Key.
# wrk (Debian) is closed-loop: a run with throughput above 200 req/s and p99 < 50 ms meets the
# target "p99 < 50 ms at 200 requests/s" with that much room.
set -euo pipefail
cd "$(dirname "$0")/.."
students=${1:-100000}
duration=${2:-30s}
colleges=50
export PGHOST=${PGHOST:-localhost} PGPORT=${PGPORT:-5432} PGUSER=${PGUSER:-postgres} PGPASSWORD=${PGPASSWORD:-postgres}
export REGION_STUDENTS=$students
db=${BENCH_DB:-workready_bench_region}
port=${BENCH_PORT:-18510}
jar=$(ls api/target/workready-api-*.jar | grep -v original | head -1)
command -v wrk >/dev/null || { echo "install wrk: apt-get install wrk"; exit 1; }

fresh=1
if [ "${KEEP_DB:-0}" = 1 ] && psql -tA -d postgres -c "select 1 from pg_database where datname = '$db'" | grep -q 1; then
  fresh=0
else
  psql -q -d postgres -c "drop database if exists $db" -c "create database $db"
fi
java -Xmx${BENCH_HEAP:-512m} -jar "$jar" --server.port=$port \
  --workready.security.requests-per-minute=${BENCH_RATE_LIMIT:-100000000} \
  --spring.datasource.url="jdbc:postgresql://$PGHOST:$PGPORT/$db" --workready.demo.enabled=true \
  --spring.datasource.username="$PGUSER" --spring.datasource.password="$PGPASSWORD" >/tmp/bench-region-app.log 2>&1 &
app=$!
cleanup() {
  kill -TERM $app 2>/dev/null || true; wait $app 2>/dev/null || true
  [ "${KEEP_DB:-0}" = 1 ] || psql -q -d postgres -c "drop database if exists $db"
}
trap cleanup EXIT
for _ in $(seq 1 180); do curl -sf "localhost:$port/actuator/health/readiness" >/dev/null 2>&1 && break; sleep 1; done
curl -sf "localhost:$port/actuator/health/readiness" >/dev/null || { echo "app did not start; see /tmp/bench-region-app.log"; exit 1; }

if [ $fresh = 1 ]; then
  echo "== generating $colleges colleges, $students students"
  t0=$(date +%s)
  psql -q -v ON_ERROR_STOP=1 -v colleges=$colleges -v students=$students -d $db -f bench/region-data.sql \
    | grep -E "^Time|colleges|^ *[0-9]" || true
  echo "generated in $(( $(date +%s) - t0 )) s; database size $(psql -tA -d $db -c "select pg_size_pretty(pg_database_size('$db'))")"
fi

run() { # name, lua script, connections
  echo "== $1: $3 connection(s), $duration"
  wrk -t1 -c$3 -d"$duration" --timeout 10s --latency -s "$2" "http://localhost:$port" \
    | grep -E "Latency |50%|90%|99%|Requests/sec|Non-2xx|Socket errors"
}
curl -sf ${WORKREADY_API_KEY:+-H "X-API-Key: $WORKREADY_API_KEY"} "localhost:$port/api/students/R000001/readiness?standard=06.001" >/dev/null || { echo "readiness read failed"; exit 1; }
# BENCH_ONLY=readiness|aggregates runs one of the two.
[ "${BENCH_ONLY:-readiness}" = readiness ] && for c in 1 4 8; do run "readiness reads" bench/region-readiness.lua $c; done
[ "${BENCH_ONLY:-aggregates}" = aggregates ] && for c in 1 4; do run "employer aggregates" bench/region-aggregates.lua $c; done
echo "app RSS: $(( $(ps -o rss= -p $app) / 1024 )) MB (heap limit ${BENCH_HEAP:-512m})"
