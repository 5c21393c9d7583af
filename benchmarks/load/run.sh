#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# Open-model load benchmark of the HTTP service on loopback (see README.md beside this file).
# Usage, from the repository root: bash benchmarks/load/run.sh [PORT]
set -euo pipefail
PORT="${1:-18181}"
RATE="${STATUS_RATE:-200}" # status reads per second; STATUS_RATE=20 shows the cost of a read without queueing
BASE="http://127.0.0.1:${PORT}/"
OUT=benchmarks/load/results
mkdir -p "$OUT"
SERVER_LOG="$(mktemp)"
DATA="$(mktemp -d)" # each server start begins with an empty job database (SQLite)
mvn -B -q test-compile
CP="target/classes:target/test-classes:$(mvn -B -q dependency:build-classpath -Dmdep.outputFile=/dev/stdout)"

serve() {
  rm -rf "${DATA:?}"/*
  java -cp "$CP" org.medsupply.cli.ServeLauncher --port "$PORT" --data "$DATA" "$@" > "$SERVER_LOG" 2>&1 &
  SERVER=$!
  trap 'kill "$SERVER" 2>/dev/null || true' EXIT # a failing step must not leave the server running
  for _ in $(seq 1 100); do
    curl -fs "${BASE}health" > /dev/null 2>&1 && return 0
    sleep 0.2
  done
  echo "server did not start" >&2; kill "$SERVER"; exit 1
}

stop() {
  kill "$SERVER"
  wait "$SERVER" || true
}

# 1. status reads at 200 req/s: first with no solve running (this also warms up the JIT, which
#    otherwise compiles Jersey while the solvers hold both cores), then while two solves hold both
#    solver slots
serve --solvers 2
java -cp "$CP" org.medsupply.bench.LoadGenerator "$BASE" status "$RATE" 20 10 0 | tee "$OUT/status-$RATE-idle.json"
java -cp "$CP" org.medsupply.bench.LoadGenerator "$BASE" status "$RATE" 30 5 2 | tee "$OUT/status-$RATE-two-solves.json"
stop

# 2. the default of half the cores solving (1 on 2 cores): status reads while one solve runs and
#    one waits, then submissions at 20 req/s against the one solver and a queue of 8
#    (capacity ~0.7 jobs/s)
serve --solvers 1 --max-queued 8
java -cp "$CP" org.medsupply.bench.LoadGenerator "$BASE" status "$RATE" 20 10 0 > /dev/null
java -cp "$CP" org.medsupply.bench.LoadGenerator "$BASE" status "$RATE" 30 5 2 | tee "$OUT/status-$RATE-one-solver.json"
java -cp "$CP" org.medsupply.bench.LoadGenerator "$BASE" overload 20 20 3 | tee "$OUT/overload-20.json"
stop
