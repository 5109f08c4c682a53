#!/usr/bin/env bash
# Two nodes on one PostgreSQL against one (issue 19, docs/scaling.md): rescoring jobs of two colleges and the
# stale-score work, done by node A alone and then by A and B at once (two application contexts in one JVM).
# Usage: bench/two-nodes.sh [students, default 10000]. On the machine's PostgreSQL 15: PG15=1 bench/two-nodes.sh
# (database workready_bench_two_nodes, made anew); otherwise the bench's own embedded PostgreSQL.
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -q -B -pl api -am test-compile dependency:build-classpath -Dmdep.outputFile="$PWD/api/target/bench.classpath" \
    -Dmdep.includeScope=test
CP="api/target/test-classes:api/target/classes:data/target/classes:engine/target/classes:rules/target/classes"
OPTS=()
if [ -n "${PG15:-}" ]; then
    . bench/pg15-database.sh
    pg15_database workready_bench_two_nodes
    OPTS+=("-Dworkready.bench.postgres-pid-file=$PG15_PID_FILE")
fi
exec java -Xmx2g "${OPTS[@]}" -cp "$CP:$(cat api/target/bench.classpath)" ru.workready.api.nodes.TwoNodesBench "$@"
