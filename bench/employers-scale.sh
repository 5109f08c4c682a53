#!/usr/bin/env bash
# Employer queries at regional scale: N synthetic students (default 100,000) in 10 colleges of one
# region with stored scores for the 5 ТФ of 06.001 ОТФ A, on a PostgreSQL server. Prints the time of
# each API query against the raw SQL read of the same rows (psql, same run) as the baseline.
# Usage: bench/employers-scale.sh [students] — needs a PostgreSQL server (PGHOST/PGPORT/PGUSER/
# PGPASSWORD, default localhost:5432 postgres/postgres) and a built jar (./mvnw -pl api -am package).
# Creates the database workready_bench_employers and drops it at the end.
set -euo pipefail
cd "$(dirname "$0")/.."
n=${1:-100000}
export PGHOST=${PGHOST:-localhost} PGPORT=${PGPORT:-5432} PGUSER=${PGUSER:-postgres} PGPASSWORD=${PGPASSWORD:-postgres}
db=workready_bench_employers
port=${BENCH_PORT:-18479}
jar=$(ls api/target/workready-api-*.jar | head -1)
key=${WORKREADY_API_KEY:-wr_bench_employers_scale_admin_key_0123456789}
psql -q -d postgres -c "drop database if exists $db" -c "create database $db"
WORKREADY_ADMIN_KEY=$key java -Xmx512m -jar "$jar" --server.port=$port --workready.security.requests-per-minute=100000 \
  --spring.datasource.url="jdbc:postgresql://$PGHOST:$PGPORT/$db" --workready.demo.enabled=true \
  --spring.datasource.username="$PGUSER" --spring.datasource.password="$PGPASSWORD" >/tmp/bench-employers-app.log 2>&1 &
app=$!
cleanup() { kill -TERM $app 2>/dev/null || true; wait $app 2>/dev/null || true; psql -q -d postgres -c "drop database if exists $db"; }
trap cleanup EXIT
for _ in $(seq 1 120); do curl -sf -H "X-API-Key: $key" "localhost:$port/api/employers/DEMO-SOFT" >/dev/null 2>&1 && break; sleep 1; done
start=$(date +%s.%N)
psql -q -d $db <<SQL
insert into college (code, name, region) select 'BENCH-' || i, 'Колледж ' || i, 'Бенч-регион' from generate_series(1, 10) i;
insert into programme (college_id, fgos_code, name, qualification, qualification_level, intake_year)
  select c.id, '09.02.07', 'ИСП', 'Программист', 5, 2023 from college c where c.code like 'BENCH-%';
insert into student (id, college_id, programme_id, employer_consent, consent_date)
  select 'B-' || i, p.college_id, p.id, i % 3 <> 0, date '2026-09-01'
  from generate_series(1, $n) i
  join programme p on p.college_id = (select id from college where code = 'BENCH-' || (1 + i % 10));
insert into readiness_score (college_id, student_id, labour_function_id, readiness, coverage, level, explanation,
                             rule_set_version)
  select s.college_id, s.id, f.id, r, 1.0,
         case when r >= 0.75 then 'READY' when r >= 0.5 then 'PARTIALLY_READY' else 'NOT_READY' end,
         '{"rules":[],"reason":"bench","outcomes":[]}', 'bench'
  from student s cross join labour_function f
  join professional_standard ps on ps.id = f.standard_id and ps.code = '06.001' and ps.is_current
  join generalized_function g on g.id = f.generalized_function_id and g.code = 'A'
  cross join lateral (select round(random()::numeric, 4) as r) x
  where s.id like 'B-%';
analyze;
SQL
echo "fixture: $n students, $(psql -tA -d $db -c "select count(*) from readiness_score where student_id like 'B-%'") scores in $(echo "$(date +%s.%N) - $start" | bc) s"

raw_sql="select s.id, c.code, c.name, c.region, p.fgos_code, p.name, p.intake_year + 4, s.employer_consent,
  rs.labour_function_id, rs.level, rs.readiness from student s join college c on c.id = s.college_id
  join programme p on p.id = s.programme_id left join readiness_score rs on rs.student_id = s.id
  and rs.labour_function_id in (select labour_function_id from job_profile_function) where c.region = 'Бенч-регион' order by s.id"
best() { # best of 5 wall-clock runs of a command, in ms
  local b=999999
  for _ in 1 2 3 4 5; do
    local t0 t1; t0=$(date +%s%N); "$@" >/dev/null; t1=$(date +%s%N)
    local ms=$(( (t1 - t0) / 1000000 )); [ $ms -lt $b ] && b=$ms
  done; echo $b
}
region=$(python3 -c 'import urllib.parse; print(urllib.parse.quote("Бенч-регион"))')
base=$(best psql -q -d $db -c "copy ($raw_sql) to stdout")
printf '%-44s %8s %8s\n' query ms ratio
printf '%-44s %8s %8s\n' "baseline: COPY of the same rows (psql)" "$base" 1.00
for q in "profile aggregate|/api/employers/DEMO-SOFT/profiles/JUNIOR-DEV/readiness?region=$region" \
         "ТФ aggregate|/api/functions/readiness?standard=06.001&function=A/01.3&region=$region" \
         "candidates, limit 50|/api/employers/DEMO-SOFT/profiles/JUNIOR-DEV/candidates?region=$region&limit=50"; do
  name=${q%%|*}; path=${q#*|}
  curl -sf -H "X-API-Key: $key" "localhost:$port$path" >/dev/null   # warm-up
  ms=$(best curl -sf -H "X-API-Key: $key" "localhost:$port$path")
  printf '%-44s %8s %8s\n' "$name" "$ms" "$(awk -v a=$ms -v b=$base 'BEGIN {printf "%.2f", a / b}')"
done
# 4 concurrent region aggregates, 3 rounds: every one must answer 200 within the 512 MB heap
conc_path="/api/employers/DEMO-SOFT/profiles/JUNIOR-DEV/readiness?region=$region"
t0=$(date +%s%N); failed=0
for _ in 1 2 3; do
  pids=()
  for _ in 1 2 3 4; do curl -s -o /dev/null -w '%{http_code}\n' -H "X-API-Key: $key" "localhost:$port$conc_path" >>/tmp/bench-employers-codes.txt & pids+=($!); done
  wait "${pids[@]}"
done
failed=$(grep -vc '^200$' /tmp/bench-employers-codes.txt || true); rm -f /tmp/bench-employers-codes.txt
echo "4 concurrent region aggregates × 3 rounds: $(( ($(date +%s%N) - t0) / 1000000 )) ms, non-200 answers: $failed"
grep -c OutOfMemoryError /tmp/bench-employers-app.log | sed 's/^/OutOfMemoryError in the app log: /' || true
jcmd $app GC.heap_info 2>/dev/null | grep -iE "garbage-first heap|total .* used" | head -1 | sed 's/^ */heap after the queries: /' || true
echo "app RSS after the queries: $(( $(ps -o rss= -p $app) / 1024 )) MB (heap limit 512 MB)"
