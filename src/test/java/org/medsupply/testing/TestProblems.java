// SPDX-License-Identifier: Apache-2.0
package org.medsupply.testing;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import org.medsupply.io.ProblemFile;
import org.medsupply.io.ProblemFile.DemandDto;
import org.medsupply.io.ProblemFile.HospitalDto;
import org.medsupply.io.ProblemFile.SupplyDto;
import org.medsupply.io.ProblemFile.TravelDto;
import org.medsupply.io.ProblemFile.VehicleDto;
import org.medsupply.io.ProblemFile.WarehouseDto;
import org.medsupply.io.ProblemFile.WindowDto;

/**
 * Small random problems on a plane (km = minutes) that exercise every rule: windows, shifts, several
 * trips, cold chain, scarce stock, unsplittable lines, deadlines and fixed costs.
 */
public final class TestProblems {

    private TestProblems() {
    }

    public static ProblemFile random(long seed, int hospitals, int vehicles) {
        return random(seed, hospitals, vehicles, 0);
    }

    /** @param tripsPerVehicle every vehicle's {@code maxTrips}, or 0 for a random 1 or 2 */
    public static ProblemFile random(long seed, int hospitals, int vehicles, int tripsPerVehicle) {
        SplittableRandom random = new SplittableRandom(seed);
        List<SupplyDto> supplies = List.of(
                new SupplyDto("n95", "N95 box", 1.2, 0.008, null, null),
                new SupplyDto("ventilator", "Ventilator", 45, 0.35, null, null),
                new SupplyDto("vaccine", "Vaccine tray", 4, 0.02, true, null));
        List<WarehouseDto> warehouses = List.of(
                new WarehouseDto("wh-a", "A", null, null, 0.0, 0.0, Map.of("n95", 400L, "ventilator", 6L, "vaccine", 30L), null),
                new WarehouseDto("wh-b", "B", null, null, 40.0, 10.0, Map.of("n95", 300L, "ventilator", 4L), null));
        List<HospitalDto> hospitalList = new ArrayList<>();
        for (int h = 0; h < hospitals; h++) {
            List<DemandDto> demands = new ArrayList<>();
            String[] priorities = {"critical", "high", "normal", "low"};
            for (String supply : List.of("n95", "ventilator", "vaccine")) {
                if (random.nextInt(3) == 0 && !demands.isEmpty()) {
                    continue;
                }
                long quantity = supply.equals("n95") ? 20 + random.nextInt(120) : 1 + random.nextInt(6);
                String needBy = random.nextInt(3) == 0 ? time(60 + random.nextInt(180)) : null;
                Boolean splittable = supply.equals("ventilator") && random.nextBoolean() ? false : null;
                demands.add(new DemandDto(supply, quantity, priorities[random.nextInt(4)], needBy, splittable, null));
            }
            WindowDto window = random.nextInt(3) == 0 ? null
                    : new WindowDto(time(random.nextInt(120)), time(200 + random.nextInt(400)));
            hospitalList.add(new HospitalDto("h" + h, "Hospital " + h, null, null,
                    (double) random.nextInt(60) - 10, (double) random.nextInt(50) - 20, window,
                    (double) (5 + random.nextInt(15)), demands, null));
        }
        List<VehicleDto> vehicleList = new ArrayList<>();
        for (int v = 0; v < vehicles; v++) {
            vehicleList.add(new VehicleDto("v" + v, v % 2 == 0 ? "wh-a" : "wh-b",
                    200.0 + random.nextInt(400), v % 3 == 0 ? 2.0 : null, v % 2 == 0, null,
                    new WindowDto(time(0), time(300 + random.nextInt(300))),
                    v % 4 == 0 ? 20.0 : null, null,
                    tripsPerVehicle > 0 ? tripsPerVehicle : 1 + random.nextInt(2), null));
        }
        return new ProblemFile("random-" + seed, time(0), supplies, warehouses, hospitalList, vehicleList,
                new TravelDto("euclidean", null, null, 1.0, null, null, null, null), null);
    }

    /**
     * {@link #random} with every warehouse stocked for all the demand and every vehicle as large as the
     * demand: nothing runs short but time, so the search is pure routing (as on the classic instances).
     */
    public static ProblemFile randomWithAmpleStock(long seed, int hospitals, int vehicles, int tripsPerVehicle) {
        ProblemFile problem = random(seed, hospitals, vehicles, tripsPerVehicle);
        Map<String, Long> demand = new java.util.HashMap<>();
        double demandKg = 0;
        for (HospitalDto hospital : problem.hospitals()) {
            for (DemandDto line : hospital.demands()) {
                demand.merge(line.supply(), line.quantity(), Long::sum);
                double kg = problem.supplies().stream().filter(supply -> supply.id().equals(line.supply()))
                        .findFirst().orElseThrow().weightKg();
                demandKg += kg * line.quantity();
            }
        }
        List<WarehouseDto> stocked = problem.warehouses().stream().map(w -> new WarehouseDto(w.id(), w.name(),
                w.lat(), w.lon(), w.x(), w.y(), demand, w.extensions())).toList();
        double capacityKg = demandKg;
        List<VehicleDto> large = problem.vehicles().stream().map(v -> new VehicleDto(v.id(), v.warehouse(),
                capacityKg, null, v.refrigerated(), v.speedKmh(), v.shift(), v.fixedCost(), v.costPerKm(),
                v.maxTrips(), v.extensions())).toList();
        return new ProblemFile(problem.name(), problem.start(), problem.supplies(), stocked, problem.hospitals(),
                large, problem.travel(), problem.extensions());
    }

    /** A time so many minutes after 06:00 on the test day. */
    public static String time(int minutes) {
        return java.time.OffsetDateTime.parse("2026-02-01T06:00:00+08:00").plusMinutes(minutes).toString();
    }
}
