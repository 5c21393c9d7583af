// SPDX-License-Identifier: Apache-2.0
package org.medsupply.domain;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Explains every shortfall of a plan, testing the causes in order:
 * <ol>
 * <li>cold-chain: a cold-chain supply and no refrigerated vehicle loads where it is stocked;</li>
 * <li>time: no vehicle able to carry it can drive there and back inside the site's window and its shift;</li>
 * <li>stock / priority: the warehouses those vehicles load at have none of it left; "priority" when
 * lines of higher priority alone asked for more than was in stock, "stock" otherwise (the shortage was
 * shared among lines of this priority);</li>
 * <li>fleet: stock is left, but the vehicles that could bring it are full or out of shift time.</li>
 * </ol>
 */
public final class ShortfallDiagnosis {

    private static final int IDS_NAMED = 5;

    private final DispatchSolution solution;
    private final Map<DemandLine, Long> delivered;
    private final Map<Warehouse, Map<Supply, Long>> shipped = new HashMap<>();

    /** @param delivered units delivered per line in the plan (missing = none) */
    public ShortfallDiagnosis(DispatchSolution solution, Map<DemandLine, Long> delivered) {
        this.solution = solution;
        this.delivered = delivered;
        for (Trip trip : solution.getTrips()) {
            if (!trip.isUnservedPool()) {
                for (Delivery delivery : trip.getDeliveries()) {
                    shipped.computeIfAbsent(trip.getVehicle().warehouse(), w -> new HashMap<>())
                            .merge(delivery.getSupply(), delivery.getQuantity(), Long::sum);
                }
            }
        }
    }

    public List<Shortfall> shortfalls() {
        List<Shortfall> shortfalls = new ArrayList<>();
        for (DemandLine line : solution.getLines()) {
            long missing = line.quantity() - delivered.getOrDefault(line, 0L);
            if (missing > 0) {
                shortfalls.add(diagnose(line, missing));
            }
        }
        return shortfalls;
    }

    private Shortfall diagnose(DemandLine line, long missing) {
        Supply supply = line.supply();
        List<Warehouse> stocking = solution.getWarehouses().stream().filter(w -> w.stockOf(supply) > 0).toList();
        if (stocking.isEmpty()) {
            return new Shortfall(line, missing, Shortfall.Cause.STOCK,
                    "stock: no warehouse holds any " + supply.id());
        }
        List<Vehicle> carriers = solution.getVehicles().stream()
                .filter(v -> v.canCarry(supply) && stocking.contains(v.warehouse())).toList();
        if (carriers.isEmpty()) {
            return new Shortfall(line, missing, Shortfall.Cause.COLD_CHAIN, "cold-chain: " + supply.id()
                    + " needs a refrigerated vehicle and none loads at " + ids(stocking));
        }
        List<Vehicle> reaching = carriers.stream().filter(v -> canReach(v, line.hospital())).toList();
        if (reaching.isEmpty()) {
            return new Shortfall(line, missing, Shortfall.Cause.TIME, "time: none of " + ids(carriers)
                    + " can reach " + line.hospital().id() + " inside its receiving window and be back by the end of its shift");
        }
        List<Warehouse> sources = reaching.stream().map(Vehicle::warehouse).distinct().toList();
        long stock = sources.stream().mapToLong(w -> w.stockOf(supply)).sum();
        long left = sources.stream().mapToLong(w -> w.stockOf(supply) - shipped(w, supply)).sum();
        if (left <= 0) {
            long higher = requested(supply, line.priority(), true);
            if (higher >= stock) {
                return new Shortfall(line, missing, Shortfall.Cause.PRIORITY, String.format(Locale.ROOT,
                        "priority: all %d %s at %s went to higher-priority lines, which asked for %d",
                        stock, supply.id(), ids(sources), higher));
            }
            return new Shortfall(line, missing, Shortfall.Cause.STOCK, String.format(Locale.ROOT,
                    "stock: %s holds %d %s for %d requested at %s priority or above; all dispatched, shortfall shared",
                    ids(sources), stock, supply.id(), requested(supply, line.priority(), false),
                    line.priority().wireName()));
        }
        return new Shortfall(line, missing, Shortfall.Cause.FLEET, String.format(Locale.ROOT,
                "fleet: %d %s left at %s, but %s %s full or out of shift time",
                left, supply.id(), ids(sources), ids(reaching), reaching.size() == 1 ? "is" : "are"));
    }

    private long shipped(Warehouse warehouse, Supply supply) {
        return shipped.getOrDefault(warehouse, Map.of()).getOrDefault(supply, 0L);
    }

    /** Units of a supply requested at priorities above (strictly) or at-or-above the given one. */
    private long requested(Supply supply, Priority priority, boolean strictlyHigher) {
        return solution.getLines().stream()
                .filter(l -> l.supply() == supply && (strictlyHigher
                        ? l.priority().compareTo(priority) < 0 : l.priority().compareTo(priority) <= 0))
                .mapToLong(DemandLine::quantity).sum();
    }

    /** Whether the vehicle alone could go there at the start of its shift and come back in time. */
    private static boolean canReach(Vehicle vehicle, Hospital hospital) {
        long start = Math.max(vehicle.shiftFromMs() + vehicle.drivingMs(vehicle.warehouse(), hospital),
                hospital.windowFromMs());
        return start <= hospital.windowToMs() && start + hospital.unloadMs()
                + vehicle.drivingMs(hospital, vehicle.warehouse()) <= vehicle.shiftToMs();
    }

    /** A few ids, then how many more: a reason is read by a coordinator, not a list of the whole fleet. */
    private static String ids(List<?> items) {
        String named = items.stream().limit(IDS_NAMED).map(item -> item instanceof Vehicle v ? v.id() : ((Site) item).id())
                .collect(Collectors.joining(", "));
        return items.size() <= IDS_NAMED ? named : named + " and " + (items.size() - IDS_NAMED) + " more";
    }
}
