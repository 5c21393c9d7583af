#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# Time from a change to the first plan that answers it (issue 11): starts `serve` on a fresh data folder and
# runs measure.py on the demo problem and the generated 100- and 500-hospital problems, REPETITIONS times each.
# Usage, from the repository root after `mvn -B -q package -DskipTests`:
#   bash benchmarks/changes/run.sh [REPETITIONS (default 5)]
set -euo pipefail
REPETITIONS=${1:-5}
PORT=18411
DATA="$(mktemp -d)"
java -Xmx2g -jar target/medsupply.jar serve --port "$PORT" --data "$DATA" \
     --max-body-bytes 20000000 --max-matrix-cells 5000000 --max-trips 100000 > /dev/null 2>&1 &
SERVER=$!
trap 'kill "$SERVER" 2>/dev/null || true; rm -rf "$DATA"' EXIT
for _ in $(seq 1 100); do curl -fs "http://127.0.0.1:$PORT/health" > /dev/null 2>&1 && break; sleep 0.2; done
uptime
python3 benchmarks/changes/measure.py "http://127.0.0.1:$PORT" "$REPETITIONS" problems/demo-city-outbreak.json \
    problems/generated/outbreak-h100-w3-v30-s1.json problems/generated/outbreak-h500-w5-v125-s1.json
uptime
