#!/usr/bin/env bash
# Time to render a plan on the job page in headless Chromium (RenderBenchmark, a test-scoped main).
# Usage: bash benchmarks/ui/render.sh PROBLEM [TIME_LIMIT] [LOADS] [OUTPUT.md]
set -euo pipefail
cd "$(dirname "$0")/../.."
mvn -B -q test-compile dependency:build-classpath -Dmdep.outputFile=target/test-classpath.txt -Dmdep.includeScope=test
java -Xmx2g -cp "target/test-classes:target/classes:$(cat target/test-classpath.txt)" \
    org.medsupply.api.RenderBenchmark "$@"
