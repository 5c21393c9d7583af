// SPDX-License-Identifier: Apache-2.0
package org.medsupply.solver;

import static org.optaplanner.core.api.score.stream.ConstraintCollectors.countDistinct;
import static org.optaplanner.core.api.score.stream.ConstraintCollectors.max;
import static org.optaplanner.core.api.score.stream.ConstraintCollectors.sumLong;
import static org.optaplanner.core.api.score.stream.Joiners.equal;
import static org.optaplanner.core.api.score.stream.Joiners.filtering;

import org.medsupply.domain.Delivery;
import org.medsupply.domain.DemandLine;
import org.medsupply.domain.Priority;
import org.medsupply.domain.ReferenceLoad;
import org.medsupply.domain.ScoreLevels;
import org.medsupply.domain.TimeAxis;
import org.medsupply.domain.Timeline;
import org.medsupply.domain.Trip;
import org.medsupply.domain.Vehicle;
import org.optaplanner.core.api.score.buildin.bendablelong.BendableLongScore;
import org.optaplanner.core.api.score.stream.Constraint;
import org.optaplanner.core.api.score.stream.ConstraintFactory;
import org.optaplanner.core.api.score.stream.ConstraintProvider;
import org.optaplanner.core.api.score.stream.uni.UniConstraintStream;

/**
 * The rules of FORMAT.md as constraint streams. Each constraint is penalised by the size of what it
 * measures (grams, units, minutes, metres), never by a flat 1; the README's table lists them.
 */
public class DispatchConstraintProvider implements ConstraintProvider {

    private static final BendableLongScore HARD = BendableLongScore.ofHard(
            ScoreLevels.HARD_LEVELS, ScoreLevels.SOFT_LEVELS, 0, 1);

    @Override
    public Constraint[] defineConstraints(ConstraintFactory factory) {
        return new Constraint[] {
                vehicleWeightCapacity(factory),
                vehicleVolumeCapacity(factory),
                warehouseStock(factory),
                coldChain(factory),
                receivingWindow(factory),
                vehicleShift(factory),
                unsplittableLine(factory),
                unmetDemand(factory, Priority.CRITICAL),
                fairShortfall(factory, Priority.CRITICAL),
                unmetDemand(factory, Priority.HIGH),
                fairShortfall(factory, Priority.HIGH),
                unmetDemand(factory, Priority.NORMAL),
                fairShortfall(factory, Priority.NORMAL),
                unmetDemand(factory, Priority.LOW),
                fairShortfall(factory, Priority.LOW),
                lateDelivery(factory),
                referenceMoved(factory),
                referenceCut(factory),
                travelCost(factory),
                vehicleFixedCost(factory),
        };
    }

    private static UniConstraintStream<Delivery> dispatched(ConstraintFactory factory) {
        return factory.forEach(Delivery.class).filter(Delivery::isDispatched);
    }

    private static BendableLongScore soft(int level) {
        return BendableLongScore.ofSoft(ScoreLevels.HARD_LEVELS, ScoreLevels.SOFT_LEVELS, level, 1);
    }

    /** A trip carries no more kilograms than the vehicle takes. Hard; per gram over. */
    protected Constraint vehicleWeightCapacity(ConstraintFactory factory) {
        return dispatched(factory)
                .groupBy(Delivery::getTrip, sumLong(Delivery::weightMg))
                .filter((trip, mg) -> mg > trip.getVehicle().capacityMg())
                .penalizeLong(HARD, (trip, mg) -> ceilDiv(mg - trip.getVehicle().capacityMg(), 1000))
                .asConstraint(ConstraintNames.VEHICLE_WEIGHT_CAPACITY);
    }

    /** A trip carries no more volume than the vehicle holds. Hard; per litre over. */
    protected Constraint vehicleVolumeCapacity(ConstraintFactory factory) {
        return dispatched(factory)
                .groupBy(Delivery::getTrip, sumLong(Delivery::volumeMm3))
                .filter((trip, mm3) -> mm3 > trip.getVehicle().capacityMm3())
                .penalizeLong(HARD, (trip, mm3) -> ceilDiv(mm3 - trip.getVehicle().capacityMm3(), 1_000_000))
                .asConstraint(ConstraintNames.VEHICLE_VOLUME_CAPACITY);
    }

    /** A warehouse ships no more of a supply than it holds. Hard; per unit over. */
    protected Constraint warehouseStock(ConstraintFactory factory) {
        return dispatched(factory)
                .groupBy(delivery -> delivery.getVehicle().warehouse(), Delivery::getSupply,
                        sumLong(Delivery::getQuantity))
                .filter((warehouse, supply, units) -> units > warehouse.stockOf(supply))
                .penalizeLong(HARD, (warehouse, supply, units) -> units - warehouse.stockOf(supply))
                .asConstraint(ConstraintNames.WAREHOUSE_STOCK);
    }

    /** Cold-chain supplies travel only on refrigerated vehicles. Hard; per unit. */
    protected Constraint coldChain(ConstraintFactory factory) {
        return dispatched(factory)
                .filter(delivery -> !delivery.getVehicle().canCarry(delivery.getSupply()))
                .penalizeLong(HARD, Delivery::getQuantity)
                .asConstraint(ConstraintNames.COLD_CHAIN);
    }

    /** Unloading starts inside the hospital's receiving window. Hard; per minute after it closes. */
    protected Constraint receivingWindow(ConstraintFactory factory) {
        return dispatched(factory)
                .filter(delivery -> delivery.startsStop() && delivery.getStartMs() > delivery.getHospital().windowToMs())
                .penalizeLong(HARD, delivery -> TimeAxis.ceilMinutes(
                        delivery.getStartMs() - delivery.getHospital().windowToMs()))
                .asConstraint(ConstraintNames.RECEIVING_WINDOW);
    }

    /** A vehicle is back at its warehouse by the end of its shift. Hard; per minute after it. */
    protected Constraint vehicleShift(ConstraintFactory factory) {
        return dispatched(factory)
                .filter(delivery -> delivery.makesLastStop() && returnMs(delivery) > delivery.getVehicle().shiftToMs())
                .penalizeLong(HARD, delivery -> TimeAxis.ceilMinutes(returnMs(delivery) - delivery.getVehicle().shiftToMs()))
                .asConstraint(ConstraintNames.VEHICLE_SHIFT);
    }

    /** A line marked not splittable is served by one stop. Hard; per extra stop. */
    protected Constraint unsplittableLine(ConstraintFactory factory) {
        return dispatched(factory)
                .filter(delivery -> !delivery.getLine().splittable())
                .groupBy(Delivery::getLine, countDistinct(delivery -> new Stop(delivery.getTrip(), delivery.getStopNumber())))
                .filter((line, stops) -> stops > 1)
                .penalizeLong(HARD, (line, stops) -> stops - 1L)
                .asConstraint(ConstraintNames.UNSPLITTABLE_LINE);
    }

    /** Every unit requested and not delivered, at the level of its priority. Per unit. */
    protected Constraint unmetDemand(ConstraintFactory factory, Priority priority) {
        return factory.forEach(Delivery.class)
                .filter(delivery -> delivery.isUnserved() && delivery.getLine().priority() == priority)
                .penalizeLong(soft(ScoreLevels.unmet(priority)), Delivery::getQuantity)
                .asConstraint(ConstraintNames.unmetDemand(priority));
    }

    /**
     * Shortfall of one priority spread evenly, on the level just below its units: per line,
     * {@link ConstraintNames#unfairness}. Plans compared here miss the same number of units of the
     * priority, and for a fixed total shortfall the sum of shortfall^2 / requested is least when every
     * line misses the same share, so equal fill rates beat starving one site to fully serve another.
     */
    protected Constraint fairShortfall(ConstraintFactory factory, Priority priority) {
        return factory.forEach(Delivery.class)
                .filter(delivery -> delivery.isUnserved() && delivery.getLine().priority() == priority)
                .groupBy(Delivery::getLine, sumLong(Delivery::getQuantity))
                .penalizeLong(soft(ScoreLevels.fairness(priority)), ConstraintNames::unfairness)
                .asConstraint(ConstraintNames.fairShortfall(priority));
    }

    /** Minutes after {@code needBy} that a line's last delivery starts, times the priority weight. */
    protected Constraint lateDelivery(ConstraintFactory factory) {
        return dispatched(factory)
                .filter(delivery -> delivery.getLine().needByMs() != null)
                .groupBy(Delivery::getLine, max(Delivery::getStartMs))
                .filter((line, start) -> start > line.needByMs())
                .penalizeLong(soft(ScoreLevels.LATENESS),
                        (line, start) -> TimeAxis.ceilMinutes(start - line.needByMs()) * line.priority().weight())
                .asConstraint(ConstraintNames.LATE_DELIVERY);
    }

    /**
     * Announced units (re-planning: {@code reference}) of which their vehicle no longer brings any to that
     * hospital. Per unit; with {@link #referenceCut} the stability level.
     */
    protected Constraint referenceMoved(ConstraintFactory factory) {
        return factory.forEach(ReferenceLoad.class)
                .ifNotExists(Delivery.class, equal(ReferenceLoad::hospital, Delivery::getHospital),
                        equal(ReferenceLoad::supply, Delivery::getSupply), filtering(ReferenceLoad::keptBy))
                .penalizeLong(soft(ScoreLevels.STABILITY), ReferenceLoad::units)
                .asConstraint(ConstraintNames.REFERENCE_MOVED);
    }

    /** Announced units that their vehicle still brings to that hospital, but fewer of. Per unit missing. */
    protected Constraint referenceCut(ConstraintFactory factory) {
        return factory.forEach(ReferenceLoad.class)
                .join(Delivery.class, equal(ReferenceLoad::hospital, Delivery::getHospital),
                        equal(ReferenceLoad::supply, Delivery::getSupply), filtering(ReferenceLoad::keptBy))
                .groupBy((reference, delivery) -> reference, sumLong((reference, delivery) -> delivery.getQuantity()))
                .filter((reference, kept) -> kept < reference.units())
                .penalizeLong(soft(ScoreLevels.STABILITY), (reference, kept) -> reference.units() - kept)
                .asConstraint(ConstraintNames.REFERENCE_CUT);
    }

    /** Driving to each stop, and back to the warehouse after the last; metres times cost per km. */
    protected Constraint travelCost(ConstraintFactory factory) {
        return dispatched(factory)
                .filter(Delivery::startsStop)
                .penalizeLong(soft(ScoreLevels.TRAVEL), DispatchConstraintProvider::travelCostOf)
                .asConstraint(ConstraintNames.TRAVEL_COST);
    }

    /** The fixed cost of each vehicle that moves at all, in thousandths. */
    protected Constraint vehicleFixedCost(ConstraintFactory factory) {
        return dispatched(factory)
                .filter(delivery -> delivery.getVehicle().fixedCost() > 0)
                .groupBy(Delivery::getVehicle)
                .penalizeLong(soft(ScoreLevels.TRAVEL), vehicle -> Math.round(vehicle.fixedCost() * 1000))
                .asConstraint(ConstraintNames.VEHICLE_FIXED_COST);
    }

    static long travelCostOf(Delivery delivery) {
        Vehicle vehicle = delivery.getVehicle();
        long cost = vehicle.travelCost(delivery.getStopOrigin(), delivery.getHospital());
        if (delivery.makesLastStop()) {
            cost += vehicle.travelCost(delivery.getHospital(), vehicle.warehouse());
        }
        return cost;
    }

    private static long returnMs(Delivery delivery) {
        return Timeline.returnMs(delivery.getVehicle(), delivery.getHospital(), delivery.getDepartureMs());
    }

    private static long ceilDiv(long a, long b) {
        return (a + b - 1) / b;
    }

    /** A stop: the run of deliveries of one trip at one hospital. */
    record Stop(Trip trip, int number) {
    }
}
