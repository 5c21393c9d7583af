// SPDX-License-Identifier: Apache-2.0
package org.medsupply.solver;

import static org.medsupply.testing.Fixtures.MASKS;
import static org.medsupply.testing.Fixtures.MINUTE;
import static org.medsupply.testing.Fixtures.VACCINE;
import static org.medsupply.testing.Fixtures.delivery;
import static org.medsupply.testing.Fixtures.hospital;
import static org.medsupply.testing.Fixtures.line;
import static org.medsupply.testing.Fixtures.pool;
import static org.medsupply.testing.Fixtures.trips;
import static org.medsupply.testing.Fixtures.vehicle;
import static org.medsupply.testing.Fixtures.warehouse;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.medsupply.domain.Delivery;
import org.medsupply.domain.DemandLine;
import org.medsupply.domain.DispatchSolution;
import org.medsupply.domain.Hospital;
import org.medsupply.domain.Priority;
import org.medsupply.domain.ReferenceLoad;
import org.medsupply.domain.Supply;
import org.medsupply.domain.TimeAxis;
import org.medsupply.domain.Trip;
import org.medsupply.domain.Vehicle;
import org.medsupply.domain.Warehouse;
import org.medsupply.testing.Fixtures;
import org.optaplanner.test.api.score.stream.ConstraintVerifier;

/**
 * One penalised and one unpenalised case per constraint, on a plane where a hospital at (3,4) is 5 km
 * and 5 minutes from the warehouse at (0,0).
 */
class DispatchConstraintProviderTest {

    private final ConstraintVerifier<DispatchConstraintProvider, DispatchSolution> verifier =
            ConstraintVerifier.create(SolverConfigs.production()); // Bavet, as in production

    private final Warehouse depot = warehouse("wh", 10, 10);
    private final Hospital h1 = hospital("h1", 1, 3, 4);
    private final Hospital h2 = hospital("h2", 2, 3, 0);

    private static List<Object> facts(List<Trip> trips, Delivery... deliveries) {
        List<Object> facts = new ArrayList<>(trips);
        facts.addAll(List.of(deliveries));
        return facts;
    }

    @Test
    void vehicleWeightCapacityPenalizedPerGramOver() {
        Vehicle van = vehicle("van", depot, 10, false);
        Delivery a = delivery(line(0, h1, MASKS, 7, Priority.HIGH), 7);
        Delivery b = delivery(line(1, h2, MASKS, 5, Priority.HIGH), 5);
        verifier.verifyThat(DispatchConstraintProvider::vehicleWeightCapacity)
                .given(facts(trips(van, List.of(a, b)), a, b).toArray())
                .penalizesBy(2000); // 12 kg on a 10 kg van
    }

    @Test
    void vehicleWeightCapacityUnpenalizedWhenFull() {
        Vehicle van = vehicle("van", depot, 10, false);
        Delivery a = delivery(line(0, h1, MASKS, 7, Priority.HIGH), 7);
        Delivery b = delivery(line(1, h2, MASKS, 3, Priority.HIGH), 3);
        verifier.verifyThat(DispatchConstraintProvider::vehicleWeightCapacity)
                .given(facts(trips(van, List.of(a, b)), a, b).toArray())
                .penalizesBy(0);
    }

    private Vehicle vanWithVolume(double m3) {
        return new Vehicle("van", depot, Vehicle.UNLIMITED, Supply.m3ToMm3(m3), false, 60, 0, TimeAxis.OPEN_END, 0, 1,
                1, Fixtures.PLANE);
    }

    @Test
    void vehicleVolumeCapacityPenalizedPerLitreOver() {
        Delivery a = delivery(line(0, h1, MASKS, 12, Priority.HIGH), 12); // 0.12 m3
        verifier.verifyThat(DispatchConstraintProvider::vehicleVolumeCapacity)
                .given(facts(trips(vanWithVolume(0.1), List.of(a)), a).toArray())
                .penalizesBy(20);
    }

    @Test
    void vehicleVolumeCapacityUnpenalizedWithinVolume() {
        Delivery a = delivery(line(0, h1, MASKS, 10, Priority.HIGH), 10);
        verifier.verifyThat(DispatchConstraintProvider::vehicleVolumeCapacity)
                .given(facts(trips(vanWithVolume(0.1), List.of(a)), a).toArray())
                .penalizesBy(0);
    }

    @Test
    void warehouseStockPenalizedPerUnitShippedBeyondStock() {
        Delivery a = delivery(line(0, h1, MASKS, 6, Priority.HIGH), 6);
        Delivery b = delivery(line(1, h2, MASKS, 6, Priority.HIGH), 6);
        List<Trip> trips = new ArrayList<>(trips(vehicle("van-1", depot, 100, false), List.of(a)));
        trips.addAll(trips(vehicle("van-2", depot, 100, false), List.of(b)));
        verifier.verifyThat(DispatchConstraintProvider::warehouseStock)
                .given(facts(trips, a, b).toArray())
                .penalizesBy(2); // 12 shipped from a stock of 10
    }

    @Test
    void warehouseStockUnpenalizedWithinStock() {
        Delivery a = delivery(line(0, h1, MASKS, 5, Priority.HIGH), 5);
        Delivery b = delivery(line(1, h2, MASKS, 5, Priority.HIGH), 5);
        verifier.verifyThat(DispatchConstraintProvider::warehouseStock)
                .given(facts(trips(vehicle("van", depot, 100, false), List.of(a, b)), a, b).toArray())
                .penalizesBy(0);
    }

    @Test
    void coldChainPenalizedPerUnitOnPlainVehicle() {
        Delivery a = delivery(line(0, h1, VACCINE, 3, Priority.CRITICAL), 3);
        verifier.verifyThat(DispatchConstraintProvider::coldChain)
                .given(facts(trips(vehicle("van", depot, 100, false), List.of(a)), a).toArray())
                .penalizesBy(3);
    }

    @Test
    void coldChainUnpenalizedOnRefrigeratedVehicle() {
        Delivery a = delivery(line(0, h1, VACCINE, 3, Priority.CRITICAL), 3);
        Delivery b = delivery(line(1, h1, MASKS, 3, Priority.CRITICAL), 3);
        verifier.verifyThat(DispatchConstraintProvider::coldChain)
                .given(facts(trips(vehicle("fridge", depot, 100, true), List.of(a, b)), a, b).toArray())
                .penalizesBy(0);
    }

    @Test
    void receivingWindowPenalizedOncePerStopPerMinuteLate() {
        Hospital closesAt4 = hospital("h1", 1, 3, 4, 4, 0); // reached at minute 5
        Delivery a = delivery(line(0, closesAt4, MASKS, 2, Priority.HIGH), 2);
        Delivery b = delivery(line(1, closesAt4, VACCINE, 1, Priority.HIGH), 1);
        verifier.verifyThat(DispatchConstraintProvider::receivingWindow)
                .given(facts(trips(vehicle("van", depot, 100, true), List.of(a, b)), a, b).toArray())
                .penalizesBy(1);
    }

    @Test
    void receivingWindowUnpenalizedForADeliveryJoiningAnEarlierStop() {
        Hospital closesAt5 = hospital("h1", 1, 3, 4, 5, 0); // reached at minute 5
        Delivery a = delivery(line(0, closesAt5, MASKS, 2, Priority.HIGH), 2);
        Delivery c = delivery(line(1, h2, MASKS, 1, Priority.HIGH), 1);
        Delivery b = delivery(line(2, closesAt5, VACCINE, 1, Priority.HIGH), 1); // listed after h2, unloaded at minute 5
        verifier.verifyThat(DispatchConstraintProvider::receivingWindow)
                .given(facts(trips(vehicle("van", depot, 100, true), List.of(a, c, b)), a, c, b).toArray())
                .penalizesBy(0);
    }

    @Test
    void receivingWindowUnpenalizedWhenStartingAtClosingTime() {
        Hospital closesAt5 = hospital("h1", 1, 3, 4, 5, 0);
        Delivery a = delivery(line(0, closesAt5, MASKS, 2, Priority.HIGH), 2);
        verifier.verifyThat(DispatchConstraintProvider::receivingWindow)
                .given(facts(trips(vehicle("van", depot, 100, false), List.of(a)), a).toArray())
                .penalizesBy(0);
    }

    @Test
    void vehicleShiftPenalizedPerMinuteAfterShiftEnd() {
        Hospital unload3 = hospital("h1", 1, 3, 4, TimeAxis.OPEN_END / MINUTE, 3); // 5 + 3 + 5 = back at 13
        Delivery a = delivery(line(0, unload3, MASKS, 2, Priority.HIGH), 2);
        verifier.verifyThat(DispatchConstraintProvider::vehicleShift)
                .given(facts(trips(vehicle("van", depot, 100, false, 10 * MINUTE, 1), List.of(a)), a).toArray())
                .penalizesBy(3);
    }

    @Test
    void vehicleShiftPenalizesSecondTripThatStartsAfterTheFirst() {
        Delivery a = delivery(line(0, h1, MASKS, 2, Priority.HIGH), 2); // trip 1 back at 10
        Delivery b = delivery(line(1, h1, MASKS, 2, Priority.HIGH), 2); // trip 2 back at 20
        verifier.verifyThat(DispatchConstraintProvider::vehicleShift)
                .given(facts(trips(vehicle("van", depot, 100, false, 15 * MINUTE, 2), List.of(a), List.of(b)), a, b)
                        .toArray())
                .penalizesBy(5);
    }

    @Test
    void vehicleShiftCountsTheReturnFromTheLastStopNotTheLastListedDelivery() {
        // listed h1, h2, h1: the stops are h1 then h2, back from h2 at 5 + 4 + 3 = minute 12
        Delivery a = delivery(line(0, h1, MASKS, 1, Priority.HIGH), 1);
        Delivery c = delivery(line(1, h2, MASKS, 1, Priority.HIGH), 1);
        Delivery b = delivery(line(2, h1, MASKS, 1, Priority.HIGH), 1);
        verifier.verifyThat(DispatchConstraintProvider::vehicleShift)
                .given(facts(trips(vehicle("van", depot, 100, false, 10 * MINUTE, 1), List.of(a, c, b)), a, c, b)
                        .toArray())
                .penalizesBy(2);
    }

    @Test
    void vehicleShiftUnpenalizedWhenBackInTime() {
        Delivery a = delivery(line(0, h1, MASKS, 2, Priority.HIGH), 2);
        verifier.verifyThat(DispatchConstraintProvider::vehicleShift)
                .given(facts(trips(vehicle("van", depot, 100, false, 10 * MINUTE, 1), List.of(a)), a).toArray())
                .penalizesBy(0);
    }

    private static DemandLine unsplittable(Hospital hospital) {
        return new DemandLine(0, hospital, MASKS, 6, Priority.HIGH, null, false);
    }

    @Test
    void unsplittableLinePenalizedPerExtraStop() {
        DemandLine line = unsplittable(h1);
        Delivery a = new Delivery("0:0", line, 2);
        Delivery b = new Delivery("0:1", line, 4);
        Vehicle van = vehicle("van", depot, 100, false);
        verifier.verifyThat(DispatchConstraintProvider::unsplittableLine)
                .given(facts(trips(van, List.of(a), List.of(b)), a, b).toArray())
                .penalizesBy(1); // two trips, each with a stop at h1
    }

    @Test
    void unsplittableLineUnpenalizedWhenListedTwiceInOneTrip() {
        DemandLine line = unsplittable(h1);
        Delivery a = new Delivery("0:0", line, 2);
        Delivery b = new Delivery("0:1", line, 4);
        Delivery between = delivery(line(1, h2, MASKS, 1, Priority.LOW), 1);
        verifier.verifyThat(DispatchConstraintProvider::unsplittableLine)
                .given(facts(trips(vehicle("van", depot, 100, false), List.of(a, between, b)), a, b, between).toArray())
                .penalizesBy(0); // b joins a's stop: the trip stops once at h1
    }

    @Test
    void unsplittableLineUnpenalizedInOneStop() {
        DemandLine line = unsplittable(h1);
        Delivery a = new Delivery("0:0", line, 2);
        Delivery b = new Delivery("0:1", line, 4);
        verifier.verifyThat(DispatchConstraintProvider::unsplittableLine)
                .given(facts(trips(vehicle("van", depot, 100, false), List.of(a, b)), a, b).toArray())
                .penalizesBy(0);
    }

    @Test
    void unmetDemandPenalizedPerUnitAtItsOwnPriority() {
        Delivery critical = delivery(line(0, h1, MASKS, 5, Priority.CRITICAL), 5);
        Delivery high = delivery(line(1, h1, MASKS, 7, Priority.HIGH), 7);
        Object[] facts = {pool(critical, high), critical, high};
        verifier.verifyThat((provider, factory) -> provider.unmetDemand(factory, Priority.CRITICAL))
                .given(facts).penalizesBy(5);
        verifier.verifyThat((provider, factory) -> provider.unmetDemand(factory, Priority.HIGH))
                .given(facts).penalizesBy(7);
    }

    @Test
    void unmetDemandUnpenalizedWhenDelivered() {
        Delivery critical = delivery(line(0, h1, MASKS, 5, Priority.CRITICAL), 5);
        verifier.verifyThat((provider, factory) -> provider.unmetDemand(factory, Priority.CRITICAL))
                .given(facts(trips(vehicle("van", depot, 100, false), List.of(critical)), critical).toArray())
                .penalizesBy(0);
    }

    @Test
    void fairShortfallPenalizesSquaredShortfallOverRequestAtItsOwnPriority() {
        DemandLine line = line(0, h1, MASKS, 10, Priority.HIGH);
        Delivery sent = new Delivery("0:0", line, 5);
        Delivery missing = new Delivery("0:1", line, 5);
        List<Object> facts = facts(trips(vehicle("van", depot, 100, false), List.of(sent)), sent, missing);
        facts.add(pool(missing));
        verifier.verifyThat((provider, factory) -> provider.fairShortfall(factory, Priority.HIGH))
                .given(facts.toArray())
                .penalizesBy(1_000_000L * 25 / 10);
        verifier.verifyThat((provider, factory) -> provider.fairShortfall(factory, Priority.CRITICAL))
                .given(facts.toArray())
                .penalizesBy(0);
    }

    @Test
    void fairShortfallPrefersEvenShares() {
        // 10 units short over two lines of 10: 5 + 5 costs 2 x 2.5e6, 10 + 0 costs 1e7
        DemandLine first = line(0, h1, MASKS, 10, Priority.CRITICAL);
        DemandLine second = line(1, h2, MASKS, 10, Priority.CRITICAL);
        Delivery firstHalf = new Delivery("0:0", first, 5);
        Delivery secondHalf = new Delivery("1:0", second, 5);
        verifier.verifyThat((provider, factory) -> provider.fairShortfall(factory, Priority.CRITICAL))
                .given(pool(firstHalf, secondHalf), firstHalf, secondHalf)
                .penalizesBy(5_000_000L);
        Delivery whole = new Delivery("0:0", first, 10);
        verifier.verifyThat((provider, factory) -> provider.fairShortfall(factory, Priority.CRITICAL))
                .given(pool(whole), whole)
                .penalizesBy(10_000_000L);
    }

    @Test
    void fairShortfallTellsApartSharesOfABigAsk() {
        // 30 units for asks of 5,000 and 2,000: 21/9 (in proportion) must beat 22/8
        DemandLine big = line(0, h1, MASKS, 5000, Priority.NORMAL);
        DemandLine small = line(1, h2, MASKS, 2000, Priority.NORMAL);
        long proportional = ConstraintNames.unfairness(big, 5000 - 21) + ConstraintNames.unfairness(small, 2000 - 9);
        long skewed = ConstraintNames.unfairness(big, 5000 - 22) + ConstraintNames.unfairness(small, 2000 - 8);
        org.junit.jupiter.api.Assertions.assertTrue(proportional < skewed, proportional + " vs " + skewed);
    }

    @Test
    void fairShortfallUnpenalizedWhenNothingIsShort() {
        Delivery sent = delivery(line(0, h1, MASKS, 10, Priority.HIGH), 10);
        verifier.verifyThat((provider, factory) -> provider.fairShortfall(factory, Priority.HIGH))
                .given(facts(trips(vehicle("van", depot, 100, false), List.of(sent)), sent).toArray())
                .penalizesBy(0);
    }

    private static DemandLine neededBy(int index, Hospital hospital, Priority priority, long minutes) {
        return new DemandLine(index, hospital, MASKS, 2, priority, minutes * MINUTE, true);
    }

    @Test
    void lateDeliveryPenalizedPerMinuteTimesPriorityWeight() {
        Delivery a = delivery(neededBy(0, h1, Priority.CRITICAL, 3), 2); // starts at minute 5
        verifier.verifyThat(DispatchConstraintProvider::lateDelivery)
                .given(facts(trips(vehicle("van", depot, 100, false), List.of(a)), a).toArray())
                .penalizesBy(2 * Priority.CRITICAL.weight());
    }

    @Test
    void lateDeliveryUnpenalizedWhenOnTime() {
        Delivery a = delivery(neededBy(0, h1, Priority.CRITICAL, 5), 2);
        verifier.verifyThat(DispatchConstraintProvider::lateDelivery)
                .given(facts(trips(vehicle("van", depot, 100, false), List.of(a)), a).toArray())
                .penalizesBy(0);
    }

    @Test
    void travelCostPenalizesMetresOfTheWholeTrip() {
        Delivery a = delivery(line(0, h1, MASKS, 1, Priority.HIGH), 1);
        Delivery b = delivery(line(1, h1, VACCINE, 1, Priority.HIGH), 1);
        Delivery c = delivery(line(2, h2, MASKS, 1, Priority.HIGH), 1);
        verifier.verifyThat(DispatchConstraintProvider::travelCost)
                .given(facts(trips(vehicle("van", depot, 100, true), List.of(a, b, c)), a, b, c).toArray())
                .penalizesBy(12_000); // 5 + 0 + 4 + 3 km
    }

    @Test
    void travelCostCountsAHospitalListedTwiceInATripAsOneStop() {
        // h1, h2, h1 again: the second h1 delivery joins the first stop, the route is wh-h1-h2-wh
        Delivery a = delivery(line(0, h1, MASKS, 1, Priority.HIGH), 1);
        Delivery c = delivery(line(1, h2, MASKS, 1, Priority.HIGH), 1);
        Delivery b = delivery(line(2, h1, VACCINE, 1, Priority.HIGH), 1);
        verifier.verifyThat(DispatchConstraintProvider::travelCost)
                .given(facts(trips(vehicle("van", depot, 100, true), List.of(a, c, b)), a, c, b).toArray())
                .penalizesBy(12_000); // 5 + 4 + 3 km
    }

    @Test
    void travelCostUnpenalizedForUnservedDemand() {
        Delivery a = delivery(line(0, h1, MASKS, 1, Priority.HIGH), 1);
        verifier.verifyThat(DispatchConstraintProvider::travelCost)
                .given(pool(a), a)
                .penalizesBy(0);
    }

    @Test
    void vehicleFixedCostPenalizedOncePerVehicleUsed() {
        Vehicle truck = new Vehicle("truck", depot, Vehicle.UNLIMITED, Vehicle.UNLIMITED, false, 60, 0,
                TimeAxis.OPEN_END, 50, 1, 2, Fixtures.PLANE);
        Delivery a = delivery(line(0, h1, MASKS, 1, Priority.HIGH), 1);
        Delivery b = delivery(line(1, h2, MASKS, 1, Priority.HIGH), 1);
        verifier.verifyThat(DispatchConstraintProvider::vehicleFixedCost)
                .given(facts(trips(truck, List.of(a), List.of(b)), a, b).toArray())
                .penalizesBy(50_000);
    }

    @Test
    void vehicleFixedCostUnpenalizedForIdleVehicle() {
        Vehicle truck = new Vehicle("truck", depot, Vehicle.UNLIMITED, Vehicle.UNLIMITED, false, 60, 0,
                TimeAxis.OPEN_END, 50, 1, 1, Fixtures.PLANE);
        Delivery a = delivery(line(0, h1, MASKS, 1, Priority.HIGH), 1);
        List<Object> facts = facts(trips(truck, List.of()), a);
        facts.add(pool(a));
        verifier.verifyThat(DispatchConstraintProvider::vehicleFixedCost)
                .given(facts.toArray())
                .penalizesBy(0);
    }

    @Test
    void referenceMovedPenalizedPerAnnouncedUnitTheVehicleNoLongerBrings() {
        Vehicle van = vehicle("van", depot, 100, false);
        Vehicle truck = vehicle("truck", depot, 100, false);
        DemandLine masks = line(0, h1, MASKS, 10, Priority.HIGH);
        Delivery onTruck = delivery(masks, 6);
        Delivery unserved = delivery(masks, 4);
        List<Object> facts = facts(trips(truck, List.of(onTruck)), onTruck, unserved);
        facts.add(pool(unserved));
        facts.add(new ReferenceLoad(van, h1, MASKS, 7)); // announced on the van, now all on the truck
        facts.add(new ReferenceLoad(null, h1, MASKS, 2)); // on a vehicle taken out of the problem since
        verifier.verifyThat(DispatchConstraintProvider::referenceMoved)
                .given(facts.toArray())
                .penalizesBy(9);
    }

    @Test
    void referenceMovedUnpenalizedWhileTheVehicleBringsSomeOfIt() {
        Vehicle van = vehicle("van", depot, 100, false);
        Delivery some = delivery(line(0, h1, MASKS, 10, Priority.HIGH), 3);
        List<Object> facts = facts(trips(van, List.of(some)), some);
        facts.add(new ReferenceLoad(van, h1, MASKS, 7));
        verifier.verifyThat(DispatchConstraintProvider::referenceMoved)
                .given(facts.toArray())
                .penalizesBy(0);
    }

    @Test
    void referenceCutPenalizedPerAnnouncedUnitMissingOnTheVehicle() {
        Vehicle van = vehicle("van", depot, 100, false);
        DemandLine high = line(0, h1, MASKS, 10, Priority.HIGH);
        DemandLine low = line(1, h1, MASKS, 10, Priority.LOW);
        Delivery a = delivery(high, 2);
        Delivery b = delivery(low, 1);
        Delivery elsewhere = delivery(line(2, h2, MASKS, 10, Priority.HIGH), 5);
        List<Object> facts = facts(trips(van, List.of(a, b, elsewhere)), a, b, elsewhere);
        facts.add(new ReferenceLoad(van, h1, MASKS, 7)); // both lines of h1 count: 3 of 7 kept
        verifier.verifyThat(DispatchConstraintProvider::referenceCut)
                .given(facts.toArray())
                .penalizesBy(4);
    }

    @Test
    void referenceCutUnpenalizedWhenAllIsKeptOrMore() {
        Vehicle van = vehicle("van", depot, 100, false);
        Delivery a = delivery(line(0, h1, MASKS, 10, Priority.HIGH), 5);
        Delivery b = delivery(line(1, h1, MASKS, 10, Priority.LOW), 4);
        List<Object> facts = facts(trips(van, List.of(a), List.of(b)), a, b);
        facts.add(new ReferenceLoad(van, h1, MASKS, 7)); // 9 on the van, over two trips
        verifier.verifyThat(DispatchConstraintProvider::referenceCut)
                .given(facts.toArray())
                .penalizesBy(0);
    }
}
