// SPDX-License-Identifier: Apache-2.0
package org.medsupply.peers;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.medsupply.domain.DemandLine;
import org.medsupply.domain.DispatchSolution;
import org.medsupply.domain.Hospital;
import org.medsupply.domain.Site;
import org.medsupply.domain.Supply;
import org.medsupply.domain.TimeAxis;
import org.medsupply.domain.Vehicle;
import org.medsupply.domain.Warehouse;
import org.medsupply.io.ProblemFile;
import org.medsupply.io.ProblemMapper;

/**
 * A problem file seen as the classic vehicle-routing instance that peer solvers understand. Nodes
 * {@code 0..depotCount()-1} are the warehouses that have vehicles, then one node per hospital that
 * asks for anything; a hospital is one stop that receives all its lines whole. Each vehicle makes one
 * trip ({@code maxTrips} is not used) and {@code needBy} is not modelled.
 *
 * <p>Distances and driving times come from the product's own reading of {@code travel}, so every
 * contender is costed in one convention. Times are ms after the problem start (driving rounded up to
 * the ms, as the product plans); nothing starts before the problem start. Loads are counted per
 * dimension ({@link #WEIGHT}, {@link #VOLUME}) in a unit that is the greatest common divisor of all
 * stop sizes (mg, mm³), so integer solvers see small exact numbers: capacities are floored to whole
 * units, which loses nothing because every sum of stop sizes is a multiple of the unit.
 */
public final class RoutingInstance {

    public static final int WEIGHT = 0;
    public static final int VOLUME = 1;
    public static final int DIMENSIONS = 2;

    /**
     * One stop: everything {@code hospital} asks for.
     *
     * @param weightMg      weight of everything the hospital asks for
     * @param volumeMm3     volume of everything the hospital asks for
     * @param size          load units per dimension
     * @param windowFromMs  earliest start of unloading, at least 0
     * @param windowToMs    latest start of unloading, or {@link TimeAxis#OPEN_END}
     */
    public record Stop(int node, Hospital hospital, List<DemandLine> lines, Map<String, Long> load, long weightMg,
            long volumeMm3, long[] size, long windowFromMs, long windowToMs) {
    }

    /**
     * A vehicle as peers see it.
     *
     * @param capacity      load units per dimension; the total demand when the vehicle has no limit
     * @param shiftFromMs   earliest departure, at least 0
     * @param shiftToMs     latest return, or {@link TimeAxis#OPEN_END}
     */
    public record Truck(int index, Vehicle vehicle, int depotNode, long[] capacity, long shiftFromMs,
            long shiftToMs) {
    }

    private final DispatchSolution solution;
    private final List<Site> nodes = new ArrayList<>();
    private final List<Stop> stops = new ArrayList<>();
    private final List<Truck> trucks = new ArrayList<>();
    private final Map<String, Stop> stopsByHospital = new HashMap<>();
    private final double[][] distanceKm;
    private final long[][][] drivingMsByTruck;

    private RoutingInstance(DispatchSolution solution) {
        this.solution = solution;
        Map<Warehouse, Integer> depotNodes = new LinkedHashMap<>();
        for (Vehicle vehicle : solution.getVehicles()) {
            depotNodes.computeIfAbsent(vehicle.warehouse(), warehouse -> {
                nodes.add(warehouse);
                return nodes.size() - 1;
            });
        }
        Map<Hospital, List<DemandLine>> linesByHospital = new LinkedHashMap<>();
        solution.getLines().forEach(line -> linesByHospital.computeIfAbsent(line.hospital(), h -> new ArrayList<>())
                .add(line));
        long[] unit = {0, 0};
        long[] total = {0, 0};
        Map<Hospital, long[]> rawSizes = new HashMap<>();
        linesByHospital.forEach((hospital, lines) -> {
            long[] raw = new long[DIMENSIONS];
            for (DemandLine line : lines) {
                raw[WEIGHT] += line.quantity() * line.supply().weightMg();
                raw[VOLUME] += line.quantity() * line.supply().volumeMm3();
            }
            for (int d = 0; d < DIMENSIONS; d++) {
                unit[d] = gcd(unit[d], raw[d]);
                total[d] += raw[d];
            }
            rawSizes.put(hospital, raw);
        });
        for (int d = 0; d < DIMENSIONS; d++) {
            unit[d] = Math.max(unit[d], 1);
        }
        linesByHospital.forEach((hospital, lines) -> {
            if (hospital.windowToMs() < Math.max(0, hospital.windowFromMs())) {
                throw new IllegalArgumentException("hospital " + hospital.id()
                        + ": its window closes before the problem start; peers cannot model that");
            }
            long[] raw = rawSizes.get(hospital);
            Map<String, Long> load = new LinkedHashMap<>();
            lines.forEach(line -> load.merge(line.supply().id(), line.quantity(), Long::sum));
            nodes.add(hospital);
            Stop stop = new Stop(nodes.size() - 1, hospital, List.copyOf(lines), load, raw[WEIGHT], raw[VOLUME],
                    new long[] {raw[WEIGHT] / unit[WEIGHT], raw[VOLUME] / unit[VOLUME]},
                    Math.max(0, hospital.windowFromMs()), hospital.windowToMs());
            stops.add(stop);
            stopsByHospital.put(hospital.id(), stop);
        });
        for (Vehicle vehicle : solution.getVehicles()) {
            long[] capacity = {
                    Math.min(vehicle.capacityMg() / unit[WEIGHT], total[WEIGHT] / unit[WEIGHT]),
                    Math.min(vehicle.capacityMm3() / unit[VOLUME], total[VOLUME] / unit[VOLUME])};
            trucks.add(new Truck(trucks.size(), vehicle, depotNodes.get(vehicle.warehouse()), capacity,
                    Math.max(0, vehicle.shiftFromMs()), vehicle.shiftToMs()));
        }
        requireServable();
        distanceKm = distanceMatrix();
        drivingMsByTruck = drivingMatrices();
    }

    /**
     * Reads a problem file.
     *
     * @throws IllegalArgumentException when it needs what peers do not model: cold-chain supplies, a
     *                                  warehouse with vehicles short of stock, a window closed before
     *                                  the start
     */
    public static RoutingInstance of(ProblemFile problem) {
        return new RoutingInstance(ProblemMapper.toSolution(problem));
    }

    private void requireServable() {
        Map<Supply, Long> demanded = new LinkedHashMap<>();
        for (DemandLine line : solution.getLines()) {
            if (line.supply().coldChain()) {
                throw new IllegalArgumentException("supply " + line.supply().id()
                        + " is cold-chain; peers do not model refrigeration");
            }
            demanded.merge(line.supply(), line.quantity(), Long::sum);
        }
        for (int depot = 0; depot < depotCount(); depot++) {
            Warehouse warehouse = (Warehouse) nodes.get(depot);
            demanded.forEach((supply, quantity) -> {
                if (warehouse.stockOf(supply) < quantity) {
                    throw new IllegalArgumentException("warehouse " + warehouse.id() + " holds "
                            + warehouse.stockOf(supply) + " " + supply.id() + " of the " + quantity
                            + " demanded; peers need every warehouse with vehicles to cover all demand");
                }
            });
        }
    }

    private double[][] distanceMatrix() {
        int n = nodes.size();
        double[][] matrix = new double[n][n];
        if (!trucks.isEmpty()) {
            Vehicle any = trucks.get(0).vehicle();
            for (int from = 0; from < n; from++) {
                for (int to = 0; to < n; to++) {
                    matrix[from][to] = from == to ? 0 : any.distanceKm(nodes.get(from), nodes.get(to));
                }
            }
        }
        return matrix;
    }

    /** One matrix per distinct speed, shared by the trucks driving at it. */
    private long[][][] drivingMatrices() {
        Map<Double, long[][]> bySpeed = new HashMap<>();
        long[][][] byTruck = new long[trucks.size()][][];
        int n = nodes.size();
        for (Truck truck : trucks) {
            byTruck[truck.index()] = bySpeed.computeIfAbsent(truck.vehicle().speedKmh(), speed -> {
                long[][] matrix = new long[n][n];
                for (int from = 0; from < n; from++) {
                    for (int to = 0; to < n; to++) {
                        matrix[from][to] = from == to ? 0 : truck.vehicle().drivingMs(nodes.get(from), nodes.get(to));
                    }
                }
                return matrix;
            });
        }
        return byTruck;
    }

    private static long gcd(long a, long b) {
        return b == 0 ? a : gcd(b, a % b);
    }

    public DispatchSolution solution() {
        return solution;
    }

    public int nodeCount() {
        return nodes.size();
    }

    /** Depots are nodes {@code 0..depotCount()-1}. */
    public int depotCount() {
        return nodes.size() - stops.size();
    }

    public List<Stop> stops() {
        return stops;
    }

    public List<Truck> trucks() {
        return trucks;
    }

    /** The stop at a node at or after {@link #depotCount()}. */
    public Stop stopAt(int node) {
        return stops.get(node - depotCount());
    }

    /** The stop of a hospital, or {@code null} when it asks for nothing. */
    public Stop stopOf(String hospitalId) {
        return stopsByHospital.get(hospitalId);
    }

    public double distanceKm(int fromNode, int toNode) {
        return distanceKm[fromNode][toNode];
    }

    public long drivingMs(int truck, int fromNode, int toNode) {
        return drivingMsByTruck[truck][fromNode][toNode];
    }

    /**
     * The driving times of a truck, indexed by node; trucks driving at one speed share the same array
     * (callers may group by identity and must not change it).
     */
    public long[][] drivingMatrix(int truck) {
        return drivingMsByTruck[truck];
    }

    /** Unloading time at a node: 0 at depots. */
    public long unloadMs(int node) {
        return node < depotCount() ? 0 : stopAt(node).hospital().unloadMs();
    }
}
