// SPDX-License-Identifier: Apache-2.0
package org.medsupply.io;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Predicate;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;

import org.medsupply.domain.Priority;
import org.medsupply.domain.Supply;

/**
 * Walks a parsed problem tree and collects every way it breaks FORMAT.md, each with the JSON pointer
 * of the offending value (of the enclosing object when a field is missing). One validator per
 * document. Rules that only make sense once another part is valid (references, matrix completeness)
 * are skipped when that part is itself broken, so one mistake gives one error, not a cascade.
 */
final class ProblemValidator {

    /**
     * Quantities the score's arithmetic provably handles: a line asks for at most 10^9 units and a problem
     * for at most 10^12 in all, weighing at most 10^12 kg and filling at most 10^9 m3. Every level of the
     * score then stays below 10^18 &lt; 2^63: units per level at most 10^12, fairness at most 10^6 x the
     * units requested, a trip's load at most 10^18 mg and mm3 (see ConstraintNames.unfairness).
     */
    public static final long MAX_QUANTITY = 1_000_000_000L;
    public static final long MAX_TOTAL_UNITS = 1_000_000_000_000L;
    static final double MAX_TOTAL_KG = 1e12;
    static final double MAX_TOTAL_M3 = 1e9;

    private static final String EXTENSIONS = "extensions";
    private static final Set<String> TOP_FIELDS = Set.of("name", "start", "supplies", "warehouses", "hospitals",
            "vehicles", "travel", "now", "committed", "reference", EXTENSIONS);
    private static final Set<String> COMMITTED_FIELDS = Set.of("vehicle", "departure", "stops", EXTENSIONS);
    private static final Set<String> REFERENCE_FIELDS = Set.of("vehicle", "stops", EXTENSIONS);
    private static final Set<String> TRIP_STOP_FIELDS = Set.of("hospital", "deliver", EXTENSIONS);
    private static final Set<String> SUPPLY_FIELDS = Set.of("id", "name", "weightKg", "volumeM3", "coldChain",
            EXTENSIONS);
    private static final Set<String> WAREHOUSE_FIELDS = Set.of("id", "name", "lat", "lon", "x", "y", "stock",
            EXTENSIONS);
    private static final Set<String> HOSPITAL_FIELDS = Set.of("id", "name", "lat", "lon", "x", "y", "window",
            "unloadMinutes", "demands", EXTENSIONS);
    private static final Set<String> DEMAND_FIELDS = Set.of("supply", "quantity", "priority", "needBy",
            "splittable", EXTENSIONS);
    private static final Set<String> VEHICLE_FIELDS = Set.of("id", "warehouse", "capacityKg", "capacityM3",
            "refrigerated", "speedKmh", "shift", "fixedCost", "costPerKm", "maxTrips", EXTENSIONS);
    private static final Set<String> WINDOW_FIELDS = Set.of("from", "to", EXTENSIONS);
    private static final Set<String> TRAVEL_FIELDS = Set.of("method", "roadFactor", "round", "minutesPerKm",
            "locations", "distanceKm", "durationMinutes", EXTENSIONS);

    private static final List<String> PRIORITIES = Arrays.stream(Priority.values()).map(Priority::wireName).toList();
    private static final List<String> ROUNDINGS = List.of("none", "nearest");

    /** The travel methods of FORMAT.md with the travel fields and site coordinates each one uses. */
    private enum Method {
        HAVERSINE(Set.of("roadFactor", "minutesPerKm"), "lat", "lon"),
        EUCLIDEAN(Set.of("round", "minutesPerKm"), "x", "y"),
        MATRIX(Set.of("locations", "distanceKm", "durationMinutes"), "lat", "lon");

        /** Sorted, so that errors come in the same order on every run. */
        static final List<String> SPECIFIC_FIELDS = Arrays.stream(values())
                .flatMap(method -> method.fields.stream()).distinct().sorted().toList();

        final Set<String> fields;
        final List<String> coordinates;

        Method(Set<String> fields, String first, String second) {
            this.fields = fields;
            this.coordinates = List.of(first, second);
        }

        String wireName() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** Allowed range of a number; bounds are inclusive unless {@code minExclusive}. */
    private record Bound(double min, boolean minExclusive, double max) {
        static final Bound FINITE = new Bound(Double.NEGATIVE_INFINITY, false, Double.POSITIVE_INFINITY);
        static final Bound POSITIVE = new Bound(0, true, Double.POSITIVE_INFINITY);
        static final Bound NON_NEGATIVE = new Bound(0, false, Double.POSITIVE_INFINITY);
        static final Bound LATITUDE = new Bound(-90, false, 90);
        static final Bound LONGITUDE = new Bound(-180, false, 180);

        boolean admits(double value) {
            return (minExclusive ? value > min : value >= min) && value <= max;
        }

        String requirement() {
            if (max != Double.POSITIVE_INFINITY) {
                return "must be between " + number(min) + " and " + number(max);
            }
            return minExclusive ? "must be greater than " + number(min) : "must be at least " + number(min);
        }

        private static String number(double value) {
            return BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
        }
    }

    /** A field of an object: its value ({@code null} when absent) and where it is or would be. */
    private record Field(JsonNode value, String pointer) {
    }

    /** An object node already checked for unknown fields. */
    private final class Obj {
        private final JsonNode node;
        private final String pointer;

        private Obj(JsonNode node, String pointer) {
            this.node = node;
            this.pointer = pointer;
        }

        Field optional(String name) {
            return new Field(node.get(name), pointer + "/" + escape(name));
        }

        Field required(String name) {
            Field field = optional(name);
            if (field.value() == null) {
                error(pointer, "missing required field '" + name + "'");
            }
            return field;
        }

        boolean has(String name) {
            return node.has(name);
        }
    }

    private final ProblemReader.Limits limits;
    private final List<InputError> errors = new ArrayList<>();
    /** Per valid supply id, kg and m3 per unit; and what the valid demand lines ask for in all. */
    private final Map<String, double[]> unitSizes = new java.util.HashMap<>();
    private long totalUnits;
    private double totalKg;
    private double totalM3;
    private int errorsNotListed;

    ProblemValidator(ProblemReader.Limits limits) {
        this.limits = limits;
    }

    /** Every error found, at most {@code maxErrors} of them plus one "and N more" entry. */
    List<InputError> validate(JsonNode root) {
        Obj problem = object(new Field(root, ""), TOP_FIELDS);
        if (problem != null) {
            problem(problem);
        }
        if (errorsNotListed > 0) {
            errors.add(new InputError("", "and " + errorsNotListed + " more errors not listed"));
        }
        return errors;
    }

    private void problem(Obj problem) {
        text(problem.optional("name"));
        time(problem.required("start"));
        Obj travel = object(problem.optional("travel"), TRAVEL_FIELDS);
        Method method = travel == null ? (problem.has("travel") ? null : Method.HAVERSINE) : travelMethod(travel);

        Map<String, String> supplies = idList(problem.required("supplies"), SUPPLY_FIELDS, this::supply);
        Map<String, String> warehouses = idList(problem.required("warehouses"), WAREHOUSE_FIELDS,
                warehouse -> warehouse(warehouse, method, supplies));
        Map<String, String> hospitals = idList(problem.required("hospitals"), HOSPITAL_FIELDS,
                hospital -> hospital(hospital, method, supplies));
        if (totalUnits > MAX_TOTAL_UNITS || totalKg > MAX_TOTAL_KG || totalM3 > MAX_TOTAL_M3) {
            error("/hospitals", String.format(java.util.Locale.ROOT, "the demand lines ask for %d units, %.6g kg and "
                    + "%.6g m3 in all; at most %d units, %.0e kg and %.0e m3 are allowed", totalUnits, totalKg, totalM3,
                    MAX_TOTAL_UNITS, MAX_TOTAL_KG, MAX_TOTAL_M3));
        }
        Map<String, Integer> maxTrips = new HashMap<>();
        Map<String, String> vehicles = idList(problem.required("vehicles"), VEHICLE_FIELDS,
                vehicle -> vehicle(vehicle, warehouses, maxTrips));
        if (method == Method.MATRIX) {
            matrix(travel, warehouses, hospitals);
        }
        OffsetDateTime now = time(problem.optional("now"));
        committed(problem, now, vehicles, maxTrips, hospitals, supplies);
        for (Obj trip : objectList(problem.optional("reference"), REFERENCE_FIELDS)) {
            // ids are not checked: announced deliveries may name a vehicle or site a change has removed since
            // (their units then count as changed)
            text(trip.required("vehicle"));
            tripStops(trip.required("stops"), null, null);
        }
    }

    /**
     * The trips under way or done at {@code now}: each on a vehicle of the problem, departed at or before
     * {@code now}, each vehicle's in departure order and no more than its {@code maxTrips}.
     */
    private void committed(Obj problem, OffsetDateTime now, Map<String, String> vehicles,
            Map<String, Integer> maxTrips, Map<String, String> hospitals, Map<String, String> supplies) {
        Field field = problem.optional("committed");
        if (field.value() != null && !problem.has("now")) {
            error(problem.pointer, "missing required field 'now' (committed trips are those under way at 'now')");
        }
        Map<String, Field> lastDeparture = new HashMap<>();
        Map<String, Integer> tripCount = new HashMap<>();
        for (Obj trip : objectList(field, COMMITTED_FIELDS)) {
            Field vehicleField = trip.required("vehicle");
            String vehicle = text(vehicleField);
            if (vehicle != null && vehicles != null && !vehicles.containsKey(vehicle)) {
                error(vehicleField.pointer(), "unknown vehicle '" + vehicle + "'; a committed trip's vehicle must"
                        + " exist (to take it out of service from now, end its shift at now)");
                vehicle = null;
            }
            Field departureField = trip.required("departure");
            OffsetDateTime departure = time(departureField);
            if (departure != null && now != null && departure.isAfter(now)) {
                error(departureField.pointer(), "a committed trip departs at or before now ("
                        + problem.optional("now").value().textValue() + "), not at " + departureField.value().textValue());
            }
            if (vehicle != null && departure != null) {
                Field previous = lastDeparture.put(vehicle, departureField);
                if (previous != null && !departure.isAfter(OffsetDateTime.parse(previous.value().textValue()))) {
                    error(departureField.pointer(), "committed trips of " + vehicle + " must come in departure"
                            + " order; this one leaves at " + departureField.value().textValue() + ", not after"
                            + " the one before (" + previous.value().textValue() + ")");
                }
                int count = tripCount.merge(vehicle, 1, Integer::sum);
                Integer allowed = maxTrips.get(vehicle);
                if (allowed != null && count > allowed) {
                    error(trip.pointer, vehicle + " has more committed trips than its maxTrips (" + allowed + ")");
                }
            }
            tripStops(trip.required("stops"), hospitals, supplies);
        }
    }

    /** Stops of a committed or reference trip; ids checked against {@code hospitals} and {@code supplies} when given. */
    private void tripStops(Field field, Map<String, String> hospitals, Map<String, String> supplies) {
        for (Obj stop : objectList(field, TRIP_STOP_FIELDS)) {
            reference(stop.required("hospital"), hospitals, "hospital");
            Field deliver = stop.required("deliver");
            if (present(deliver, JsonNode::isObject, "an object of units per supply id")) {
                for (Map.Entry<String, JsonNode> entry : deliver.value().properties()) {
                    Field units = new Field(entry.getValue(), deliver.pointer() + "/" + escape(entry.getKey()));
                    if (supplies != null && !supplies.containsKey(entry.getKey())) {
                        error(units.pointer(), "unknown supply '" + entry.getKey() + "'");
                    }
                    wholeNumber(units, 0, MAX_QUANTITY);
                }
            }
        }
    }

    /** Checks the method-independent travel fields; returns the method, or null when it is unknown. */
    private Method travelMethod(Obj travel) {
        Field methodField = travel.optional("method");
        String name = methodField.value() == null ? Method.HAVERSINE.wireName() : text(methodField);
        Method method = name == null ? null : Arrays.stream(Method.values())
                .filter(m -> m.wireName().equals(name)).findFirst().orElse(null);
        if (name != null && method == null) {
            error(methodField.pointer(), "unknown travel method '" + name + "'; expected one of "
                    + Arrays.stream(Method.values()).map(Method::wireName).collect(Collectors.joining(", ")));
        }
        if (method == null) {
            return null;
        }
        for (String field : Method.SPECIFIC_FIELDS) {
            if (travel.has(field) && !method.fields.contains(field)) {
                error(travel.optional(field).pointer(), "'" + field + "' does not apply to " + method.wireName()
                        + " travel");
            }
        }
        switch (method) {
            case HAVERSINE -> {
                number(travel.optional("roadFactor"), Bound.POSITIVE);
                number(travel.optional("minutesPerKm"), Bound.NON_NEGATIVE);
            }
            case EUCLIDEAN -> {
                oneOf(travel.optional("round"), ROUNDINGS, "rounding");
                number(travel.optional("minutesPerKm"), Bound.NON_NEGATIVE);
            }
            case MATRIX -> {
                // checked by matrix() once the sites are known
            }
        }
        return method;
    }

    private void supply(Obj supply) {
        text(supply.optional("name"));
        Double weightKg = number(supply.required("weightKg"), Bound.POSITIVE);
        if (weightKg != null && Supply.kgToMg(weightKg) < 1) {
            error(supply.optional("weightKg").pointer(), "must be at least 0.000001 (one milligram), not " + weightKg);
        }
        Double volumeM3 = number(supply.required("volumeM3"), Bound.POSITIVE);
        if (volumeM3 != null && Supply.m3ToMm3(volumeM3) < 1) {
            error(supply.optional("volumeM3").pointer(),
                    "must be at least 0.000000001 (one cubic millimetre), not " + volumeM3);
        }
        bool(supply.optional("coldChain"));
        JsonNode id = supply.optional("id").value();
        if (weightKg != null && volumeM3 != null && id != null && id.isTextual()) {
            unitSizes.put(id.asText(), new double[] {weightKg, volumeM3});
        }
    }

    private void warehouse(Obj warehouse, Method method, Map<String, String> supplies) {
        text(warehouse.optional("name"));
        location(warehouse, method);
        Field stockField = warehouse.optional("stock");
        if (!present(stockField, JsonNode::isObject, "an object of units per supply id")) {
            return;
        }
        for (Map.Entry<String, JsonNode> entry : stockField.value().properties()) {
            Field units = new Field(entry.getValue(), stockField.pointer() + "/" + escape(entry.getKey()));
            if (supplies != null && !supplies.containsKey(entry.getKey())) {
                error(units.pointer(), "unknown supply '" + entry.getKey() + "'");
            }
            wholeNumber(units, 0, Long.MAX_VALUE);
        }
    }

    private void hospital(Obj hospital, Method method, Map<String, String> supplies) {
        text(hospital.optional("name"));
        location(hospital, method);
        window(hospital.optional("window"), "window");
        number(hospital.optional("unloadMinutes"), Bound.NON_NEGATIVE);
        List<Obj> demands = objectList(hospital.required("demands"), DEMAND_FIELDS);
        // several lines of one supply are allowed: "3 ventilators critical by 10:30, 2 more high"
        for (Obj demand : demands) {
            reference(demand.required("supply"), supplies, "supply");
            Field quantity = demand.required("quantity");
            if (wholeNumber(quantity, 1, MAX_QUANTITY)) {
                long units = quantity.value().longValue();
                JsonNode supply = demand.optional("supply").value();
                double[] size = supply == null ? null : unitSizes.get(supply.asText());
                totalUnits += units;
                if (size != null) {
                    totalKg += units * size[0];
                    totalM3 += units * size[1];
                }
            }
            oneOf(demand.optional("priority"), PRIORITIES, "priority");
            time(demand.optional("needBy"));
            bool(demand.optional("splittable"));
        }
    }

    private void vehicle(Obj vehicle, Map<String, String> warehouses, Map<String, Integer> maxTrips) {
        reference(vehicle.required("warehouse"), warehouses, "warehouse");
        number(vehicle.optional("capacityKg"), Bound.POSITIVE);
        number(vehicle.optional("capacityM3"), Bound.POSITIVE);
        bool(vehicle.optional("refrigerated"));
        number(vehicle.optional("speedKmh"), Bound.POSITIVE);
        window(vehicle.optional("shift"), "shift");
        number(vehicle.optional("fixedCost"), Bound.NON_NEGATIVE);
        number(vehicle.optional("costPerKm"), Bound.NON_NEGATIVE);
        Field trips = vehicle.optional("maxTrips");
        boolean tripsValid = trips.value() == null || wholeNumber(trips, 1, limits.maxTripsPerVehicle());
        JsonNode id = vehicle.optional("id").value();
        if (tripsValid && id != null && id.isTextual()) {
            maxTrips.put(id.textValue(), trips.value() == null ? 1 : trips.value().intValue());
        }
    }

    /**
     * Coordinates are checked for type and range wherever they appear; which pair a site must have
     * (and must not have) depends on the travel method, unknown when {@code method} is null.
     */
    private void location(Obj site, Method method) {
        number(site.optional("lat"), Bound.LATITUDE);
        number(site.optional("lon"), Bound.LONGITUDE);
        number(site.optional("x"), Bound.FINITE);
        number(site.optional("y"), Bound.FINITE);
        if (method == null) {
            return;
        }
        for (String coordinate : List.of("lat", "lon", "x", "y")) {
            boolean expected = method.coordinates.contains(coordinate);
            if (expected && !site.has(coordinate)) {
                error(site.pointer, "missing required field '" + coordinate + "' (" + method.wireName()
                        + " travel places sites by " + String.join("/", method.coordinates) + ")");
            } else if (!expected && site.has(coordinate)) {
                error(site.optional(coordinate).pointer(), "'" + coordinate + "' does not apply to "
                        + method.wireName() + " travel, which places sites by " + String.join("/", method.coordinates));
            }
        }
    }

    private void window(Field field, String what) {
        Obj window = object(field, WINDOW_FIELDS);
        if (window == null) {
            return;
        }
        OffsetDateTime from = time(window.required("from"));
        Field toField = window.required("to");
        OffsetDateTime to = time(toField);
        if (from != null && to != null && to.isBefore(from)) {
            error(toField.pointer(), "the " + what + " ends at " + toField.value().textValue() + ", before it starts at "
                    + window.optional("from").value().textValue());
        }
    }

    /**
     * Checks that {@code locations} names every warehouse and hospital exactly once and that both
     * matrices are square, of that size, with finite non-negative entries.
     */
    private void matrix(Obj travel, Map<String, String> warehouses, Map<String, String> hospitals) {
        List<JsonNode> locations = array(travel.required("locations"));
        if (warehouses != null && hospitals != null) {
            hospitals.forEach((id, pointer) -> {
                if (warehouses.containsKey(id)) {
                    error(pointer + "/id", "id '" + id + "' is also a warehouse's id; matrix locations must be"
                            + " unambiguous");
                }
            });
        }
        if (locations != null) {
            checkLocations(locations, travel.optional("locations").pointer(), warehouses, hospitals);
        }
        int size = locations != null ? locations.size()
                : warehouses != null && hospitals != null ? warehouses.size() + hospitals.size() : -1;
        squareMatrix(travel.required("distanceKm"), size);
        squareMatrix(travel.required("durationMinutes"), size);
    }

    private void checkLocations(List<JsonNode> locations, String pointer, Map<String, String> warehouses,
            Map<String, String> hospitals) {
        Map<String, Integer> listed = new HashMap<>();
        for (int i = 0; i < locations.size(); i++) {
            Field entry = new Field(locations.get(i), pointer + "/" + i);
            String id = text(entry);
            if (id == null) {
                continue;
            }
            Integer earlier = listed.putIfAbsent(id, i);
            if (earlier != null) {
                error(entry.pointer(), "'" + id + "' is listed twice (also at " + pointer + "/" + earlier + ")");
            } else if (warehouses != null && hospitals != null && !warehouses.containsKey(id)
                    && !hospitals.containsKey(id)) {
                error(entry.pointer(), "unknown location '" + id + "'; expected a warehouse or hospital id");
            }
        }
        reportUnlisted(warehouses, "warehouse", listed, pointer);
        reportUnlisted(hospitals, "hospital", listed, pointer);
    }

    private void reportUnlisted(Map<String, String> sites, String kind, Map<String, Integer> listed, String pointer) {
        if (sites != null) {
            sites.keySet().stream().filter(id -> !listed.containsKey(id))
                    .forEach(id -> error(pointer, "missing " + kind + " '" + id + "'; every warehouse and hospital"
                            + " must be listed once"));
        }
    }

    /** @param size expected rows and columns, or -1 when unknown (then only the entries are checked) */
    private void squareMatrix(Field field, int size) {
        List<JsonNode> rows = array(field);
        if (rows == null) {
            return;
        }
        if (size >= 0 && rows.size() != size) {
            error(field.pointer(), "has " + rows.size() + " rows; expected " + size + ", one per location");
        }
        for (int r = 0; r < rows.size(); r++) {
            Field rowField = new Field(rows.get(r), field.pointer() + "/" + r);
            List<JsonNode> row = array(rowField);
            if (row == null) {
                continue;
            }
            if (size >= 0 && row.size() != size) {
                error(rowField.pointer(), "has " + row.size() + " entries; expected " + size + ", one per location");
            }
            for (int c = 0; c < row.size(); c++) {
                number(new Field(row.get(c), rowField.pointer() + "/" + c), Bound.NON_NEGATIVE);
            }
        }
    }

    /**
     * Checks a list of objects with unique non-empty ids, handing each to {@code check}.
     *
     * @return id to the pointer of its object, or null when the list itself is unusable (so that
     *         references to it are not all reported as unknown)
     */
    private Map<String, String> idList(Field field, Set<String> allowedFields, Consumer<Obj> check) {
        List<JsonNode> items = array(field);
        if (items == null) {
            return null;
        }
        Map<String, String> ids = new LinkedHashMap<>();
        for (Obj item : objectList(field, items, allowedFields)) {
            Field idField = item.required("id");
            String id = text(idField);
            if (id != null && id.isEmpty()) {
                error(idField.pointer(), "must not be empty");
            } else if (id != null) {
                String earlier = ids.putIfAbsent(id, item.pointer);
                if (earlier != null) {
                    error(idField.pointer(), "duplicate id '" + id + "' (also used by " + earlier + ")");
                }
            }
            check.accept(item);
        }
        return ids;
    }

    private List<Obj> objectList(Field field, Set<String> allowedFields) {
        List<JsonNode> items = array(field);
        return items == null ? List.of() : objectList(field, items, allowedFields);
    }

    private List<Obj> objectList(Field field, List<JsonNode> items, Set<String> allowedFields) {
        List<Obj> objects = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            Obj item = object(new Field(items.get(i), field.pointer() + "/" + i), allowedFields);
            if (item != null) {
                objects.add(item);
            }
        }
        return objects;
    }

    /** @return the referenced id, or null when absent or not a string */
    private String reference(Field field, Map<String, String> targets, String kind) {
        String id = text(field);
        if (id != null && targets != null && !targets.containsKey(id)) {
            error(field.pointer(), "unknown " + kind + " '" + id + "'");
        }
        return id;
    }

    private Obj object(Field field, Set<String> allowedFields) {
        if (!present(field, JsonNode::isObject, "an object")) {
            return null;
        }
        Obj object = new Obj(field.value(), field.pointer());
        for (Map.Entry<String, JsonNode> entry : field.value().properties()) {
            if (!allowedFields.contains(entry.getKey())) {
                error(object.optional(entry.getKey()).pointer(), "unknown field '" + entry.getKey()
                        + "'; expected one of " + allowedFields.stream().sorted().collect(Collectors.joining(", ")));
            }
        }
        if (allowedFields.contains(EXTENSIONS)) {
            extensions(object.optional(EXTENSIONS));
        }
        return object;
    }

    /** Anything may go in an extensions object except what is not JSON (NaN, Infinity). */
    private void extensions(Field field) {
        if (present(field, JsonNode::isObject, "an object")) {
            finiteEverywhere(field);
        }
    }

    private void finiteEverywhere(Field field) {
        JsonNode value = field.value();
        if (value.isNumber()) {
            number(field, Bound.FINITE);
        } else if (value.isArray()) {
            for (int i = 0; i < value.size(); i++) {
                finiteEverywhere(new Field(value.get(i), field.pointer() + "/" + i));
            }
        } else if (value.isObject()) {
            for (Map.Entry<String, JsonNode> entry : value.properties()) {
                finiteEverywhere(new Field(entry.getValue(), field.pointer() + "/" + escape(entry.getKey())));
            }
        }
    }

    private List<JsonNode> array(Field field) {
        if (!present(field, JsonNode::isArray, "an array")) {
            return null;
        }
        if (field.value().size() > limits.maxListLength()) {
            error(field.pointer(), "has " + field.value().size() + " entries; at most " + limits.maxListLength()
                    + " are accepted");
            return null;
        }
        List<JsonNode> items = new ArrayList<>(field.value().size());
        field.value().elements().forEachRemaining(items::add);
        return items;
    }

    /** Whether the field is present and of the JSON type {@code isExpected}; reports it when of another. */
    private boolean present(Field field, Predicate<JsonNode> isExpected, String expected) {
        if (field.value() == null) {
            return false;
        }
        if (!isExpected.test(field.value())) {
            error(field.pointer(), "must be " + expected + ", not " + typeName(field.value()));
            return false;
        }
        return true;
    }

    private String text(Field field) {
        return present(field, JsonNode::isTextual, "a string") ? field.value().textValue() : null;
    }

    private void bool(Field field) {
        present(field, JsonNode::isBoolean, "true or false");
    }

    private Double number(Field field, Bound bound) {
        if (!present(field, JsonNode::isNumber, "a number")) {
            return null;
        }
        double value = field.value().doubleValue();
        if (!Double.isFinite(value)) {
            error(field.pointer(), "must be a finite number, not " + field.value().asText());
            return null;
        }
        if (!bound.admits(value)) {
            error(field.pointer(), bound.requirement() + ", not " + field.value().asText());
            return null;
        }
        return value;
    }

    /** A whole number in [min, max]; written with or without a fraction or exponent (5, 5.0, 5e0). Whether it is. */
    private boolean wholeNumber(Field field, long min, long max) {
        if (!present(field, JsonNode::isNumber, "a whole number")) {
            return false;
        }
        BigDecimal value = field.value().isFloatingPointNumber() && !Double.isFinite(field.value().doubleValue())
                ? null : field.value().decimalValue();
        if (value == null || value.signum() != 0 && value.stripTrailingZeros().scale() > 0) {
            error(field.pointer(), "must be a whole number, not " + field.value().asText());
            return false;
        }
        boolean belowMin = value.compareTo(BigDecimal.valueOf(min)) < 0;
        boolean aboveMax = value.compareTo(BigDecimal.valueOf(max)) > 0;
        if (belowMin || aboveMax) {
            String requirement = max != Long.MAX_VALUE ? "must be between " + min + " and " + max
                    : belowMin ? "must be at least " + min : "must be at most " + max;
            error(field.pointer(), requirement + ", not " + field.value().asText());
            return false;
        }
        return true;
    }

    private void oneOf(Field field, List<String> allowed, String what) {
        String value = text(field);
        if (value != null && !allowed.contains(value)) {
            error(field.pointer(), "unknown " + what + " '" + value + "'; expected one of " + String.join(", ", allowed));
        }
    }

    /** An ISO-8601 date-time with an offset and a four-digit year (so that spans fit in milliseconds). */
    private OffsetDateTime time(Field field) {
        String text = text(field);
        if (text == null) {
            return null;
        }
        try {
            OffsetDateTime time = OffsetDateTime.parse(text);
            if (time.getYear() < 0 || time.getYear() > 9999) {
                error(field.pointer(), "year of '" + text + "' must have four digits");
                return null;
            }
            return time;
        } catch (DateTimeParseException e) {
            error(field.pointer(), "'" + text + "' is not an ISO-8601 date-time with an offset, such as"
                    + " 2026-02-01T08:00:00+08:00");
            return null;
        }
    }

    private static String typeName(JsonNode value) {
        return switch (value.getNodeType()) {
            case STRING -> "a string";
            case NUMBER -> "a number";
            case BOOLEAN -> "a boolean";
            case OBJECT -> "an object";
            case ARRAY -> "an array";
            case NULL -> "null";
            default -> value.getNodeType().name().toLowerCase(Locale.ROOT);
        };
    }

    private void error(String pointer, String detail) {
        if (errors.size() < limits.maxErrors()) {
            errors.add(new InputError(pointer, detail));
        } else {
            errorsNotListed++;
        }
    }

    /** RFC 6901 escaping of one reference token. */
    static String escape(String name) {
        return name.replace("~", "~0").replace("/", "~1");
    }
}
