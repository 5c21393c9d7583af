#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# Cost of checkpoints: the 2,000-hospital problem solved through `serve` for 60 s with a fixed seed,
# once storing the best plan every 10 s (the default) and once every hour (never, within the run);
# prints OptaPlanner's "Solving ended" line (score calculation speed) and the database size of each.
# Usage, from the repository root after `mvn -B -q package -DskipTests`: bash benchmarks/checkpoints/run.sh
set -euo pipefail
PROBLEM=problems/generated/outbreak-h2000-w8-v500-s1.json
PORT=18311
for INTERVAL in PT10S PT1H; do
  DATA="$(mktemp -d)"
  LOG="$(mktemp)"
  java -Xmx2g -Dorg.slf4j.simpleLogger.log.org.optaplanner.core.impl.solver.DefaultSolver=info \
       -jar target/medsupply.jar serve --port "$PORT" --data "$DATA" --checkpoint-interval "$INTERVAL" \
       --max-body-bytes 20000000 --max-matrix-cells 5000000 --max-trips 100000 > /dev/null 2> "$LOG" &
  SERVER=$!
  trap 'kill "$SERVER" 2>/dev/null || true' EXIT
  for _ in $(seq 1 100); do curl -fs "http://127.0.0.1:$PORT/health" > /dev/null 2>&1 && break; sleep 0.2; done
  ID=$(curl -s -X POST "http://127.0.0.1:$PORT/api/v1/plans?timeLimit=PT60S&seed=1" \
       -H 'Content-Type: application/json' --data-binary @"$PROBLEM" \
       | python3 -c 'import json,sys; print(json.load(sys.stdin)["id"])')
  until curl -s "http://127.0.0.1:$PORT/api/v1/plans/$ID" | grep -qE '"status":"(DONE|FAILED|CANCELLED)"'; do
    sleep 2
  done
  echo "checkpoint interval $INTERVAL: $(grep 'Solving ended' "$LOG")"
  echo "database: $(du -sh "$DATA" | cut -f1)"
  kill "$SERVER"; wait "$SERVER" || true
  rm -rf "$DATA" "$LOG"
done
