// SPDX-License-Identifier: Apache-2.0
package org.medsupply.io;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.medsupply.domain.Chunking;
import org.medsupply.domain.Delivery;
import org.medsupply.domain.DemandLine;
import org.medsupply.domain.DispatchSolution;
import org.medsupply.domain.FairShares;
import org.medsupply.domain.Hospital;
import org.medsupply.domain.Priority;
import org.medsupply.domain.Site;
import org.medsupply.domain.Supply;
import org.medsupply.domain.TimeAxis;
import org.medsupply.domain.Timeline;
import org.medsupply.domain.Travel;
import org.medsupply.domain.Trip;
import org.medsupply.domain.Vehicle;
import org.medsupply.domain.Warehouse;
import org.medsupply.io.ProblemFile.HospitalDto;
import org.medsupply.io.ProblemFile.TravelDto;
import org.medsupply.io.ProblemFile.VehicleDto;
import org.medsupply.io.ProblemFile.WarehouseDto;

/**
 * Turns a {@link ProblemFile} validated by {@link ProblemReader} into the planning model: sites numbered (warehouses first),
 * times in ms after {@code start}, each demand line cut into deliveries, every vehicle given
 * {@code maxTrips} trips, and all deliveries waiting in the unserved pool until a plan is built.
 */
public final class ProblemMapper {

    /** Chunks per demand line: more means finer partial deliveries and a larger search. */
    public static final int DEFAULT_MAX_CHUNKS_PER_LINE = 6;
    /** Chunks for a line's fair share of a short supply: every whole number of units up to 2^12 - 1. */
    static final int SHARE_CHUNKS = 12;

    private ProblemMapper() {
    }

    public static DispatchSolution toSolution(ProblemFile problem) {
        return toSolution(problem, DEFAULT_MAX_CHUNKS_PER_LINE);
    }

    public static DispatchSolution toSolution(ProblemFile problem, int maxChunksPerLine) {
        TimeAxis axis = new TimeAxis(OffsetDateTime.parse(problem.start()));
        TravelDto travelDto = problem.travel() == null
                ? new TravelDto(null, null, null, null, null, null, null, null) : problem.travel();
        boolean euclidean = "euclidean".equals(travelDto.methodOrDefault());

        Map<String, Supply> supplies = new LinkedHashMap<>();
        problem.supplies().forEach(s -> supplies.put(s.id(), new Supply(s.id(), s.name(),
                Supply.kgToMg(s.weightKg()), Supply.m3ToMm3(s.volumeM3()), s.isColdChain())));

        Map<String, Warehouse> warehouses = new LinkedHashMap<>();
        for (WarehouseDto w : problem.warehouses()) {
            Map<String, Long> stock = w.stock() == null ? Map.of() : w.stock();
            warehouses.put(w.id(), new Warehouse(w.id(), w.name(), warehouses.size(),
                    euclidean ? w.x() : w.lat(), euclidean ? w.y() : w.lon(), stock));
        }
        List<Hospital> hospitals = new ArrayList<>();
        for (HospitalDto h : problem.hospitals()) {
            long from = h.window() == null ? Long.MIN_VALUE / 4 : axis.toMillis(OffsetDateTime.parse(h.window().from()));
            long to = h.window() == null ? TimeAxis.OPEN_END : axis.toMillis(OffsetDateTime.parse(h.window().to()));
            hospitals.add(new Hospital(h.id(), h.name(), warehouses.size() + hospitals.size(),
                    euclidean ? h.x() : h.lat(), euclidean ? h.y() : h.lon(),
                    from, to, TimeAxis.minutesToMillis(h.unloadMinutesOrDefault())));
        }

        List<Site> sites = new ArrayList<>(warehouses.values());
        sites.addAll(hospitals);
        Travel travel = Travel.Tabulated.of(travel(travelDto, warehouses, hospitals), sites);
        List<Vehicle> vehicles = new ArrayList<>();
        List<Trip> trips = new ArrayList<>();
        Trip pool = Trip.unservedPool();
        trips.add(pool);
        for (VehicleDto v : problem.vehicles()) {
            Vehicle vehicle = new Vehicle(v.id(), warehouses.get(v.warehouse()),
                    v.capacityKg() == null ? Vehicle.UNLIMITED : Supply.kgToMg(v.capacityKg()),
                    v.capacityM3() == null ? Vehicle.UNLIMITED : Supply.m3ToMm3(v.capacityM3()),
                    v.isRefrigerated(), v.speedKmhOrDefault(),
                    v.shift() == null ? 0 : axis.toMillis(OffsetDateTime.parse(v.shift().from())),
                    v.shift() == null ? TimeAxis.OPEN_END : axis.toMillis(OffsetDateTime.parse(v.shift().to())),
                    v.fixedCost() == null ? 0 : v.fixedCost(), v.costPerKm() == null ? 1 : v.costPerKm(),
                    v.maxTripsOrDefault(), travel);
            vehicles.add(vehicle);
            Trip previous = null;
            for (int number = 1; number <= vehicle.maxTrips(); number++) {
                previous = new Trip(vehicle.id() + "#" + number, vehicle, previous);
                trips.add(previous);
            }
        }

        Map<Supply, Long> unitsPerTrip = new HashMap<>();
        supplies.values().forEach(supply -> unitsPerTrip.put(supply, unitsPerTrip(supply, vehicles)));
        List<DemandLine> lines = new ArrayList<>();
        for (int h = 0; h < hospitals.size(); h++) {
            for (ProblemFile.DemandDto d : problem.hospitals().get(h).demands()) {
                lines.add(new DemandLine(lines.size(), hospitals.get(h), supplies.get(d.supply()), d.quantity(),
                        Priority.fromWireName(d.priorityOrDefault()),
                        d.needBy() == null ? null : axis.toMillis(OffsetDateTime.parse(d.needBy())), d.isSplittable()));
            }
        }
        Map<DemandLine, Long> fairShares = fairSharesOfShortSupplies(lines, warehouses.values(), vehicles);
        List<Delivery> deliveries = new ArrayList<>();
        for (DemandLine line : lines) {
            long perTrip = unitsPerTrip.get(line.supply());
            Long share = fairShares.get(line);
            List<Delivery> chunks = new ArrayList<>();
            if (share == null) {
                // Stock covers the supply: an unsplittable line arrives whole in one stop, so one delivery
                // keeps the search small (classic routing instances are all such lines).
                int count = line.splittable() ? maxChunksPerLine : 1;
                addChunks(chunks, line, Chunking.split(line.quantity(), count, perTrip, trips.size()), false);
            } else {
                // The fair share in fine chunks (whole units up to 4,095), the rest of the request coarser.
                addChunks(chunks, line, Chunking.split(share, SHARE_CHUNKS, perTrip, trips.size()), true);
                addChunks(chunks, line, Chunking.split(line.quantity() - share, maxChunksPerLine, perTrip, trips.size()),
                        false);
            }
            deliveries.addAll(chunks);
            pool.getDeliveries().addAll(chunks);
        }
        DispatchSolution solution = new DispatchSolution(problem.name(), axis, List.copyOf(supplies.values()),
                List.copyOf(warehouses.values()), hospitals, lines, vehicles, trips, deliveries);
        Timeline.connect(trips);
        return solution;
    }

    /** Deliveries of the given sizes for the line, numbered on from those already in {@code chunks}. */
    private static void addChunks(List<Delivery> chunks, DemandLine line, List<Long> sizes, boolean inFairShare) {
        sizes.forEach(size -> chunks.add(new Delivery(line.index() + ":" + chunks.size(), line, size, inFairShare)));
    }

    /**
     * The lines' fair shares (see {@link FairShares}) of each supply whose loadable stock (at warehouses with
     * a vehicle that may carry it) is less than its lines ask for; supplies with enough stock are left out.
     */
    private static Map<DemandLine, Long> fairSharesOfShortSupplies(List<DemandLine> lines,
            Collection<Warehouse> warehouses, List<Vehicle> vehicles) {
        Map<Supply, List<DemandLine>> bySupply = new LinkedHashMap<>();
        lines.forEach(line -> bySupply.computeIfAbsent(line.supply(), s -> new ArrayList<>()).add(line));
        Map<DemandLine, Long> shares = new HashMap<>();
        bySupply.forEach((supply, ofSupply) -> {
            long loadable = warehouses.stream()
                    .filter(w -> vehicles.stream().anyMatch(v -> v.warehouse() == w && v.canCarry(supply)))
                    .mapToLong(w -> w.stockOf(supply)).sum();
            if (loadable < ofSupply.stream().mapToLong(DemandLine::quantity).sum()) {
                shares.putAll(FairShares.of(ofSupply, loadable));
            }
        });
        return shares;
    }

    /** The most units of a supply one trip of the largest suitable vehicle takes (at least 1). */
    private static long unitsPerTrip(Supply supply, List<Vehicle> vehicles) {
        long best = 1;
        for (Vehicle vehicle : vehicles) {
            if (vehicle.canCarry(supply)) {
                best = Math.max(best, Math.min(vehicle.capacityMg() / supply.weightMg(),
                        vehicle.capacityMm3() / supply.volumeMm3()));
            }
        }
        return best;
    }

    private static Travel travel(TravelDto dto, Map<String, Warehouse> warehouses, List<Hospital> hospitals) {
        return switch (dto.methodOrDefault()) {
            case "euclidean" -> new Travel.Euclidean("nearest".equals(dto.round()), dto.minutesPerKm());
            case "matrix" -> matrix(dto, warehouses, hospitals);
            default -> new Travel.Haversine(dto.roadFactor() == null ? 1.3 : dto.roadFactor(), dto.minutesPerKm());
        };
    }

    /** Re-indexes the file's matrices from {@code locations} order to site index order. */
    private static Travel matrix(TravelDto dto, Map<String, Warehouse> warehouses, List<Hospital> hospitals) {
        Map<String, Integer> siteIndex = new HashMap<>();
        warehouses.values().forEach(w -> siteIndex.put(w.id(), w.index()));
        hospitals.forEach(h -> siteIndex.put(h.id(), h.index()));
        int n = siteIndex.size();
        double[][] distance = new double[n][n];
        double[][] duration = new double[n][n];
        List<String> locations = dto.locations();
        for (int i = 0; i < locations.size(); i++) {
            for (int j = 0; j < locations.size(); j++) {
                int from = siteIndex.get(locations.get(i));
                int to = siteIndex.get(locations.get(j));
                distance[from][to] = dto.distanceKm()[i][j];
                duration[from][to] = dto.durationMinutes()[i][j];
            }
        }
        return new Travel.Matrix(distance, duration);
    }
}
