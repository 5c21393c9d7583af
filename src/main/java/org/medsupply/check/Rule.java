// SPDX-License-Identifier: Apache-2.0
package org.medsupply.check;

import java.util.EnumSet;
import java.util.Set;

/**
 * The rules a plan is checked against, with their wire ids and {@link Violation} kinds. A plan that breaks a
 * {@link #hard} rule cannot call itself feasible; the others are about figures and bookkeeping (KPIs, unmet
 * list, missing fields). Stated times, loads and km are hard (a plan must not claim them falsely) but
 * stale figures: recomputing the plan puts them right.
 */
enum Rule {
    PROBLEM("problem", false),
    MISSING("missing", false),
    FORMAT("format", true),
    UNKNOWN_ID("unknown-id", true),
    DUPLICATE_VEHICLE("duplicate-vehicle", true),
    WAREHOUSE("warehouse", true),
    IDLE_ROUTE("idle-route", false),
    MAX_TRIPS("max-trips", true),
    TRIP_ORDER("trip-order", true),
    COMMITTED("committed", true),
    BEFORE_NOW("before-now", true),
    SHIFT("shift", true),
    WINDOW("window", true),
    TIMES("times", true),
    QUANTITY("quantity", true),
    COLD_CHAIN("cold-chain", true),
    CAPACITY_KG("capacity-kg", true),
    CAPACITY_M3("capacity-m3", true),
    LOAD("load", true),
    WEIGHT("weight", true),
    VOLUME("volume", true),
    DISTANCE("distance", true),
    STOCK("stock", true),
    OVER_DELIVERY("over-delivery", true),
    SPLIT("split", true),
    UNMET("unmet", false),
    KPI("kpi", false),
    FEASIBLE("feasible", false);

    private static final Set<Rule> STALE_FIGURES = EnumSet.of(TIMES, LOAD, WEIGHT, VOLUME, DISTANCE, UNMET, KPI,
            FEASIBLE);

    private final String id;
    private final boolean hard;

    Rule(String id, boolean hard) {
        this.id = id;
        this.hard = hard;
    }

    String id() {
        return id;
    }

    boolean hard() {
        return hard;
    }

    String kind() {
        return this == PROBLEM ? Violation.OTHER_PROBLEM
                : STALE_FIGURES.contains(this) ? Violation.STALE_FIGURE : Violation.BROKEN_RULE;
    }
}
