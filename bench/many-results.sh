#!/usr/bin/env bash
# Issue 19's out-of-memory scenario: a college whose students have 100,000 results each, rescored by the background
# job at -Xmx256m (heap sampled while it runs), then one such student's readiness on its own. Data is generated once
# into the bench's own embedded PostgreSQL data dir. Usage: bench/many-results.sh [students, default 30] [results, default 100000]
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -q -B -pl api -am test-compile dependency:build-classpath -Dmdep.outputFile="$PWD/api/target/bench.classpath" \
    -Dmdep.includeScope=test
CP="api/target/test-classes:api/target/classes:data/target/classes:engine/target/classes:rules/target/classes"
exec java -Xmx${BENCH_HEAP:-256m} -XX:+ExitOnOutOfMemoryError -cp "$CP:$(cat api/target/bench.classpath)" \
    -Dworkready.bench.data-dir="${WORKREADY_BENCH_DATA_DIR:-/tmp/workready-bench-many-pg}" \
    ru.workready.api.scoring.bench.ManyResultsBench "$@"
