#!/usr/bin/env bash
# Load test of single-student readiness reads against the running app (wrk from Debian).
# Usage: bench/load.sh [base-url] [duration] — start the app first (java -jar api/target/*.jar).
# wrk has no fixed-rate mode: it runs closed-loop with few connections; a run whose throughput is
# above 200 req/s with p99 < 50 ms meets the target "p99 < 50 ms at 200 req/s" with room to spare.
set -euo pipefail
base=${1:-http://localhost:8080}
duration=${2:-30s}
command -v wrk >/dev/null || { echo "install wrk: apt-get install wrk"; exit 1; }
here=$(dirname "$0")
curl -sf "$base/api/students/DEMO-001/readiness" >/dev/null || { echo "app not answering at $base"; exit 1; }
for c in 1 4 8; do
  echo "== $c connection(s), $duration"
  wrk -t1 -c$c -d"$duration" --latency -s "$here/readiness.lua" "$base" | grep -E "Latency|50%|90%|99%|Requests/sec"
done
