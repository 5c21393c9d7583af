// SPDX-License-Identifier: Apache-2.0
package org.medsupply.io;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * A plan as a GeoJSON FeatureCollection (RFC 7946) for maps: one LineString per trip (warehouse,
 * stops in order, back to the warehouse) and one Point per site. Positions are [lon, lat]; for
 * euclidean problems they are [x, y] in the problem's plane. A site without coordinates (matrix
 * travel) gets a null geometry, and so does a trip passing through one. A site's figures go by priority
 * and by supply ({@link SiteFill}); its {@code fillRate} is its lowest fill rate over the priorities it asks for.
 * A site carries its receiving {@code window} and a trip its vehicle's {@code shift} where the problem
 * has them, and the collection its {@code travel} method (a map draws {@code euclidean} on a plain plane).
 */
public final class PlanGeoJson {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private PlanGeoJson() {
    }

    public static ObjectNode write(ProblemFile problem, PlanFile plan) {
        boolean euclidean = problem.travel() != null && "euclidean".equals(problem.travel().methodOrDefault());
        Map<String, double[]> positions = new HashMap<>();
        Map<String, String> warehouseNames = new HashMap<>();
        Map<String, ProblemFile.WindowDto> shifts = new HashMap<>();
        problem.vehicles().forEach(vehicle -> shifts.put(vehicle.id(), vehicle.shift()));
        ArrayNode features = NODES.arrayNode();
        for (ProblemFile.WarehouseDto warehouse : problem.warehouses()) {
            double[] position = position(euclidean, warehouse.lat(), warehouse.lon(), warehouse.x(), warehouse.y());
            positions.put(warehouse.id(), position);
            warehouseNames.put(warehouse.id(), warehouse.name());
            ObjectNode properties = NODES.objectNode().put("kind", "warehouse").put("id", warehouse.id())
                    .put("name", warehouse.name());
            features.add(feature(point(position), properties));
        }
        List<SiteFill> sites = SiteFill.of(problem, plan);
        for (int h = 0; h < sites.size(); h++) {
            ProblemFile.HospitalDto hospital = problem.hospitals().get(h);
            SiteFill site = sites.get(h);
            double[] position = position(euclidean, hospital.lat(), hospital.lon(), hospital.x(), hospital.y());
            positions.put(hospital.id(), position);
            ObjectNode properties = NODES.objectNode().put("kind", "hospital").put("id", hospital.id())
                    .put("name", hospital.name()).put("requested", site.requested()).put("delivered", site.delivered())
                    .put("fillRate", site.lowestFillRate());
            properties.set("fillRateByPriority", Json.MAPPER.valueToTree(site.fillRateByPriority()));
            properties.set("lines", Json.MAPPER.valueToTree(site.lines()));
            putWindow(properties, "window", hospital.window());
            features.add(feature(point(position), properties));
        }
        for (PlanFile.RouteDto route : plan.routes() == null ? List.<PlanFile.RouteDto>of() : plan.routes()) {
            List<PlanFile.TripDto> trips = route.trips() == null ? List.of() : route.trips();
            for (int t = 0; t < trips.size(); t++) {
                PlanFile.TripDto trip = trips.get(t);
                List<PlanFile.StopDto> stops = trip.stops() == null ? List.of() : trip.stops();
                ArrayNode line = NODES.arrayNode();
                boolean located = addPosition(line, positions.get(route.warehouse()));
                for (PlanFile.StopDto stop : stops) {
                    located &= addPosition(line, positions.get(stop.hospital()));
                }
                located &= addPosition(line, positions.get(route.warehouse()));
                ObjectNode properties = NODES.objectNode().put("kind", "trip").put("vehicle", route.vehicle())
                        .put("trip", t + 1).put("warehouse", route.warehouse())
                        .put("warehouseName", warehouseNames.get(route.warehouse())).put("departure", trip.departure())
                        .put("return", trip.returnTime()).put("stops", stops.size());
                putWindow(properties, "shift", shifts.get(route.vehicle()));
                ObjectNode geometry = located ? NODES.objectNode().put("type", "LineString").set("coordinates", line)
                        : null;
                features.add(feature(geometry, properties));
            }
        }
        ObjectNode collection = NODES.objectNode().put("type", "FeatureCollection");
        collection.put("problem", plan.problem());
        collection.put("travel", euclidean ? "euclidean" : problem.travel() == null ? "haversine"
                : problem.travel().methodOrDefault());
        collection.set("features", features);
        return collection;
    }

    private static void putWindow(ObjectNode properties, String name, ProblemFile.WindowDto window) {
        if (window != null) {
            properties.set(name, NODES.objectNode().put("from", window.from()).put("to", window.to()));
        }
    }

    private static double[] position(boolean euclidean, Double lat, Double lon, Double x, Double y) {
        Double first = euclidean ? x : lon;
        Double second = euclidean ? y : lat;
        return first == null || second == null ? null : new double[] {first, second};
    }

    private static boolean addPosition(ArrayNode line, double[] position) {
        if (position == null) {
            return false;
        }
        line.add(NODES.arrayNode().add(position[0]).add(position[1]));
        return true;
    }

    private static ObjectNode point(double[] position) {
        if (position == null) {
            return null;
        }
        ObjectNode point = NODES.objectNode().put("type", "Point");
        point.set("coordinates", NODES.arrayNode().add(position[0]).add(position[1]));
        return point;
    }

    private static ObjectNode feature(ObjectNode geometry, ObjectNode properties) {
        ObjectNode feature = NODES.objectNode().put("type", "Feature");
        feature.set("geometry", geometry == null ? NODES.nullNode() : geometry);
        feature.set("properties", properties);
        return feature;
    }
}
