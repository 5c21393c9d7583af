// SPDX-License-Identifier: Apache-2.0
package org.medsupply.domain;

import java.util.Objects;

/**
 * The schedule rule of a trip, in one place: leave the warehouse at {@link Trip#departureMs()}, drive
 * to each stop, wait for its window to open, unload, go on. Used by the solver's shadow variable
 * listener and to set up plans by hand (tests, the greedy dispatcher).
 */
public final class Timeline {

    /** Told before and after a delivery's times change (the solver's score director, or nothing). */
    public interface ChangeNotifier {
        void before(Delivery delivery);

        void after(Delivery delivery);
    }

    public static final ChangeNotifier SILENT = new ChangeNotifier() {
        @Override
        public void before(Delivery delivery) {
        }

        @Override
        public void after(Delivery delivery) {
        }
    };

    private Timeline() {
    }

    /**
     * Recomputes every trip of {@code trip}'s vehicle. From the first trip, not from {@code trip}: a move
     * may have changed an earlier trip too whose listener has not run yet, and a later trip leaves when
     * the earlier one is back.
     */
    public static void update(Trip trip, ChangeNotifier notifier) {
        if (trip.isUnservedPool()) {
            trip.getDeliveries().forEach(delivery -> clear(delivery, notifier));
            return;
        }
        Trip first = trip;
        while (first.getPreviousTrip() != null) {
            first = first.getPreviousTrip();
        }
        for (Trip current = first; current != null; current = current.getNextTrip()) {
            schedule(current, notifier);
        }
    }

    /** Sets previous/next/trip links and times of every trip, as the solver would (for hand-built plans). */
    public static void connect(Iterable<Trip> trips) {
        for (Trip trip : trips) {
            Delivery previous = null;
            for (Delivery delivery : trip.getDeliveries()) {
                delivery.setTrip(trip);
                delivery.setPrevious(previous);
                delivery.setNext(null);
                if (previous != null) {
                    previous.setNext(delivery);
                }
                previous = delivery;
            }
        }
        for (Trip trip : trips) {
            if (trip.isUnservedPool() || trip.getPreviousTrip() == null) {
                update(trip, SILENT);
            }
        }
    }

    static void clear(Delivery delivery, ChangeNotifier notifier) {
        set(delivery, null, null, null, null, notifier);
    }

    private static void schedule(Trip trip, ChangeNotifier notifier) {
        Vehicle vehicle = trip.getVehicle();
        Site here = vehicle.warehouse();
        long clock = trip.departureMs();
        Delivery previous = null;
        for (Delivery delivery : trip.getDeliveries()) {
            Hospital hospital = delivery.getHospital();
            if (previous != null && previous.getHospital() == hospital) {
                set(delivery, previous.getArrivalMs(), previous.getStartMs(), previous.getDepartureMs(),
                        previous.getStopNumber(), notifier);
            } else {
                long arrival = clock + vehicle.drivingMs(here, hospital);
                long start = Math.max(arrival, hospital.windowFromMs());
                int stopNumber = previous == null ? 0 : previous.getStopNumber() + 1;
                set(delivery, arrival, start, start + hospital.unloadMs(), stopNumber, notifier);
            }
            here = hospital;
            clock = delivery.getDepartureMs();
            previous = delivery;
        }
    }

    private static void set(Delivery delivery, Long arrival, Long start, Long departure, Integer stopNumber,
            ChangeNotifier notifier) {
        if (Objects.equals(delivery.getArrivalMs(), arrival) && Objects.equals(delivery.getStartMs(), start)
                && Objects.equals(delivery.getDepartureMs(), departure)
                && Objects.equals(delivery.getStopNumber(), stopNumber)) {
            return;
        }
        notifier.before(delivery);
        delivery.setArrivalMs(arrival);
        delivery.setStartMs(start);
        delivery.setDepartureMs(departure);
        delivery.setStopNumber(stopNumber);
        notifier.after(delivery);
    }
}
