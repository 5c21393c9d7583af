// SPDX-License-Identifier: Apache-2.0
package org.medsupply.io;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToLongFunction;

import org.medsupply.domain.Chunking;
import org.medsupply.domain.CommittedTrip;
import org.medsupply.domain.Delivery;
import org.medsupply.domain.DemandLine;
import org.medsupply.domain.DispatchSolution;
import org.medsupply.domain.FairShares;
import org.medsupply.domain.Hospital;
import org.medsupply.domain.Priority;
import org.medsupply.domain.ReferenceLoad;
import org.medsupply.domain.Replanning;
import org.medsupply.domain.Site;
import org.medsupply.domain.Supply;
import org.medsupply.domain.TimeAxis;
import org.medsupply.domain.Timeline;
import org.medsupply.domain.Travel;
import org.medsupply.domain.Trip;
import org.medsupply.domain.Vehicle;
import org.medsupply.domain.Warehouse;
import org.medsupply.io.ProblemFile.CommittedTripDto;
import org.medsupply.io.ProblemFile.HospitalDto;
import org.medsupply.io.ProblemFile.ReferenceTripDto;
import org.medsupply.io.ProblemFile.TravelDto;
import org.medsupply.io.ProblemFile.TripStopDto;
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
        Long nowMs = problem.now() == null ? null : axis.toMillis(OffsetDateTime.parse(problem.now()));
        Map<String, List<CommittedTripDto>> committedByVehicle = new HashMap<>();
        problem.committedOrEmpty().forEach(c -> committedByVehicle.computeIfAbsent(c.vehicle(), v -> new ArrayList<>()).add(c));
        Map<String, Hospital> hospitalsById = new HashMap<>();
        hospitals.forEach(hospital -> hospitalsById.put(hospital.id(), hospital));
        List<Vehicle> vehicles = new ArrayList<>();
        List<CommittedTrip> committed = new ArrayList<>();
        List<Trip> trips = new ArrayList<>();
        Trip pool = Trip.unservedPool();
        trips.add(pool);
        for (VehicleDto v : problem.vehicles()) {
            Vehicle asGiven = new Vehicle(v.id(), warehouses.get(v.warehouse()),
                    v.capacityKg() == null ? Vehicle.UNLIMITED : Supply.kgToMg(v.capacityKg()),
                    v.capacityM3() == null ? Vehicle.UNLIMITED : Supply.m3ToMm3(v.capacityM3()),
                    v.isRefrigerated(), v.speedKmhOrDefault(),
                    v.shift() == null ? 0 : axis.toMillis(OffsetDateTime.parse(v.shift().from())),
                    v.shift() == null ? TimeAxis.OPEN_END : axis.toMillis(OffsetDateTime.parse(v.shift().to())),
                    v.fixedCost() == null ? 0 : v.fixedCost(), v.costPerKm() == null ? 1 : v.costPerKm(),
                    v.maxTripsOrDefault(), travel);
            List<CommittedTripDto> underWay = committedByVehicle.getOrDefault(v.id(), List.of());
            Vehicle vehicle = forNewTrips(asGiven, nowMs,
                    underWay.stream().map(c -> committedTrip(c, asGiven, axis, hospitalsById, supplies)).toList());
            underWay.forEach(c -> committed.add(committedTrip(c, vehicle, axis, hospitalsById, supplies)));
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
        Replanning replanning = new Replanning(committed, committedUnits(lines, committed),
                referenceLoads(problem, vehicles, hospitalsById, supplies));
        // a line that must arrive in one stop and got units from a trip under way can get no more from another
        ToLongFunction<DemandLine> toBring = line -> !line.splittable() && replanning.committedUnits(line) > 0 ? 0
                : line.quantity() - replanning.committedUnits(line);
        Map<DemandLine, Long> fairShares = fairSharesOfShortSupplies(lines, toBring, warehouses.values(), vehicles);
        List<Delivery> deliveries = new ArrayList<>();
        for (DemandLine line : lines) {
            long perTrip = unitsPerTrip.get(line.supply());
            long units = toBring.applyAsLong(line);
            Long share = fairShares.get(line);
            List<Delivery> chunks = new ArrayList<>();
            if (units == 0) {
                continue; // brought by trips under way, in full or as far as an unsplittable line may be
            }
            if (share == null) {
                // Stock covers the supply: an unsplittable line arrives whole in one stop, so one delivery
                // keeps the search small (classic routing instances are all such lines).
                int count = line.splittable() ? maxChunksPerLine : 1;
                addChunks(chunks, line, Chunking.split(units, count, perTrip, trips.size()), false);
            } else {
                // The fair share in fine chunks (whole units up to 4,095), the rest of the request coarser.
                addChunks(chunks, line, Chunking.split(share, SHARE_CHUNKS, perTrip, trips.size()), true);
                addChunks(chunks, line, Chunking.split(units - share, maxChunksPerLine, perTrip, trips.size()),
                        false);
            }
            deliveries.addAll(chunks);
            pool.getDeliveries().addAll(chunks);
        }
        DispatchSolution solution = new DispatchSolution(problem.name(), axis, List.copyOf(supplies.values()),
                List.copyOf(warehouses.values()), hospitals, lines, vehicles, trips, deliveries);
        solution.setReplanning(replanning);
        Timeline.connect(trips);
        return solution;
    }

    /**
     * The vehicle as new trips see it: they leave no earlier than {@code now} and than the return of its last
     * trip under way, and its trips under way count toward {@code maxTrips}.
     */
    private static Vehicle forNewTrips(Vehicle v, Long nowMs, List<CommittedTrip> underWay) {
        long earliest = v.shiftFromMs();
        if (nowMs != null) {
            earliest = Math.max(earliest, nowMs);
        }
        if (!underWay.isEmpty()) {
            earliest = Math.max(earliest, underWay.get(underWay.size() - 1).returnMs());
        }
        return new Vehicle(v.id(), v.warehouse(), v.capacityMg(), v.capacityMm3(), v.refrigerated(), v.speedKmh(),
                earliest, v.shiftToMs(), v.fixedCost(), v.costPerKm(), Math.max(0, v.maxTrips() - underWay.size()),
                v.travel());
    }

    private static CommittedTrip committedTrip(CommittedTripDto dto, Vehicle vehicle, TimeAxis axis,
            Map<String, Hospital> hospitals, Map<String, Supply> supplies) {
        List<CommittedTrip.Stop> stops = new ArrayList<>();
        for (TripStopDto stop : dto.stops()) {
            Map<Supply, Long> deliver = new LinkedHashMap<>();
            stop.deliver().forEach((supply, units) -> deliver.merge(supplies.get(supply), units, Long::sum));
            stops.add(new CommittedTrip.Stop(hospitals.get(stop.hospital()), deliver));
        }
        return new CommittedTrip(vehicle, axis.toMillis(OffsetDateTime.parse(dto.departure())), stops);
    }

    /**
     * Units the trips under way bring toward each line: a hospital's units of a supply go to its most urgent
     * lines of that supply first, none beyond a line's quantity (what is left over is over-delivered).
     */
    private static Map<DemandLine, Long> committedUnits(List<DemandLine> lines, List<CommittedTrip> committed) {
        Map<DemandLine, Long> units = new HashMap<>();
        Comparator<DemandLine> urgentFirst = Comparator.comparing(DemandLine::priority)
                .thenComparingInt(DemandLine::index);
        for (CommittedTrip trip : committed) {
            for (CommittedTrip.Stop stop : trip.stops()) {
                stop.deliver().forEach((supply, quantity) -> {
                    long left = quantity;
                    for (DemandLine line : lines.stream().filter(l -> l.hospital() == stop.hospital()
                            && l.supply() == supply).sorted(urgentFirst).toList()) {
                        long taken = Math.min(left, line.quantity() - units.getOrDefault(line, 0L));
                        units.merge(line, taken, Long::sum);
                        left -= taken;
                    }
                });
            }
        }
        return units;
    }

    /** The announced deliveries summed per vehicle, hospital and supply, in the order first named. */
    private static List<ReferenceLoad> referenceLoads(ProblemFile problem, List<Vehicle> vehicles,
            Map<String, Hospital> hospitals, Map<String, Supply> supplies) {
        Map<List<String>, Long> units = new LinkedHashMap<>();
        for (ReferenceTripDto trip : problem.referenceOrEmpty()) {
            for (TripStopDto stop : trip.stops()) {
                stop.deliver().forEach((supply, quantity) ->
                        units.merge(List.of(trip.vehicle(), stop.hospital(), supply), quantity, Long::sum));
            }
        }
        List<ReferenceLoad> loads = new ArrayList<>();
        units.forEach((key, quantity) -> {
            if (quantity > 0) {
                loads.add(new ReferenceLoad(vehicles.stream().filter(v -> v.id().equals(key.get(0))).findFirst()
                        .orElse(null), hospitals.get(key.get(1)), supplies.get(key.get(2)), quantity));
            }
        });
        return loads;
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
            ToLongFunction<DemandLine> toBring, Collection<Warehouse> warehouses, List<Vehicle> vehicles) {
        Map<Supply, List<DemandLine>> bySupply = new LinkedHashMap<>();
        lines.forEach(line -> bySupply.computeIfAbsent(line.supply(), s -> new ArrayList<>()).add(line));
        Map<DemandLine, Long> shares = new HashMap<>();
        bySupply.forEach((supply, ofSupply) -> {
            long loadable = warehouses.stream()
                    .filter(w -> vehicles.stream().anyMatch(v -> v.warehouse() == w && v.canCarry(supply)))
                    .mapToLong(w -> w.stockOf(supply)).sum();
            if (loadable < ofSupply.stream().mapToLong(toBring).sum()) {
                shares.putAll(FairShares.of(ofSupply, toBring, loadable));
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
