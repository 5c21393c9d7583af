// SPDX-License-Identifier: Apache-2.0
package org.medsupply.domain;

import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

import org.optaplanner.core.api.domain.solution.PlanningEntityCollectionProperty;
import org.optaplanner.core.api.domain.solution.PlanningScore;
import org.optaplanner.core.api.domain.solution.PlanningSolution;
import org.optaplanner.core.api.domain.solution.ProblemFactCollectionProperty;
import org.optaplanner.core.api.domain.solution.ProblemFactProperty;
import org.optaplanner.core.api.domain.valuerange.ValueRangeProvider;
import org.optaplanner.core.api.score.buildin.bendablelong.BendableLongScore;

/**
 * A dispatch situation and, once solved, its plan: which trip carries each delivery.
 * The score has one hard level and {@link ScoreLevels#SOFT_LEVELS} soft levels (see {@link ScoreLevels}).
 */
@PlanningSolution(solutionCloner = DispatchSolutionCloner.class)
public class DispatchSolution {

    private String name;
    @ProblemFactProperty
    private TimeAxis timeAxis;
    @ProblemFactCollectionProperty
    private List<Supply> supplies;
    @ProblemFactCollectionProperty
    private List<Warehouse> warehouses;
    @ProblemFactCollectionProperty
    private List<Hospital> hospitals;
    @ProblemFactCollectionProperty
    private List<DemandLine> lines;
    @ProblemFactCollectionProperty
    private List<Vehicle> vehicles;

    @PlanningEntityCollectionProperty
    private List<Trip> trips;
    /*
     * Registered as facts, not as an entity collection: OptaPlanner 10.1.0 counts unassigned list
     * values by reading the list variable from every entity of the solution, and fails on entities
     * of the element class. Deliveries are still planning entities (their shadow variables work and
     * solution cloning deep-copies them, as it does every planning entity class).
     */
    @ProblemFactCollectionProperty
    @ValueRangeProvider(id = "deliveries")
    private List<Delivery> deliveries;

    /** Trips under way and announced deliveries when re-planning; {@link Replanning#NONE} otherwise. */
    private Replanning replanning = Replanning.NONE;
    /** The announced deliveries, as facts for the stability constraints. */
    @ProblemFactCollectionProperty
    private List<ReferenceLoad> referenceLoads = List.of();

    @PlanningScore(bendableHardLevelsSize = ScoreLevels.HARD_LEVELS, bendableSoftLevelsSize = ScoreLevels.SOFT_LEVELS)
    private BendableLongScore score;

    public DispatchSolution() {
    }

    public DispatchSolution(String name, TimeAxis timeAxis, List<Supply> supplies, List<Warehouse> warehouses,
            List<Hospital> hospitals, List<DemandLine> lines, List<Vehicle> vehicles, List<Trip> trips,
            List<Delivery> deliveries) {
        this.name = name;
        this.timeAxis = timeAxis;
        this.supplies = supplies;
        this.warehouses = warehouses;
        this.hospitals = hospitals;
        this.lines = lines;
        this.vehicles = vehicles;
        this.trips = trips;
        this.deliveries = deliveries;
    }

    /**
     * Units of each supply each warehouse still holds once the trips, as their lists stand now, are loaded
     * (negative where they load more than it holds). A new map, which the caller may update as it moves
     * deliveries.
     */
    public Map<Warehouse, Map<Supply, Long>> stockLeft() {
        Map<Warehouse, Map<Supply, Long>> left = new IdentityHashMap<>();
        for (Warehouse warehouse : warehouses) {
            Map<Supply, Long> ofWarehouse = new HashMap<>();
            supplies.forEach(supply -> ofWarehouse.put(supply, warehouse.stockOf(supply)));
            left.put(warehouse, ofWarehouse);
        }
        for (Trip trip : trips) {
            if (!trip.isUnservedPool()) {
                Map<Supply, Long> ofWarehouse = left.get(trip.getVehicle().warehouse());
                trip.getDeliveries().forEach(d -> ofWarehouse.merge(d.getSupply(), -d.getQuantity(), Long::sum));
            }
        }
        return left;
    }

    /** The trip that holds what no vehicle brings; always the first trip. */
    public Trip unservedPool() {
        return trips.get(0);
    }

    public String getName() {
        return name;
    }

    public TimeAxis getTimeAxis() {
        return timeAxis;
    }

    public List<Supply> getSupplies() {
        return supplies;
    }

    public List<Warehouse> getWarehouses() {
        return warehouses;
    }

    public List<Hospital> getHospitals() {
        return hospitals;
    }

    public List<DemandLine> getLines() {
        return lines;
    }

    /**
     * The units each line gets, by {@link DemandLine#index()}: on its trips and on trips already under way
     * (a re-planning problem's committed units). An array, for the finishing steps that look them up per delivery.
     */
    public long[] unitsByLine() {
        long[] units = new long[lines.stream().mapToInt(DemandLine::index).max().orElse(-1) + 1];
        replanning.committedUnits().forEach((line, committed) -> units[line.index()] += committed);
        for (Trip trip : trips) {
            if (!trip.isUnservedPool()) {
                trip.getDeliveries().forEach(delivery -> units[delivery.getLine().index()] += delivery.getQuantity());
            }
        }
        return units;
    }

    public List<Vehicle> getVehicles() {
        return vehicles;
    }

    public List<Trip> getTrips() {
        return trips;
    }

    public List<Delivery> getDeliveries() {
        return deliveries;
    }

    public Replanning getReplanning() {
        return replanning;
    }

    public void setReplanning(Replanning replanning) {
        this.replanning = replanning;
        this.referenceLoads = replanning.reference();
    }

    public List<ReferenceLoad> getReferenceLoads() {
        return referenceLoads;
    }

    public BendableLongScore getScore() {
        return score;
    }

    public void setScore(BendableLongScore score) {
        this.score = score;
    }
}
