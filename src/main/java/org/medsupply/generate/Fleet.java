// SPDX-License-Identifier: Apache-2.0
package org.medsupply.generate;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntFunction;

import org.medsupply.io.ProblemFile.VehicleDto;
import org.medsupply.io.ProblemFile.WindowDto;

/**
 * The vehicles of a generated problem and where they are based. Every warehouse gets at least one
 * vehicle when there are enough; half the warehouses (rounded up) are cold stores, which share the
 * refrigerated vans (15 % of the fleet, at least one per cold store); about three in ten of the other
 * vehicles are trucks. Hired vehicles carry a {@code fixedCost}.
 */
final class Fleet {

    /** A vehicle type with its id prefix. */
    private enum Kind {
        VAN("van-"), TRUCK("truck-"), REFRIGERATED_VAN("reefer-");

        final String prefix;

        Kind(String prefix) {
            this.prefix = prefix;
        }
    }

    /** Day, early and late shifts, minutes after the plan start (06:00), and how common each is. */
    private static final int[][] SHIFTS = {{0, 720}, {0, 480}, {360, 960}};
    private static final double[] SHIFT_SHARES = {0.5, 0.25, 0.25};
    /** Share of the whole fleet that is refrigerated: enough for the vaccine stops of a day. */
    private static final double REFRIGERATED_SHARE = 0.15;

    private final List<VehicleDto> vehicles;
    private final int[] perWarehouse;
    private final boolean[] refrigerated;

    private Fleet(List<VehicleDto> vehicles, int[] perWarehouse, boolean[] refrigerated) {
        this.vehicles = vehicles;
        this.perWarehouse = perWarehouse;
        this.refrigerated = refrigerated;
    }

    /** @param time formats minutes after the plan start as a FORMAT.md time */
    static Fleet draw(Draws draws, int vehicleCount, int warehouseCount, IntFunction<String> time) {
        int[] perWarehouse = vehiclesPerWarehouse(draws, vehicleCount, warehouseCount);
        boolean[] coldStore = drawColdStores(draws, perWarehouse);
        int coldStoreVehicles = 0;
        for (int w = 0; w < warehouseCount; w++) {
            coldStoreVehicles += coldStore[w] ? perWarehouse[w] : 0;
        }
        List<VehicleDto> vehicles = new ArrayList<>();
        Map<Kind, Integer> numbered = new EnumMap<>(Kind.class);
        for (int w = 0; w < warehouseCount; w++) {
            int count = perWarehouse[w];
            int refrigeratedVans = coldStore[w] ? (int) Math.min(count, Math.max(1,
                    Math.round(REFRIGERATED_SHARE * vehicleCount * count / coldStoreVehicles))) : 0;
            int trucks = (int) Math.min(count - refrigeratedVans, Math.round(count * 0.3));
            int vans = count - refrigeratedVans - trucks;
            String warehouseId = warehouseId(w, warehouseCount);
            for (Kind kind : Kind.values()) {
                int ofKind = switch (kind) {
                    case VAN -> vans;
                    case TRUCK -> trucks;
                    case REFRIGERATED_VAN -> refrigeratedVans;
                };
                for (int i = 0; i < ofKind; i++) {
                    int number = numbered.merge(kind, 1, Integer::sum) - 1;
                    vehicles.add(vehicle(kind, ProblemGenerator.id(kind.prefix, number, vehicleCount), warehouseId,
                            draws, time));
                }
            }
        }
        return new Fleet(vehicles, perWarehouse, coldStore);
    }

    /** One each while they last, the rest in proportion to drawn depot sizes. */
    private static int[] vehiclesPerWarehouse(Draws draws, int vehicleCount, int warehouseCount) {
        double[] sizes = new double[warehouseCount];
        for (int w = 0; w < warehouseCount; w++) {
            sizes[w] = draws.between(0.6, 1.4);
        }
        int[] counts = new int[warehouseCount];
        int base = Math.min(vehicleCount, warehouseCount);
        for (int w = 0; w < base; w++) {
            counts[w] = 1;
        }
        List<Long> rest = Apportion.largestRemainder(vehicleCount - base, sizes);
        for (int w = 0; w < warehouseCount; w++) {
            counts[w] += rest.get(w).intValue();
        }
        return counts;
    }

    /** Half of the warehouses that have vehicles (rounded up), drawn uniformly (selection sampling). */
    private static boolean[] drawColdStores(Draws draws, int[] perWarehouse) {
        int based = 0;
        for (int count : perWarehouse) {
            based += count > 0 ? 1 : 0;
        }
        int wanted = (based + 1) / 2;
        boolean[] coldStore = new boolean[perWarehouse.length];
        for (int w = 0; w < perWarehouse.length && wanted > 0; w++) {
            if (perWarehouse[w] > 0) {
                coldStore[w] = draws.chance((double) wanted / based);
                wanted -= coldStore[w] ? 1 : 0;
                based--;
            }
        }
        return coldStore;
    }

    private static VehicleDto vehicle(Kind kind, String id, String warehouseId, Draws draws, IntFunction<String> time) {
        int[] shift = SHIFTS[draws.weightedIndex(SHIFT_SHARES)];
        WindowDto window = new WindowDto(time.apply(shift[0]), time.apply(shift[1]));
        return switch (kind) {
            case VAN -> new VehicleDto(id, warehouseId, (double) draws.stepBetween(900, 1400, 100),
                    (double) draws.intBetween(6, 10), null, draws.chance(0.5) ? 45.0 : 40.0, window,
                    fixedCost(draws, 0.3, 30, 60), null, draws.intBetween(2, 3), null);
            case TRUCK -> new VehicleDto(id, warehouseId, (double) draws.stepBetween(3000, 8000, 500),
                    (double) draws.stepBetween(18, 40, 2), null, 35.0, window,
                    fixedCost(draws, 0.5, 120, 200), null, draws.intBetween(1, 2), null);
            case REFRIGERATED_VAN -> new VehicleDto(id, warehouseId, (double) draws.stepBetween(600, 900, 50),
                    (double) draws.intBetween(4, 6), Boolean.TRUE, 40.0, window,
                    fixedCost(draws, 0.3, 40, 70), null, draws.intBetween(1, 3), null);
        };
    }

    /** A hired vehicle's cost for the day (in steps of 5 between the bounds), or null for an own one. */
    private static Double fixedCost(Draws draws, double hiredShare, int min, int max) {
        return draws.chance(hiredShare) ? (double) draws.stepBetween(min, max, 5) : null;
    }

    static String warehouseId(int index, int count) {
        return ProblemGenerator.id("wh-", index, count);
    }

    List<VehicleDto> vehicles() {
        return vehicles;
    }

    /** The warehouse's share of the fleet, in [0, 1]. */
    double share(int warehouse) {
        return (double) perWarehouse[warehouse] / vehicles.size();
    }

    boolean hasRefrigerated(int warehouse) {
        return refrigerated[warehouse];
    }

    /** The warehouse with most vehicles (with refrigerated ones if asked): where stock goes by default. */
    int largestDepot(boolean withRefrigerated) {
        int best = -1;
        for (int w = 0; w < perWarehouse.length; w++) {
            if ((!withRefrigerated || refrigerated[w]) && (best < 0 || perWarehouse[w] > perWarehouse[best])) {
                best = w;
            }
        }
        return best;
    }
}
