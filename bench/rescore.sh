#!/usr/bin/env bash
# End-to-end rescoring benchmark: generates N students × 60 evidence rows with COPY (once; kept in
# the bench's own embedded PostgreSQL data dir) and times the background rescoring job of their
# region. Usage: bench/rescore.sh [students, default 100000]
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -q -B -pl api -am test-compile dependency:build-classpath -Dmdep.outputFile="$PWD/api/target/bench.classpath" \
    -Dmdep.includeScope=test
CP="api/target/test-classes:api/target/classes:data/target/classes:engine/target/classes:rules/target/classes"
exec java -XX:CompileThresholdScaling=3 ${JAVA_OPTS:-} -Xmx2g -cp "$CP:$(cat api/target/bench.classpath)" \
    -Dworkready.bench.data-dir="${WORKREADY_BENCH_DATA_DIR:-/tmp/workready-bench-pg}" \
    ru.workready.api.scoring.bench.RescoreBench "$@"
