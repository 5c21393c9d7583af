// SPDX-License-Identifier: Apache-2.0
package org.medsupply.io.convert;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.IntStream;

import org.medsupply.io.InvalidInputException;
import org.medsupply.io.convert.InstanceText.Line;
import org.medsupply.io.convert.RoutingInstance.Customer;
import org.medsupply.io.convert.RoutingInstance.Depot;

/**
 * TSPLIB/CVRPLIB CVRP files ({@code .vrp}): {@code KEY : VALUE} header lines, then
 * {@code NODE_COORD_SECTION}, {@code DEMAND_SECTION} and {@code DEPOT_SECTION} (one depot, ended by -1).
 * Only {@code EUC_2D} distances are supported, rounded to the nearest integer per arc as CVRPLIB's
 * best-known values assume. The fleet is as large as the file allows: {@code VEHICLES} when given,
 * otherwise one vehicle per customer (enough for any solution, since every demand fits one vehicle).
 * The optional {@code DISTANCE} (route length limit) becomes the shift length and
 * {@code SERVICE_TIME} every customer's unload time. Customer ids are {@code c<node-1>}, the numbering
 * of CVRPLIB {@code .sol} files.
 */
final class CvrplibImporter {

    private static final List<String> IGNORED_KEYS = List.of("NAME", "COMMENT", "TYPE", "EDGE_WEIGHT_TYPE");
    private static final List<String> NUMERIC_KEYS = List.of("DIMENSION", "CAPACITY", "VEHICLES", "DISTANCE",
            "SERVICE_TIME");

    private enum Section { HEADER, NODE_COORD_SECTION, DEMAND_SECTION, DEPOT_SECTION, EOF }

    private CvrplibImporter() {
    }

    static RoutingInstance parse(String content, String defaultName) throws InvalidInputException {
        InstanceText text = new InstanceText(content);
        Map<String, String> header = new HashMap<>();
        Map<String, Line> headerLines = new HashMap<>();
        Map<Long, double[]> coordinates = new HashMap<>();
        Map<Long, Long> demands = new HashMap<>();
        List<Long> depots = new ArrayList<>();
        Section section = Section.HEADER;
        boolean depotListEnded = false;
        for (Line line : text.lines()) {
            Section next = sectionOf(line.first());
            int colon = line.text().indexOf(':');
            if (next != null) {
                section = next;
                if (!line.tokens().subList(1, line.tokens().size()).stream().allMatch(":"::equals)) {
                    text.error(line, "unexpected text after " + next);
                }
            } else if (colon > 0 && !line.first().matches("[-+]?[0-9.].*")) {
                String key = line.text().substring(0, colon).strip().toUpperCase(Locale.ROOT);
                String value = line.text().substring(colon + 1).strip();
                if (!IGNORED_KEYS.contains(key) && !NUMERIC_KEYS.contains(key)) {
                    text.error(line, "unsupported key " + key);
                } else if (header.put(key, value) != null) {
                    text.error(line, key + " appears twice");
                }
                headerLines.put(key, line);
            } else {
                switch (section) {
                    case NODE_COORD_SECTION -> readNode(text, line, coordinates);
                    case DEMAND_SECTION -> readDemand(text, line, demands);
                    case DEPOT_SECTION -> depotListEnded |= readDepot(text, line, depotListEnded, depots);
                    case HEADER, EOF -> text.error(line, "unexpected line \"" + line.text() + "\"");
                }
            }
        }
        checkHeaderValues(text, header, headerLines);
        Integer dimension = headerCount(text, header, headerLines, "DIMENSION");
        Long capacity = headerWhole(text, header, headerLines, "CAPACITY", 1);
        text.throwIfErrors();
        if (depots.size() != 1) {
            throw text.fatal("DEPOT_SECTION must list exactly one depot, found " + depots.size());
        }
        checkNodes(text, dimension, coordinates, demands);
        text.throwIfErrors();
        return instance(text, header, headerLines, dimension, capacity, coordinates, demands, depots.get(0),
                defaultName);
    }

    private static RoutingInstance instance(InstanceText text, Map<String, String> header,
            Map<String, Line> headerLines, int dimension, long capacity, Map<Long, double[]> coordinates,
            Map<Long, Long> demands, long depotNode, String defaultName) throws InvalidInputException {
        Integer vehicles = header.containsKey("VEHICLES")
                ? headerCount(text, header, headerLines, "VEHICLES") : Integer.valueOf(dimension - 1);
        Double routeLimit = header.containsKey("DISTANCE")
                ? headerPositive(text, header, headerLines, "DISTANCE", false) : null;
        Double service = header.containsKey("SERVICE_TIME")
                ? headerPositive(text, header, headerLines, "SERVICE_TIME", true) : Double.valueOf(0);
        text.throwIfErrors();
        List<Customer> customers = new ArrayList<>();
        for (long node = 1; node <= dimension; node++) {
            if (node != depotNode) {
                double[] xy = coordinates.get(node);
                customers.add(new Customer(ClassicIds.customer(node - 1), "node " + node, xy[0], xy[1],
                        demands.get(node), null, null, service));
            }
        }
        double[] depotXy = coordinates.get(depotNode);
        List<String> vehicleIds = IntStream.rangeClosed(1, Math.max(vehicles, 1)).mapToObj(ClassicIds::vehicle)
                .toList();
        Depot depot = new Depot(ClassicIds.DEPOT, "depot (node " + depotNode + ")", depotXy[0], depotXy[1],
                vehicleIds, capacity, 0, routeLimit);
        String name = header.getOrDefault("NAME", "");
        return new RoutingInstance(name.isEmpty() ? defaultName : name, List.of(depot), customers, true);
    }

    private static Section sectionOf(String token) {
        for (Section section : Section.values()) {
            if (section != Section.HEADER && section.name().equalsIgnoreCase(token.replaceFirst(":$", ""))) {
                return section;
            }
        }
        return null;
    }

    private static void readNode(InstanceText text, Line line, Map<Long, double[]> coordinates) {
        double[] row = text.numbers(line, 3);
        Long node = row == null ? null : text.whole(line, row[0], 1, "the node id");
        if (node != null && coordinates.put(node, new double[] {row[1], row[2]}) != null) {
            text.error(line, "node " + node + " has two coordinate lines");
        }
    }

    private static void readDemand(InstanceText text, Line line, Map<Long, Long> demands) {
        double[] row = text.numbers(line, 2);
        Long node = row == null ? null : text.whole(line, row[0], 1, "the node id");
        Long demand = row == null ? null : text.whole(line, row[1], 0, "the demand");
        if (node != null && demand != null && demands.put(node, demand) != null) {
            text.error(line, "node " + node + " has two demand lines");
        }
    }

    /** Reads one depot id, or the -1 that ends the list; returns whether the list has ended. */
    private static boolean readDepot(InstanceText text, Line line, boolean ended, List<Long> depots) {
        double[] row = text.numbers(line, 1);
        if (row == null) {
            return false;
        }
        if (row[0] == -1) {
            return true;
        }
        if (ended) {
            text.error(line, "depot listed after the -1 that ends DEPOT_SECTION");
        }
        Long depot = text.whole(line, row[0], 1, "the depot node");
        if (depot != null) {
            depots.add(depot);
        }
        return false;
    }

    private static void checkHeaderValues(InstanceText text, Map<String, String> header,
            Map<String, Line> headerLines) {
        if (header.containsKey("TYPE") && !header.get("TYPE").equalsIgnoreCase("CVRP")) {
            text.error(headerLines.get("TYPE"), "TYPE " + header.get("TYPE") + " is not CVRP");
        }
        String weights = header.get("EDGE_WEIGHT_TYPE");
        if (weights == null) {
            text.error("EDGE_WEIGHT_TYPE is missing");
        } else if (!weights.equalsIgnoreCase("EUC_2D")) {
            text.error(headerLines.get("EDGE_WEIGHT_TYPE"),
                    "EDGE_WEIGHT_TYPE " + weights + " is not supported (only EUC_2D)");
        }
    }

    /** Every node 1..dimension needs coordinates and a demand, and no other node may appear. */
    private static void checkNodes(InstanceText text, int dimension, Map<Long, double[]> coordinates,
            Map<Long, Long> demands) {
        for (long node = 1; node <= dimension; node++) {
            if (!coordinates.containsKey(node)) {
                text.error("node " + node + " has no line in NODE_COORD_SECTION");
            }
            if (!demands.containsKey(node)) {
                text.error("node " + node + " has no line in DEMAND_SECTION");
            }
        }
        coordinates.keySet().stream().filter(node -> node > dimension).sorted().forEach(node ->
                text.error("node " + node + " in NODE_COORD_SECTION is beyond DIMENSION " + dimension));
        demands.keySet().stream().filter(node -> node > dimension).sorted().forEach(node ->
                text.error("node " + node + " in DEMAND_SECTION is beyond DIMENSION " + dimension));
    }

    private static Double headerNumber(InstanceText text, Map<String, String> header,
            Map<String, Line> headerLines, String key) {
        String value = header.get(key);
        if (value == null) {
            text.error(key + " is missing");
            return null;
        }
        Double number = InstanceText.parseFinite(value);
        if (number == null) {
            text.error(headerLines.get(key), key + " '" + value + "' is not a number");
        }
        return number;
    }

    /** A number above zero (or at least zero when {@code zeroAllowed}), or {@code null} (error recorded). */
    private static Double headerPositive(InstanceText text, Map<String, String> header,
            Map<String, Line> headerLines, String key, boolean zeroAllowed) {
        Double number = headerNumber(text, header, headerLines, key);
        if (number != null && (number < 0 || number == 0 && !zeroAllowed)) {
            text.error(headerLines.get(key), key + " must be " + (zeroAllowed ? "at least 0" : "above 0")
                    + ", found " + InstanceText.format(number));
            return null;
        }
        return number;
    }

    private static Integer headerCount(InstanceText text, Map<String, String> header,
            Map<String, Line> headerLines, String key) {
        Double number = headerNumber(text, header, headerLines, key);
        return number == null ? null : text.count(headerLines.get(key), number, key);
    }

    private static Long headerWhole(InstanceText text, Map<String, String> header, Map<String, Line> headerLines,
            String key, long minimum) {
        Double number = headerNumber(text, header, headerLines, key);
        return number == null ? null : text.whole(headerLines.get(key), number, minimum, key);
    }
}
