#!/usr/bin/env bash
# Ingestion benchmark: 1,000,000 realistic assessment rows through the product's upload path
# (HTTP → spool → row checks → COPY into the evidence partition; a large file into a partition of its own) vs a raw COPY of the same
# file into a bare table, in the same run, with a 256 MB heap. Usage: bench/ingest.sh [rows] [work-dir]
# NEXT=k uploads k other files of that size after it (default 1; 0: none), as a node that has taken large uploads
# before. FORMATS=jsonl,json,xlsx also uploads the same rows as JSON Lines, a JSON array and an XLSX sheet; CLIENT=curl
# sends the files with curl (another process, as an operator's client) instead of this JVM's HTTP client.
set -euo pipefail
cd "$(dirname "$0")/.."
ROWS="${1:-1000000}"
WORK="${2:-/tmp/workready-bench-$$}"
CP_FILE="$(mktemp)"
./mvnw -q -B -pl api -am test-compile dependency:build-classpath -Dmdep.includeScope=test \
    -Dmdep.outputFile="$CP_FILE" -DskipTests
CP="api/target/test-classes:api/target/classes:data/target/classes:data/target/test-classes:engine/target/classes:rules/target/classes:$(cat "$CP_FILE")"
rm -f "$CP_FILE"
[ -n "${KEEP:-}" ] || trap 'rm -rf "$WORK"' EXIT
java -XX:CompileThresholdScaling=3 ${JAVA_OPTS:-} -Xmx256m -Xms256m -cp "$CP" ru.workready.bench.IngestBench "$ROWS" "$WORK"
