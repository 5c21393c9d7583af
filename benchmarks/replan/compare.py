#!/usr/bin/env python3
# SPDX-License-Identifier: Apache-2.0
"""Figures of re-made plans against one re-planning problem (issue 11, results/replan-generated.md).

Usage: python3 benchmarks/replan/compare.py REPLAN_PROBLEM.json NAME=PLAN.json [NAME=PLAN.json ...]

Per plan, one Markdown table row: units delivered per priority (requested minus the plan's `unmet`, committed
deliveries included), units on new trips, changed announced units out of all `reference` units (FORMAT.md:
reference units the plan does not bring on the same vehicle to the same site, recomputed here, so a plan
solved without `reference` is measured too), the lateness level of the score, km and the plan's kpi.
"""
import json
import sys
from collections import defaultdict

PRIORITIES = ("critical", "high", "normal", "low")


def main(argv):
    problem = json.load(open(argv[1]))
    requested = defaultdict(int)
    for hospital in problem["hospitals"]:
        for line in hospital["demands"]:
            requested[line.get("priority", "normal")] += line["quantity"]
    announced = defaultdict(int)
    for trip in problem.get("reference", []):
        for stop in trip["stops"]:
            for supply, units in stop["deliver"].items():
                announced[(trip["vehicle"], stop["hospital"], supply)] += units
    print("| plan | units critical / high / normal / low | on new trips | changed announced units (of %d) "
          "| kpis.changedUnits | lateness level | km |" % sum(announced.values()))
    print("|---|---|---|---|---|---|---|")
    for arg in argv[2:]:
        name, path = arg.split("=", 1)
        plan = json.load(open(path))
        unmet = defaultdict(int)
        for line in plan["unmet"]:
            unmet[line["priority"]] += line["quantity"]
        brought = defaultdict(int)
        new_units = 0
        for route in plan["routes"]:
            for trip in route["trips"]:
                if trip.get("committed"):
                    continue
                for stop in trip["stops"]:
                    for supply, units in stop["deliver"].items():
                        brought[(route["vehicle"], stop["hospital"], supply)] += units
                        new_units += units
        changed = sum(max(0, units - brought[key]) for key, units in announced.items())
        levels = plan["score"].split("/[")[1].rstrip("]soft").split("/")
        delivered = " / ".join(f"{requested[p] - unmet[p]:,}" for p in PRIORITIES)
        kpi = plan["kpis"].get("changedUnits", "-")
        print(f"| {name} | {delivered} | {new_units:,} | {changed:,} | {kpi} | {-int(levels[8]):,} "
              f"| {plan['kpis']['totalDistanceKm']:,.1f} |")


if __name__ == "__main__":
    main(sys.argv)
