#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# The load benchmark against two servers sharing one PostgreSQL database (see RESULTS.md beside this file).
# PostgreSQL is the embedded one of the tests (io.zonky.test embedded-postgres), started by a test launcher.
# Usage, from the repository root: bash benchmarks/load/run-postgres.sh [PORT]   (uses PORT and PORT+1)
set -euo pipefail
PORT_A="${1:-18181}"
RATE="${STATUS_RATE:-200}" # status reads per second; STATUS_RATE=20 shows the cost of a read without queueing
PORT_B=$((PORT_A + 1))
BOTH="http://127.0.0.1:${PORT_A}/,http://127.0.0.1:${PORT_B}/"
OUT=benchmarks/load/results/postgres
mkdir -p "$OUT"
LOGS="$(mktemp -d)"
mvn -B -q test-compile
CP="target/classes:target/test-classes:$(mvn -B -q dependency:build-classpath -Dmdep.outputFile=/dev/stdout)"

SERVERS=""
java -cp "$CP" org.medsupply.store.PostgresLauncher > "$LOGS/postgres.out" 2> "$LOGS/postgres.log" &
POSTGRES=$!
trap 'kill $SERVERS $POSTGRES 2>/dev/null || true' EXIT # a failing step must not leave servers running
for _ in $(seq 1 300); do
  grep -q '^jdbc:postgresql:' "$LOGS/postgres.out" && break
  sleep 0.2
done
DATABASE="$(grep -m 1 '^jdbc:postgresql:' "$LOGS/postgres.out")" || { echo "PostgreSQL did not start" >&2; exit 1; }
export MEDSUPPLY_DB_PASSWORD=unused # the embedded server trusts local connections

# starts node-a on PORT and node-b on PORT+1, both on the database, with the given options
serve() {
  SERVERS=""
  for node in a b; do
    port=$([ "$node" = a ] && echo "$PORT_A" || echo "$PORT_B")
    java -cp "$CP" org.medsupply.cli.ServeLauncher --port "$port" --node "node-$node" --database "$DATABASE" \
      --database-user postgres "$@" > "$LOGS/server-$node.log" 2>&1 &
    SERVERS="$SERVERS $!"
  done
  for port in "$PORT_A" "$PORT_B"; do
    for _ in $(seq 1 150); do
      curl -fs "http://127.0.0.1:${port}/health" > /dev/null 2>&1 && continue 2
      sleep 0.2
    done
    echo "server on port $port did not start" >&2; exit 1
  done
}

stop() {
  # shellcheck disable=SC2086
  kill $SERVERS
  # shellcheck disable=SC2086
  wait $SERVERS || true
  SERVERS=""
}

# one solver per server (the default of half the cores on 2 cores), a queue of 8 in the database for both;
# requests go to each server in turn
serve --solvers 1 --max-queued 8
# 1. status reads at 200 req/s with no solve, then while two solves run, one claimed by each server,
#    holding both cores; first an unrecorded round that warms up both servers' JITs
java -cp "$CP" org.medsupply.bench.LoadGenerator "$BOTH" status "$RATE" 20 0 0 > /dev/null
java -cp "$CP" org.medsupply.bench.LoadGenerator "$BOTH" status "$RATE" 20 10 0 | tee "$OUT/status-$RATE-idle.json"
java -cp "$CP" org.medsupply.bench.LoadGenerator "$BOTH" status "$RATE" 30 5 2 | tee "$OUT/status-$RATE-two-solves.json"
# 2. submissions at 20 req/s against two solvers and one queue of 8 (capacity ~1.4 jobs/s); then every
#    accepted job must reach one final status, the same read from either server
java -cp "$CP" org.medsupply.bench.LoadGenerator "$BOTH" overload 20 20 3 | tee "$OUT/overload-20.json"
stop
