// SPDX-License-Identifier: Apache-2.0
package org.medsupply.domain;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
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

    /** The times of one stop, in ms after plan start. */
    public record Visit(long arrivalMs, long startMs, long departureMs) {
    }

    /**
     * The timing rule: a vehicle that leaves {@code from} at {@code leaveMs} arrives after driving, starts
     * unloading when it arrives or when the hospital's window opens, whichever is later, and leaves once
     * unloaded.
     */
    public static Visit visit(Vehicle vehicle, Site from, long leaveMs, Hospital hospital) {
        return arrive(leaveMs + vehicle.drivingMs(from, hospital), hospital);
    }

    /** {@link #visit} of a vehicle arriving at {@code arrivalMs}. */
    private static Visit arrive(long arrivalMs, Hospital hospital) {
        long start = Math.max(arrivalMs, hospital.windowFromMs());
        return new Visit(arrivalMs, start, start + hospital.unloadMs());
    }

    /** When a vehicle that leaves {@code from} at {@code leaveMs} is back at its warehouse. */
    public static long returnMs(Vehicle vehicle, Site from, long leaveMs) {
        return leaveMs + vehicle.drivingMs(from, vehicle.warehouse());
    }

    /**
     * A vehicle's day replayed.
     *
     * @param windowsHeld whether every stop starts within its window (the rest is meaningless if not)
     * @param endMs       when it is back from its last trip (or, if a window did not hold, when that stop starts)
     * @param waitedMs    time spent waiting for windows to open
     */
    public record Day(boolean windowsHeld, long endMs, long waitedMs) {
    }

    /**
     * One trip of a day as a replay reads it: its stops in order and how long each leg drives (the vehicle's
     * {@link Vehicle#drivingMs}). Callers that replay many variants of a day keep the driving times instead of
     * computing them again.
     */
    public interface Route {
        int stopCount();

        Hospital stop(int index);

        /** Driving time to stop {@code leg} (from the warehouse for 0); leg {@link #stopCount()} is the way back. */
        long legMs(int leg);

        /** A trip of {@code vehicle} through {@code hospitals} from and back to its warehouse, legs driven as asked. */
        static Route of(Vehicle vehicle, List<Hospital> hospitals) {
            return new Route() {
                @Override
                public int stopCount() {
                    return hospitals.size();
                }

                @Override
                public Hospital stop(int index) {
                    return hospitals.get(index);
                }

                @Override
                public long legMs(int leg) {
                    Site from = leg == 0 ? vehicle.warehouse() : hospitals.get(leg - 1);
                    return vehicle.drivingMs(from, leg == hospitals.size() ? vehicle.warehouse() : hospitals.get(leg));
                }
            };
        }
    }

    /**
     * Replays a vehicle's trips one after the other from {@code departureMs}: when it is back from the last, the
     * time it waited for windows, and whether every stop started within its window (if not, where the first
     * did not).
     */
    public static Day replayDay(long departureMs, List<? extends Route> trips) {
        long clock = departureMs;
        long waited = 0;
        for (Route route : trips) {
            int stops = route.stopCount();
            for (int i = 0; i < stops; i++) {
                Hospital hospital = route.stop(i);
                Visit visit = arrive(clock + route.legMs(i), hospital);
                if (visit.startMs() > hospital.windowToMs()) {
                    return new Day(false, visit.startMs(), waited);
                }
                waited += visit.startMs() - visit.arrivalMs();
                clock = visit.departureMs();
            }
            clock += route.legMs(stops);
        }
        return new Day(true, clock, waited);
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
        for (Trip current = trip.firstOfDay(); current != null; current = current.getNextTrip()) {
            schedule(current, notifier);
        }
    }

    /** Sets the trip of every delivery and the times of every trip, as the solver would (for hand-built plans). */
    public static void connect(Iterable<Trip> trips) {
        for (Trip trip : trips) {
            trip.getDeliveries().forEach(delivery -> delivery.setTrip(trip));
        }
        for (Trip trip : trips) {
            if (trip.isUnservedPool() || trip.getPreviousTrip() == null) {
                update(trip, SILENT);
            }
        }
    }

    static void clear(Delivery delivery, ChangeNotifier notifier) {
        set(delivery, null, null, null, null, null, null, notifier);
    }

    /**
     * A trip's stops are its hospitals in the order each first appears in its list; a later delivery to a
     * hospital already stopped at joins that stop (same times, no driving), so no trip visits a site twice.
     */
    private static void schedule(Trip trip, ChangeNotifier notifier) {
        List<Delivery> deliveries = trip.getDeliveries();
        Map<Hospital, Delivery> stopMakers = new HashMap<>();
        Delivery lastStopMaker = null;
        for (Delivery delivery : deliveries) {
            if (stopMakers.putIfAbsent(delivery.getHospital(), delivery) == null) {
                lastStopMaker = delivery;
            }
        }
        Vehicle vehicle = trip.getVehicle();
        Site here = vehicle.warehouse();
        long clock = trip.departureMs();
        int stopNumber = 0;
        for (Delivery delivery : deliveries) {
            Hospital hospital = delivery.getHospital();
            Delivery stopMaker = stopMakers.get(hospital);
            if (stopMaker != delivery) {
                set(delivery, stopMaker.getArrivalMs(), stopMaker.getStartMs(), stopMaker.getDepartureMs(),
                        stopMaker.getStopNumber(), null, false, notifier);
                continue;
            }
            Visit visit = visit(vehicle, here, clock, hospital);
            set(delivery, visit.arrivalMs(), visit.startMs(), visit.departureMs(), stopNumber++, here,
                    delivery == lastStopMaker, notifier);
            here = hospital;
            clock = delivery.getDepartureMs();
        }
    }

    private static void set(Delivery delivery, Long arrival, Long start, Long departure, Integer stopNumber,
            Site stopOrigin, Boolean lastStop, ChangeNotifier notifier) {
        if (Objects.equals(delivery.getArrivalMs(), arrival) && Objects.equals(delivery.getStartMs(), start)
                && Objects.equals(delivery.getDepartureMs(), departure)
                && Objects.equals(delivery.getStopNumber(), stopNumber)
                && delivery.getStopOrigin() == stopOrigin && Objects.equals(delivery.getLastStop(), lastStop)) {
            return;
        }
        notifier.before(delivery);
        delivery.setArrivalMs(arrival);
        delivery.setStartMs(start);
        delivery.setDepartureMs(departure);
        delivery.setStopNumber(stopNumber);
        delivery.setStopOrigin(stopOrigin);
        delivery.setLastStop(lastStop);
        notifier.after(delivery);
    }
}
