#!/usr/bin/env bash
# End to end on an external PostgreSQL 15 (issue 19), as an operator meets it: the product's benches with the app on
# a database of their own on the server (SPRING_DATASOURCE_URL):
#   1. ingestion: a 1,000,000-row CSV POSTed over HTTP until the upload resource says COMPLETED, against a raw COPY
#      of the same file into a bare table of the same server, in the same run (bench/ingest.sh);
#   2. rescoring: a college of N students × 60 results, the rescoring job from start to DONE (bench/rescore.sh).
# Starts the machine's PostgreSQL 15 (pg_ctlcluster, as root) if it is down; the database workready_bench_e2e is
# dropped and made anew. Usage: bench/e2e-pg15.sh [rows, default 1000000] [students, default 20000]
set -euo pipefail
cd "$(dirname "$0")/.."
ROWS="${1:-1000000}"
STUDENTS="${2:-20000}"
. bench/pg15-database.sh
pg15_database workready_bench_e2e
# the server's CPU is read from /proc under its postmaster; a node that has run a job before is timed too
export JAVA_OPTS="${JAVA_OPTS:-} -Dworkready.bench.postgres-pid-file=$PG15_PID_FILE -Dworkready.bench.again=${AGAIN:-2}"
echo "== ingestion, $ROWS rows, PostgreSQL $(su postgres -c 'psql -Atc "show server_version"')"
bench/ingest.sh "$ROWS"
echo "== rescoring job, $STUDENTS students"
bench/rescore.sh "$STUDENTS"
