// SPDX-License-Identifier: Apache-2.0
package org.medsupply.generate;

import static org.medsupply.generate.Supplies.FOOD_KIT;
import static org.medsupply.generate.Supplies.GOWN;
import static org.medsupply.generate.Supplies.N95;
import static org.medsupply.generate.Supplies.OXYGEN;
import static org.medsupply.generate.Supplies.SURGICAL_MASK;
import static org.medsupply.generate.Supplies.TEST_KIT;
import static org.medsupply.generate.Supplies.VACCINE;
import static org.medsupply.generate.Supplies.VENTILATOR;

import java.util.List;

/**
 * The kinds of receiving site in an outbreak and what a day's request from each looks like: tertiary
 * hospitals need ventilators and oxygen (mostly critical) and PPE in bulk, community clinics masks,
 * tests and vaccine, fever clinics PPE and tests at high priority, quarantine sites food kits and
 * masks at normal or low priority. Times are minutes after the plan start (06:00 local).
 */
enum SiteKind {

    TERTIARY_HOSPITAL(0.08, List.of("General Hospital", "University Hospital", "Central Hospital",
            "Memorial Hospital", "Infectious Diseases Hospital", "Teaching Hospital"),
            20, 35, new WindowRule(0.15, 0, 960, 0), List.of(
            new LineRule(VENTILATOR, 0.9, 2, 8, PriorityMix.VITAL, 0.6),
            new LineRule(OXYGEN, 0.8, 4, 20, PriorityMix.URGENT, 0.3),
            new LineRule(N95, 1, 150, 500, PriorityMix.PROTECTIVE, 0),
            new LineRule(SURGICAL_MASK, 0.9, 100, 400, PriorityMix.ROUTINE_PROTECTIVE, 0),
            new LineRule(GOWN, 0.9, 60, 250, PriorityMix.PROTECTIVE, 0),
            new LineRule(VACCINE, 0.4, 5, 25, PriorityMix.PROTECTIVE, 0),
            new LineRule(TEST_KIT, 0.5, 40, 150, PriorityMix.ROUTINE_PROTECTIVE, 0),
            new LineRule(FOOD_KIT, 0.2, 20, 80, PriorityMix.SUSTENANCE, 0))),

    COMMUNITY_CLINIC(0.50, List.of("Community Health Centre"), 10, 15, new WindowRule(0.8, 120, 720, 60), List.of(
            new LineRule(VENTILATOR, 0.02, 1, 1, PriorityMix.VITAL, 0),
            new LineRule(OXYGEN, 0.2, 1, 3, PriorityMix.URGENT, 0),
            new LineRule(N95, 0.8, 10, 60, PriorityMix.ROUTINE_PROTECTIVE, 0),
            new LineRule(SURGICAL_MASK, 0.95, 30, 150, PriorityMix.EVERYDAY, 0),
            new LineRule(GOWN, 0.5, 5, 30, PriorityMix.ROUTINE_PROTECTIVE, 0),
            new LineRule(VACCINE, 0.7, 2, 12, PriorityMix.PROTECTIVE, 0),
            new LineRule(TEST_KIT, 0.8, 20, 100, PriorityMix.ROUTINE_PROTECTIVE, 0),
            new LineRule(FOOD_KIT, 0.15, 10, 40, PriorityMix.SUSTENANCE, 0))),

    FEVER_CLINIC(0.22, List.of("Fever Clinic"), 10, 20, new WindowRule(0.5, 60, 900, 60), List.of(
            new LineRule(VENTILATOR, 0.1, 1, 2, PriorityMix.VITAL, 0.5),
            new LineRule(OXYGEN, 0.5, 2, 8, PriorityMix.URGENT, 0),
            new LineRule(N95, 1, 40, 180, PriorityMix.FRONT_LINE, 0),
            new LineRule(SURGICAL_MASK, 0.8, 40, 160, PriorityMix.ROUTINE_PROTECTIVE, 0),
            new LineRule(GOWN, 0.9, 20, 100, PriorityMix.PROTECTIVE, 0),
            new LineRule(TEST_KIT, 0.95, 50, 200, PriorityMix.FRONT_LINE, 0))),

    QUARANTINE_SITE(0.20, List.of("Sports Hall", "Exhibition Centre", "Convention Hotel", "Stadium", "Youth Hostel",
            "Student Dormitory"), 15, 30, new WindowRule(0.7, 180, 660, 60), List.of(
            new LineRule(OXYGEN, 0.15, 1, 3, PriorityMix.URGENT, 0),
            new LineRule(N95, 0.4, 10, 60, PriorityMix.ROUTINE_PROTECTIVE, 0),
            new LineRule(SURGICAL_MASK, 0.9, 80, 300, PriorityMix.EVERYDAY, 0),
            new LineRule(GOWN, 0.3, 10, 40, PriorityMix.ROUTINE_PROTECTIVE, 0),
            new LineRule(TEST_KIT, 0.9, 50, 250, PriorityMix.ROUTINE_PROTECTIVE, 0),
            new LineRule(FOOD_KIT, 1, 60, 300, PriorityMix.SUSTENANCE, 0)));

    /**
     * Priorities of a kind of line, as weights for critical, high, normal and low. Ventilators are
     * vital (mostly critical), PPE protective (mostly high), food sustenance (normal or low).
     */
    record PriorityMix(double critical, double high, double normal, double low) {
        static final PriorityMix VITAL = new PriorityMix(0.8, 0.2, 0, 0);
        static final PriorityMix URGENT = new PriorityMix(0.5, 0.5, 0, 0);
        static final PriorityMix FRONT_LINE = new PriorityMix(0.3, 0.7, 0, 0);
        static final PriorityMix PROTECTIVE = new PriorityMix(0.15, 0.7, 0.15, 0);
        static final PriorityMix ROUTINE_PROTECTIVE = new PriorityMix(0, 0.6, 0.4, 0);
        static final PriorityMix EVERYDAY = new PriorityMix(0, 0.25, 0.65, 0.1);
        static final PriorityMix SUSTENANCE = new PriorityMix(0, 0.1, 0.6, 0.3);

        private static final List<String> WIRE_NAMES = List.of("critical", "high", "normal", "low");

        String draw(Draws draws) {
            return WIRE_NAMES.get(draws.weightedIndex(new double[] {critical, high, normal, low}));
        }
    }

    /**
     * How often a kind of site asks for a supply and how much (units, before the site's size factor);
     * {@code unsplittableShare}: how often the line must come in one stop (a ventilator set is
     * installed and commissioned by one crew).
     */
    record LineRule(String supply, double probability, int minQuantity, int maxQuantity, PriorityMix priorities,
            double unsplittableShare) {
    }

    /**
     * The share of sites with a receiving window, and its usual opening and closing minute, each moved
     * by up to {@code jitterMinutes} either way in half hours.
     */
    record WindowRule(double share, int fromMinute, int toMinute, int jitterMinutes) {
    }

    private final double share;
    private final List<String> names;
    private final int minUnloadMinutes;
    private final int maxUnloadMinutes;
    private final WindowRule window;
    private final List<LineRule> lines;

    SiteKind(double share, List<String> names, int minUnloadMinutes, int maxUnloadMinutes, WindowRule window,
            List<LineRule> lines) {
        this.share = share;
        this.names = names;
        this.minUnloadMinutes = minUnloadMinutes;
        this.maxUnloadMinutes = maxUnloadMinutes;
        this.window = window;
        this.lines = lines;
    }

    static SiteKind draw(Draws draws) {
        SiteKind[] kinds = values();
        double[] shares = new double[kinds.length];
        for (int i = 0; i < kinds.length; i++) {
            shares[i] = kinds[i].share;
        }
        return kinds[draws.weightedIndex(shares)];
    }

    /** "Riverside General Hospital", "Riverside Fever Clinic 2": {@code ordinal} counts this kind in the district. */
    String name(String district, int ordinal) {
        String name = district + " " + names.get(ordinal % names.size());
        if (this == QUARANTINE_SITE) {
            name += " Quarantine Site";
        }
        return ordinal < names.size() ? name : name + " " + (ordinal / names.size() + 1);
    }

    int drawUnloadMinutes(Draws draws) {
        return draws.stepBetween(minUnloadMinutes, maxUnloadMinutes, 5);
    }

    WindowRule window() {
        return window;
    }

    List<LineRule> lines() {
        return lines;
    }
}
