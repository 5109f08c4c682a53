#!/usr/bin/env bash
# Scoring benchmarks (JMH, engine): arithmetic, plain-Java baseline and the rules for the same
# students, measured in the same run; prints the ratios of DESIGN §6. Usage: bench/scoring.sh
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -q -B -pl engine test-compile dependency:build-classpath -Dmdep.outputFile="$PWD/engine/target/bench.classpath" \
    -Dmdep.includeScope=test
exec java -cp "engine/target/test-classes:engine/target/classes:$(cat engine/target/bench.classpath)" \
    -Dworkready.rules.dir=rules/src/main/resources ru.workready.engine.scoring.bench.ScoringBench "$@"
