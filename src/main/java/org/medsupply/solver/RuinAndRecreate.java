// SPDX-License-Identifier: Apache-2.0
package org.medsupply.solver;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;

import org.medsupply.domain.Delivery;
import org.medsupply.domain.Hospital;
import org.medsupply.domain.Load;
import org.medsupply.domain.Site;
import org.medsupply.domain.Timeline;
import org.medsupply.domain.Trip;
import org.medsupply.domain.Vehicle;

/**
 * Moves that take many stops off their routes at once and put each back where it adds the least travel
 * while its vehicle's day still holds every window and its shift, and its trip has room: a way out of
 * local optima that one- and two-stop moves cannot leave.
 * <ul>
 * <li>{@link #removeStrings}: strings of consecutive stops near a random stop, from a few routes, as in
 * SISR (Christiaens and Vanden Berghe 2020, "Slack induction by string removals for vehicle routing
 * problems"), with its "blinks" (a place is skipped now and then) so recreating is not always greedy.</li>
 * <li>{@link #emptyRoute}: every stop of a short route into the other routes, so a plan that keeps one
 * route too many (Solomon's C201, Cordeau's p02) can lose it.</li>
 * </ul>
 * Places are judged by travel and timing replayed here, without the score; the score then judges the
 * whole move once. A stop that fits nowhere makes no move.
 */
final class RuinAndRecreate {

    /** SISR's average number of stops taken off (c-bar) and longest string (L-max). */
    private static final int AVERAGE_REMOVED = 10;
    private static final int LONGEST_STRING = 10;
    /** How often recreating passes over a place that would do (SISR's blink rate). */
    private static final double BLINK_RATE = 0.01;

    private final NearbySites sites;
    private final Map<Hospital, Delivery[]> deliveriesByHospital;
    private final Trip[] vehicleTrips;

    RuinAndRecreate(NearbySites sites, Map<Hospital, Delivery[]> deliveriesByHospital, Trip[] vehicleTrips) {
        this.sites = sites;
        this.deliveriesByHospital = deliveriesByHospital;
        this.vehicleTrips = vehicleTrips;
    }

    /** Strings of stops off the routes near {@code seed}'s stop, recreated; {@code null} if no move comes of it. */
    TripListsMove removeStrings(Delivery seed, Random random) {
        Routes routes = new Routes();
        double meanStops = averageStopsPerUsedRoute();
        int longest = (int) Math.max(1, Math.min(LONGEST_STRING, Math.round(meanStops)));
        int stringsMost = Math.max(1, (int) (4.0 * AVERAGE_REMOVED / (1 + longest)) - 1);
        int strings = 1 + random.nextInt(stringsMost);
        List<List<Delivery>> removed = new ArrayList<>();
        for (Hospital hospital : sites.nearestHospitals(seed.getHospital())) {
            Delivery carried = carriedAt(hospital, routes);
            if (carried == null) {
                continue;
            }
            List<List<Delivery>> stops = routes.stops(carried.getTrip());
            int at = indexOfStop(stops, carried);
            int length = 1 + random.nextInt(Math.min(stops.size(), longest));
            int first = Math.max(0, Math.min(at - random.nextInt(length), stops.size() - length));
            List<List<Delivery>> string = stops.subList(first, first + length);
            removed.addAll(string);
            string.clear();
            routes.ruined.add(carried.getTrip());
            if (routes.ruined.size() == strings) {
                break;
            }
        }
        Collections.shuffle(removed, random);
        return recreate(routes, removed, null, random) ? routes.move("remove strings") : null;
    }

    /** The shorter of two random used routes, its stops spread over the others; {@code null} if one does not fit. */
    TripListsMove emptyRoute(Random random) {
        Trip one = vehicleTrips[random.nextInt(vehicleTrips.length)];
        Trip other = vehicleTrips[random.nextInt(vehicleTrips.length)];
        Trip emptied = other.getDeliveries().isEmpty()
                || !one.getDeliveries().isEmpty() && one.getDeliveries().size() <= other.getDeliveries().size()
                ? one : other;
        if (emptied.getDeliveries().isEmpty()) {
            return null;
        }
        Routes routes = new Routes();
        List<List<Delivery>> stops = routes.stops(emptied);
        routes.ruined.add(emptied);
        List<List<Delivery>> removed = new ArrayList<>(stops);
        stops.clear();
        Collections.shuffle(removed, random);
        return recreate(routes, removed, emptied, random) ? routes.move("empty route") : null;
    }

    private double averageStopsPerUsedRoute() {
        int used = 0;
        long stops = 0;
        for (Trip trip : vehicleTrips) {
            if (!trip.getDeliveries().isEmpty()) {
                used++;
                stops += trip.getDeliveries().stream().filter(Delivery::startsStop).count();
            }
        }
        return used == 0 ? 1 : (double) stops / used;
    }

    /** A delivery at the hospital that a route not yet ruined carries. */
    private Delivery carriedAt(Hospital hospital, Routes routes) {
        Delivery[] deliveries = deliveriesByHospital.get(hospital);
        if (deliveries == null) {
            return null;
        }
        for (Delivery delivery : deliveries) {
            if (delivery.isDispatched() && !routes.ruined.contains(delivery.getTrip())) {
                return delivery;
            }
        }
        return null;
    }

    private static int indexOfStop(List<List<Delivery>> stops, Delivery delivery) {
        for (int index = 0; index < stops.size(); index++) {
            if (stops.get(index).contains(delivery)) {
                return index;
            }
        }
        throw new IllegalStateException(delivery + " is not on its trip");
    }

    /**
     * Puts each stop, in turn, at its cheapest place on a route with a stop near it (or back where stops
     * were taken off), never on {@code closed}; a new route only for string removal. Whether all found one.
     */
    private boolean recreate(Routes routes, List<List<Delivery>> removed, Trip closed, Random random) {
        for (List<Delivery> stop : removed) {
            Hospital hospital = stop.get(0).getHospital();
            List<Trip> candidates = new ArrayList<>(routes.ruined);
            for (Hospital near : sites.nearestHospitals(hospital)) {
                Delivery[] deliveries = deliveriesByHospital.get(near);
                if (deliveries != null) {
                    for (Delivery delivery : deliveries) {
                        routes.placedTrip(delivery).filter(trip -> !candidates.contains(trip))
                                .ifPresent(candidates::add);
                    }
                }
            }
            candidates.remove(closed);
            if (closed == null) {
                routes.emptyTripNear(hospital, random).ifPresent(candidates::add);
            }
            Place place = cheapestPlace(routes, candidates, stop, random);
            if (place == null) {
                return false;
            }
            routes.stops(place.trip).add(place.index, stop);
            routes.placed.put(stop.get(0), place.trip);
        }
        return true;
    }

    private Place cheapestPlace(Routes routes, List<Trip> candidates, List<Delivery> stop, Random random) {
        Hospital hospital = stop.get(0).getHospital();
        List<Place> places = new ArrayList<>();
        for (Trip trip : candidates) {
            if (!fits(routes.stops(trip), stop, trip.getVehicle())) {
                continue;
            }
            List<List<Delivery>> stops = routes.stops(trip);
            Vehicle vehicle = trip.getVehicle();
            for (int index = 0; index <= stops.size(); index++) {
                if (random.nextDouble() >= BLINK_RATE) {
                    Site before = index == 0 ? vehicle.warehouse() : stops.get(index - 1).get(0).getHospital();
                    Site after = index == stops.size() ? vehicle.warehouse() : stops.get(index).get(0).getHospital();
                    long added = vehicle.travelCost(before, hospital) + vehicle.travelCost(hospital, after)
                            - vehicle.travelCost(before, after);
                    places.add(new Place(trip, index, added));
                }
            }
        }
        places.sort(Comparator.comparingLong(Place::addedCost));
        for (Place place : places) {
            if (isOnTime(routes, place, hospital)) {
                return place;
            }
        }
        return null;
    }

    /** Whether the vehicle can carry the stop's supplies and its trip has room for them. */
    private static boolean fits(List<List<Delivery>> stops, List<Delivery> stop, Vehicle vehicle) {
        Load load = new Load();
        stops.forEach(other -> other.forEach(load::add));
        for (Delivery delivery : stop) {
            if (!vehicle.canCarry(delivery.getSupply())) {
                return false;
            }
            load.add(delivery);
        }
        return load.fitsIn(vehicle);
    }

    /** Replays the vehicle's day with the stop placed: every window and the shift's end must hold. */
    private boolean isOnTime(Routes routes, Place place, Hospital hospital) {
        Vehicle vehicle = place.trip.getVehicle();
        List<Timeline.Route> day = new ArrayList<>();
        for (Trip trip = place.trip.firstOfDay(); trip != null; trip = trip.getNextTrip()) {
            List<Hospital> route = new ArrayList<>();
            routes.stops(trip).forEach(stop -> route.add(stop.get(0).getHospital()));
            if (trip == place.trip) {
                route.add(place.index, hospital);
            }
            day.add(Timeline.Route.of(vehicle, route));
        }
        Timeline.Day replayed = Timeline.replayDay(vehicle.shiftFromMs(), day);
        return replayed.windowsHeld() && replayed.endMs() <= vehicle.shiftToMs();
    }

    private record Place(Trip trip, int index, long addedCost) {
    }

    /** The routes as a move changes them: each touched trip as its stops (runs of deliveries at one hospital). */
    private final class Routes {
        final Map<Trip, List<List<Delivery>>> changed = new LinkedHashMap<>();
        final List<Trip> ruined = new ArrayList<>();
        /** Where recreating put a stop, by its first delivery (the delivery itself still names its old trip). */
        final Map<Delivery, Trip> placed = new IdentityHashMap<>();

        List<List<Delivery>> stops(Trip trip) {
            return changed.computeIfAbsent(trip, RuinAndRecreate::stopsOf);
        }

        /** The trip a delivery is on now: where recreating put it, else where it was if still there. */
        Optional<Trip> placedTrip(Delivery delivery) {
            Trip trip = placed.get(delivery);
            if (trip != null) {
                return Optional.of(trip);
            }
            if (!delivery.isDispatched() || ruined.contains(delivery.getTrip())
                    && stops(delivery.getTrip()).stream().noneMatch(stop -> stop.contains(delivery))) {
                return Optional.empty();
            }
            return Optional.of(delivery.getTrip());
        }

        /** An empty trip of a vehicle at the hospital's nearest warehouse, to open a new route with. */
        Optional<Trip> emptyTripNear(Hospital hospital, Random random) {
            List<Trip> empty = new ArrayList<>();
            for (Trip trip : vehicleTrips) {
                if (trip.getVehicle().warehouse() == sites.nearestWarehouse(hospital) && stops(trip).isEmpty()) {
                    empty.add(trip);
                }
            }
            return empty.isEmpty() ? Optional.empty() : Optional.of(empty.get(random.nextInt(empty.size())));
        }

        TripListsMove move(String description) {
            Map<Trip, List<Delivery>> after = new LinkedHashMap<>();
            changed.forEach((trip, stops) -> {
                List<Delivery> deliveries = new ArrayList<>();
                stops.forEach(deliveries::addAll);
                if (!deliveries.equals(trip.getDeliveries())) {
                    after.put(trip, deliveries);
                }
            });
            return after.isEmpty() ? null : new TripListsMove(description, after);
        }
    }

    private static List<List<Delivery>> stopsOf(Trip trip) {
        List<List<Delivery>> stops = new ArrayList<>();
        for (Delivery delivery : trip.getDeliveries()) {
            if (stops.isEmpty() || stops.get(stops.size() - 1).get(0).getHospital() != delivery.getHospital()) {
                stops.add(new ArrayList<>());
            }
            stops.get(stops.size() - 1).add(delivery);
        }
        return stops;
    }
}
