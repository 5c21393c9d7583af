// SPDX-License-Identifier: Apache-2.0
package org.medsupply.io.convert;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.medsupply.domain.Delivery;
import org.medsupply.domain.DispatchSolution;
import org.medsupply.domain.Timeline;
import org.medsupply.domain.Trip;
import org.medsupply.io.InputError;
import org.medsupply.io.InvalidInputException;
import org.medsupply.io.ProblemFile;
import org.medsupply.io.ProblemMapper;
import org.medsupply.io.convert.InstanceText.Line;

/**
 * A solution from the literature (a best-known solution file), as routes over the ids of the
 * converted problem: it lets a converted problem be checked against the published cost.
 *
 * @param routes     in file order
 * @param statedCost the total the file states ({@code Cost} line, or first line of a .res); {@code null}
 *                   when it states none. Solomon .sol costs use CVRPLIB's 1-decimal truncation, not
 *                   the double precision of the converted problem.
 */
public record ReferenceSolution(List<Route> routes, Double statedCost) {

    /**
     * One vehicle's route.
     *
     * @param line      where it is in the solution file (for error messages)
     * @param vehicle   vehicle id in the converted problem
     * @param customers hospital ids in visiting order; the depot is implicit at both ends
     */
    public record Route(int line, String vehicle, List<String> customers) {
    }

    private static final Pattern CVRPLIB_ROUTE = Pattern.compile("(?i)route\\s*#\\s*(\\d+)\\s*:(.*)");
    private static final Pattern CVRPLIB_COST = Pattern.compile("(?i)cost\\s*:?\\s*(\\S+)");
    private static final int RES_FIXED_COLUMNS = 4;

    /**
     * CVRPLIB {@code .sol}: lines "Route #k: c1 c2 ..." (route k drives vehicle {@code vk}, customers
     * numbered as the importers number them) and "Cost X".
     */
    static ReferenceSolution readCvrplib(String content) throws InvalidInputException {
        InstanceText text = new InstanceText(content);
        List<Route> routes = new ArrayList<>();
        Set<String> vehicles = new HashSet<>();
        Double cost = null;
        for (Line line : text.lines()) {
            Matcher route = CVRPLIB_ROUTE.matcher(line.text());
            Matcher costLine = CVRPLIB_COST.matcher(line.text());
            if (route.matches()) {
                String vehicle = ClassicIds.vehicle(Integer.parseInt(route.group(1)));
                List<String> customers = customers(text, line, route.group(2).strip());
                if (!vehicles.add(vehicle)) {
                    text.error(line, "route #" + route.group(1) + " appears twice");
                } else if (customers != null) {
                    routes.add(new Route(line.number(), vehicle, customers));
                }
            } else if (costLine.matches() && cost == null) {
                cost = InstanceText.parseFinite(costLine.group(1));
                if (cost == null) {
                    text.error(line, "'" + costLine.group(1) + "' is not a number");
                }
            } else {
                text.error(line, "expected \"Route #k: customers...\" or \"Cost X\", found \"" + line.text() + "\"");
            }
        }
        text.throwIfErrors();
        return new ReferenceSolution(routes, cost);
    }

    /**
     * Cordeau {@code .res}: the total cost, then lines "depot vehicle duration load 0 c1 c2 ... 0" (depot
     * and vehicle 1-based; vehicle v of depot k is {@link ClassicIds#depotVehicle}).
     */
    static ReferenceSolution readCordeau(String content) throws InvalidInputException {
        InstanceText text = new InstanceText(content);
        if (text.lines().isEmpty()) {
            throw text.fatal("the file is empty");
        }
        Line first = text.lines().get(0);
        double[] cost = text.numbers(first, 1);
        List<Route> routes = new ArrayList<>();
        Set<String> vehicles = new HashSet<>();
        for (Line line : text.lines().subList(1, text.lines().size())) {
            double[] row = text.numbers(line, 0, RES_FIXED_COLUMNS + 2, Integer.MAX_VALUE);
            if (row == null) {
                continue;
            }
            if (row[RES_FIXED_COLUMNS] != 0 || row[row.length - 1] != 0) {
                text.error(line, "the route must start and end with 0 (the depot)");
                continue;
            }
            Integer depot = text.count(line, row[0], "the depot number");
            Integer vehicle = text.count(line, row[1], "the vehicle number");
            List<String> customers = customers(text, line,
                    String.join(" ", line.tokens().subList(RES_FIXED_COLUMNS + 1, row.length - 1)));
            if (depot == null || vehicle == null || customers == null) {
                continue;
            }
            String vehicleId = ClassicIds.depotVehicle(depot, vehicle);
            if (!vehicles.add(vehicleId)) {
                text.error(line, "depot " + depot + " vehicle " + vehicle + " has two routes");
            } else {
                routes.add(new Route(line.number(), vehicleId, customers));
            }
        }
        text.throwIfErrors();
        return new ReferenceSolution(routes, cost[0]);
    }

    /** Customer numbers separated by whitespace as hospital ids, or {@code null} (error recorded). */
    private static List<String> customers(InstanceText text, Line line, String numbers) {
        List<String> ids = new ArrayList<>();
        for (String token : numbers.isEmpty() ? new String[0] : numbers.split("\\s+")) {
            if (!token.matches("[0-9]+") || token.length() > 9) {
                text.error(line, "'" + token + "' is not a customer number");
                return null;
            }
            ids.add(ClassicIds.customer(Long.parseLong(token)));
        }
        return ids;
    }

    /**
     * The converted problem's planning model with these routes driven: each route on the first trip of
     * its vehicle, a customer's whole demand in one stop, times from the timeline rule. The score is left
     * unset (the solver's score calculation fills it). Customers no route visits stay unserved.
     *
     * @throws InvalidInputException a route names a vehicle or customer the problem lacks, or visits a
     *                               customer twice (details "line N: ..." of the solution file)
     */
    public DispatchSolution applyTo(ProblemFile problem) throws InvalidInputException {
        DispatchSolution solution = ProblemMapper.toSolution(problem);
        Map<String, Trip> firstTrips = new HashMap<>();
        solution.getTrips().stream().filter(t -> !t.isUnservedPool() && t.getPreviousTrip() == null)
                .forEach(t -> firstTrips.put(t.getVehicle().id(), t));
        Map<String, List<Delivery>> waiting = new HashMap<>();
        solution.getHospitals().forEach(h -> waiting.put(h.id(), new ArrayList<>()));
        solution.unservedPool().getDeliveries().forEach(d -> waiting.get(d.getHospital().id()).add(d));
        Set<String> visited = new HashSet<>();
        List<InputError> errors = new ArrayList<>();
        for (Route route : routes) {
            Trip trip = firstTrips.get(route.vehicle());
            if (trip == null) {
                errors.add(new InputError("", "line " + route.line() + ": the problem has no vehicle "
                        + route.vehicle() + " (it has " + solution.getVehicles().size() + " vehicles)"));
                continue;
            }
            for (String customer : route.customers()) {
                if (!waiting.containsKey(customer)) {
                    errors.add(new InputError("", "line " + route.line() + ": the problem has no customer "
                            + customer));
                } else if (!visited.add(customer)) {
                    errors.add(new InputError("", "line " + route.line() + ": customer " + customer
                            + " is visited twice"));
                } else {
                    trip.getDeliveries().addAll(waiting.get(customer));
                }
            }
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        solution.unservedPool().getDeliveries().removeIf(d -> visited.contains(d.getHospital().id()));
        Timeline.connect(solution.getTrips());
        return solution;
    }
}
