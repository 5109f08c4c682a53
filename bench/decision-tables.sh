#!/usr/bin/env bash
# Decision tables against the same policy in DRL, in one run: table → DRL (CSV, XLSX), the upload's
# compile, evaluating evidence with the compiled rule base, and the jars decision tables add.
# Usage: bench/decision-tables.sh [rounds, default 20]
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -q -B -pl api -am test-compile dependency:build-classpath -Dmdep.outputFile="$PWD/api/target/bench.classpath" \
    -Dmdep.includeScope=test
CP="api/target/test-classes:api/target/classes:data/target/classes:engine/target/classes:rules/target/classes"
exec java -Xmx1g -cp "$CP:$(cat api/target/bench.classpath)" ru.workready.api.rulebase.DecisionTableBench "$@"
