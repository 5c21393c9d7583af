// SPDX-License-Identifier: Apache-2.0
package org.medsupply.io;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.medsupply.domain.Delivery;
import org.medsupply.domain.DispatchSolution;
import org.medsupply.domain.Timeline;
import org.medsupply.domain.Trip;
import org.medsupply.io.PlanFile.RouteDto;
import org.medsupply.io.PlanFile.StopDto;
import org.medsupply.io.PlanFile.TripDto;

/**
 * A plan's decisions (which vehicle brings what to whom, trip by trip, in which order) set on the problem's
 * planning model, so that everything derived from them (times, loads, km, shortfalls, KPIs, score) can be
 * recomputed after a hand edit, as {@link PlanWriter} writes it for a solved plan. The plan's own times and
 * figures are ignored: a vehicle leaves at the start of its shift and again when it is back, as in solving.
 * A hospital named twice in one trip becomes one stop, where it first appears (the model's rule).
 */
public final class PlanReplay {

    private record Key(String hospital, String supply) {
    }

    private final DispatchSolution solution;
    /** What the unserved pool holds per hospital and supply, most urgent line first. */
    private final Map<Key, List<Delivery>> waiting = new HashMap<>();
    private final Set<Delivery> taken = Collections.newSetFromMap(new IdentityHashMap<>());
    private final Set<String> routed = new HashSet<>();
    private final List<InputError> errors = new ArrayList<>();

    private PlanReplay(DispatchSolution solution) {
        this.solution = solution;
        for (Delivery delivery : solution.unservedPool().getDeliveries()) {
            waiting.computeIfAbsent(new Key(delivery.getHospital().id(), delivery.getSupply().id()),
                    key -> new ArrayList<>()).add(delivery);
        }
        Comparator<Delivery> urgentFirst = Comparator.comparing((Delivery d) -> d.getLine().priority())
                .thenComparingInt(d -> d.getLine().index());
        waiting.values().forEach(deliveries -> deliveries.sort(urgentFirst));
    }

    /**
     * The problem's planning model with the plan's routes driven, score unset (the solver's score
     * calculation fills it).
     *
     * @param plan a plan read by the checker's strict reader (absent fields are null)
     * @throws InvalidInputException what the model cannot carry, each with its pointer into the plan: an
     *                               unknown vehicle, hospital or supply, a vehicle with two routes, more trips
     *                               than it may make, a negative quantity, more units than the hospital asked
     *                               for; or, when the plan names another problem, that alone
     */
    public static DispatchSolution apply(ProblemFile problem, PlanFile plan) throws InvalidInputException {
        PlanReplay replay = new PlanReplay(ProblemMapper.toSolution(problem));
        List<RouteDto> routes = plan.routes() == null ? List.of() : plan.routes();
        for (int i = 0; i < routes.size(); i++) {
            replay.route(routes.get(i), "/routes/" + i);
        }
        if (!replay.errors.isEmpty() && plan.problem() != null && !plan.problem().equals(problem.name())) {
            throw new InvalidInputException(List.of(new InputError("/problem", "the plan is for problem '"
                    + plan.problem() + "', not '" + problem.name() + "'; " + replay.errors.size()
                    + " of its entries do not fit this one")));
        }
        if (!replay.errors.isEmpty()) {
            throw new InvalidInputException(replay.errors);
        }
        replay.solution.unservedPool().getDeliveries().removeIf(replay.taken::contains);
        Timeline.connect(replay.solution.getTrips());
        return replay.solution;
    }

    private void route(RouteDto route, String at) {
        List<Trip> trips = solution.getTrips().stream()
                .filter(trip -> !trip.isUnservedPool() && trip.getVehicle().id().equals(route.vehicle())).toList();
        // committed trips are the problem's to give, not the plan's: the model keeps them as they are
        List<Integer> planned = new ArrayList<>();
        List<TripDto> listed = route.trips() == null ? List.of() : route.trips();
        for (int t = 0; t < listed.size(); t++) {
            if (!listed.get(t).isCommitted()) {
                planned.add(t);
            }
        }
        if (solution.getVehicles().stream().noneMatch(vehicle -> vehicle.id().equals(route.vehicle()))) {
            errors.add(new InputError(at + "/vehicle", "no vehicle " + route.vehicle() + " in the problem"));
        } else if (!routed.add(route.vehicle())) {
            errors.add(new InputError(at + "/vehicle", "vehicle " + route.vehicle() + " has a route already"));
        } else if (planned.size() > trips.size()) {
            errors.add(new InputError(at + "/trips", planned.size() + " trips besides those under way, but vehicle "
                    + route.vehicle() + " may make " + trips.size()));
        } else {
            for (int k = 0; k < planned.size(); k++) {
                int t = planned.get(k);
                List<StopDto> stops = listed.get(t).stops() == null ? List.of() : listed.get(t).stops();
                for (int s = 0; s < stops.size(); s++) {
                    stop(stops.get(s), trips.get(k), at + "/trips/" + t + "/stops/" + s);
                }
            }
        }
    }

    private void stop(StopDto stop, Trip trip, String at) {
        if (solution.getHospitals().stream().noneMatch(hospital -> hospital.id().equals(stop.hospital()))) {
            errors.add(new InputError(at + "/hospital", "no hospital " + stop.hospital() + " in the problem"));
            return;
        }
        Map<String, Long> deliver = stop.deliver() == null ? Map.of() : stop.deliver();
        deliver.forEach((supply, quantity) -> {
            String deliverAt = at + "/deliver/" + ProblemValidator.escape(supply);
            List<Delivery> pool = waiting.get(new Key(stop.hospital(), supply));
            if (quantity == null || quantity < 0) {
                errors.add(new InputError(deliverAt, "quantity must be a non-negative whole number"));
            } else if (quantity > 0 && pool == null) {
                errors.add(new InputError(deliverAt, stop.hospital() + " has no demand for " + supply));
            } else if (quantity > 0 && take(pool, quantity, trip) > 0) {
                errors.add(new InputError(deliverAt, "more " + supply + " than " + stop.hospital() + " asked for"));
            }
        });
    }

    /**
     * Moves {@code units} from the pool onto the trip, whole chunks while they fit and then the part of one
     * that is still needed; returns the units the pool could not give.
     */
    private long take(List<Delivery> pool, long units, Trip trip) {
        long left = units;
        while (left > 0 && !pool.isEmpty()) {
            Delivery next = pool.get(0);
            if (next.getQuantity() <= left) {
                pool.remove(0);
                taken.add(next);
                trip.getDeliveries().add(next);
                left -= next.getQuantity();
            } else {
                Delivery part = next.splitOff(left, next.getId() + "/" + solution.getDeliveries().size());
                solution.getDeliveries().add(part);
                trip.getDeliveries().add(part);
                left = 0;
            }
        }
        return left;
    }
}
