#!/usr/bin/env bash
# Employer queries under load against the running app (wrk), each as a ratio of the single-student
# readiness read measured in the same run (the baseline of bench/load.sh).
# Usage: bench/employers.sh [base-url] [duration] [connections] — start the app with demo data first.
set -euo pipefail
base=${1:-http://localhost:8080}
duration=${2:-10s}
connections=${3:-4}
command -v wrk >/dev/null || { echo "install wrk: apt-get install wrk"; exit 1; }
curl -sf "$base/api/employers/DEMO-SOFT/profiles/JUNIOR-DEV" >/dev/null || { echo "no demo employer at $base"; exit 1; }
region=$(python3 -c 'import urllib.parse; print(urllib.parse.quote("Демо-регион"))')
declare -a names=(baseline profile-aggregate function-aggregate candidates supply)
declare -a paths=(
  "/api/students/DEMO-001/readiness?standard=06.001"
  "/api/employers/DEMO-SOFT/profiles/JUNIOR-DEV/readiness"
  "/api/functions/readiness?standard=06.001&function=A/01.3"
  "/api/employers/DEMO-SOFT/profiles/JUNIOR-DEV/candidates?limit=20"
  "/api/demand/supply?region=$region&year=2027")
base_rps=""
printf '%-20s %10s %10s %10s %8s\n' query "req/s" "p50" "p99" "ratio"
for i in "${!names[@]}"; do
  curl -sf "$base${paths[$i]}" >/dev/null
  wrk -t1 -c"$connections" -d3s "$base${paths[$i]}" >/dev/null  # warm-up
  out=$(wrk -t1 -c"$connections" -d"$duration" --latency "$base${paths[$i]}")
  rps=$(awk '/Requests\/sec/ {print $2}' <<<"$out")
  p50=$(awk '$1=="50%" {print $2}' <<<"$out")
  p99=$(awk '$1=="99%" {print $2}' <<<"$out")
  [ -z "$base_rps" ] && base_rps=$rps
  ratio=$(awk -v a="$rps" -v b="$base_rps" 'BEGIN {printf "%.2f", a / b}')
  printf '%-20s %10s %10s %10s %8s\n' "${names[$i]}" "$rps" "$p50" "$p99" "$ratio"
done
