#!/usr/bin/env bash
# Cost of authentication per request, measured against a baseline in the same run.
# Needs wrk and a running app started with a high rate limit, e.g.
#   ./mvnw -pl api -am spring-boot:run -Dspring-boot.run.arguments="--server.port=18080 \
#       --workready.security.requests-per-minute=100000000"
# Usage: bench/security-overhead.sh http://localhost:18080 <admin key>
set -euo pipefail
base=${1:?base URL}; key=${2:?API key}
threads=${THREADS:-2}; conns=${CONNECTIONS:-16}; duration=${DURATION:-15s}

rps() { # url [header]
    local out
    if [ $# -gt 1 ]; then out=$(wrk -t"$threads" -c"$conns" -d"$duration" -H "$2" "$1"); else out=$(wrk -t"$threads" -c"$conns" -d"$duration" "$1"); fi
    echo "$out" | awk '/Requests\/sec/ {print $2}'
}

wrk -t1 -c4 -d3s -H "X-API-Key: $key" "$base/api/me" >/dev/null   # warm-up
health=$(rps "$base/actuator/health")
me=$(rps "$base/api/me" "X-API-Key: $key")
denied=$(rps "$base/api/me" "X-API-Key: wr_not-a-valid-key-0000000000000000000000000")
standards=$(rps "$base/api/standards" "X-API-Key: $key")
printf '%-52s %10s req/s\n' "GET /actuator/health (no auth, baseline)" "$health" \
    "GET /api/me (key lookup + key read)" "$me" \
    "GET /api/me with an unknown key (401 problem)" "$denied" \
    "GET /api/standards (key lookup + list of editions)" "$standards"
awk -v h="$health" -v m="$me" -v d="$denied" 'BEGIN {
    printf "ratio /api/me ÷ baseline: %.2f;  401 path ÷ baseline: %.2f\n", m / h, d / h }'
