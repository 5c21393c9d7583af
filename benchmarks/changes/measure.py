#!/usr/bin/env python3
# SPDX-License-Identifier: Apache-2.0
"""Time from a change (POST /changes) to the first plan that answers it, on a running server.

For each problem and repetition: submits the problem, waits for its first plan and then WARMUP seconds
more, posts a change (a new critical demand line at the first hospital and the first vehicle out of
service), and reads the job's event stream until the first `best` event of the new problem revision
(the plan carried over to the changed problem) and the first such plan that is feasible; then stops the
job. Prints one row per run and the medians as a Markdown table.

Usage: measure.py BASE_URL REPETITIONS PROBLEM.json...
"""
import json
import statistics
import sys
import threading
import time
import urllib.request

WARMUP = 5.0


def call(method, url, body=None, content_type="application/json"):
    request = urllib.request.Request(url, data=body, method=method)
    if body is not None:
        request.add_header("Content-Type", content_type)
    with urllib.request.urlopen(request, timeout=120) as response:
        return json.load(response)


def events(url):
    """Yields (name, job) for each event of an SSE stream."""
    with urllib.request.urlopen(url, timeout=300) as stream:
        name = None
        for raw in stream:
            line = raw.decode("utf-8").rstrip("\n")
            if line.startswith("event:"):
                name = line[len("event:"):].strip()
            elif line.startswith("data:"):
                yield name, json.loads(line[len("data:"):])


def run(base, problem_path):
    with open(problem_path, "rb") as f:
        problem = f.read()
    first_supply = json.loads(problem)["supplies"][0]["id"]
    job = call("POST", base + "/api/v1/plans?timeLimit=PT300S&seed=1", problem)
    plans = base + "/api/v1/plans/" + job["id"]
    seen = {}
    changed_at = {}
    done = threading.Event()

    def listen():
        for name, view in events(plans + "/events"):
            now = time.monotonic()
            if name == "best" and "first" not in seen:
                seen["first"] = now
            if name == "best" and view.get("problemRevision") == 1:
                seen.setdefault("answer", now)
                if view.get("feasible"):
                    seen.setdefault("feasible", now)
                    done.set()
                    return
            if name == "status" and view["status"] in ("DONE", "FAILED", "CANCELLED"):
                done.set()
                return

    threading.Thread(target=listen, daemon=True).start()
    while "first" not in seen:
        time.sleep(0.05)
    time.sleep(WARMUP)
    patch = json.dumps([
        {"op": "add", "path": "/hospitals/0/demands/-",
         "value": {"supply": first_supply, "quantity": 10, "priority": "critical"}},
        {"op": "remove", "path": "/vehicles/0"}]).encode()
    changed_at["t"] = time.monotonic()
    call("POST", plans + "/changes", patch, "application/json-patch+json")
    accepted = time.monotonic()
    done.wait(300)
    call("DELETE", plans)
    t = changed_at["t"]
    return (accepted - t, seen.get("answer", float("nan")) - t, seen.get("feasible", float("nan")) - t)


def main():
    base, repetitions, problems = sys.argv[1], int(sys.argv[2]), sys.argv[3:]
    print("| problem | run | 202 after (s) | first plan of the change (s) | first feasible one (s) |")
    print("|---|---|---|---|---|")
    medians = []
    for path in problems:
        rows = [run(base, path) for _ in range(repetitions)]
        for i, row in enumerate(rows, 1):
            print("| %s | %d | %.3f | %.3f | %.3f |" % ((path.split("/")[-1], i) + row))
        medians.append((path.split("/")[-1],) + tuple(statistics.median(column) for column in zip(*rows)))
    print()
    print("| problem | median 202 (s) | median first plan of the change (s) | median first feasible (s) |")
    print("|---|---|---|---|")
    for row in medians:
        print("| %s | %.3f | %.3f | %.3f |" % row)


if __name__ == "__main__":
    main()
