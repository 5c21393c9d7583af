#!/usr/bin/env bash
# Wall time of `validate` (JVM start, read, every rule) on one problem as JSON, as a workbook and as CSV
# tables; prints the median of RUNS runs each and the machine's load before and after.
# Usage: bash benchmarks/sheets/read.sh PROBLEM.json [RUNS]   (after mvn -B -q package -DskipTests)
set -euo pipefail
problem=$1
runs=${2:-5}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
java -cp target/medsupply.jar benchmarks/sheets/WriteTables.java "$problem" "$work/problem"
echo "load before: $(uptime)"
for input in "$problem" "$work/problem.xlsx" "$work/problem-csv"; do
  times=()
  for _ in $(seq "$runs"); do
    start=$(date +%s.%N)
    java -jar target/medsupply.jar validate "$input" > /dev/null
    times+=("$(echo "$(date +%s.%N) - $start" | bc)")
  done
  median=$(printf '%s\n' "${times[@]}" | sort -n | sed -n "$(( (runs + 1) / 2 ))p")
  echo "$(basename "$input"): median ${median} s of ${runs} (${times[*]})"
done
echo "load after: $(uptime)"
