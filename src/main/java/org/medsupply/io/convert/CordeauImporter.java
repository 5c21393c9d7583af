// SPDX-License-Identifier: Apache-2.0
package org.medsupply.io.convert;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;

import org.medsupply.io.InvalidInputException;
import org.medsupply.io.convert.InstanceText.Line;
import org.medsupply.io.convert.RoutingInstance.Customer;
import org.medsupply.io.convert.RoutingInstance.Depot;

/**
 * Cordeau's multi-depot VRP files (p01...): "type m n t" (type 2 = MDVRP, m vehicles per depot, n
 * customers, t depots), t lines "D Q" (max route duration, 0 = none, and vehicle capacity), n
 * customer lines "i x y d q f a list..." (service duration d, demand q; the visit combinations are
 * for the periodic variant and ignored) and t depot lines "i x y ...". Depot k gets m vehicles of
 * capacity Q, and a shift of D minutes when D > 0 (travel plus service, as Cordeau's limit counts).
 * The files name no instance, so the name comes from the caller (the file name).
 */
final class CordeauImporter {

    private static final int MDVRP = 2;
    private static final int CUSTOMER_NUMBERS = 7;
    private static final int DEPOT_NUMBERS = 3;

    private CordeauImporter() {
    }

    static RoutingInstance parse(String content, String name) throws InvalidInputException {
        InstanceText text = new InstanceText(content);
        List<Line> lines = text.lines();
        if (lines.isEmpty()) {
            throw text.fatal("the file is empty");
        }
        Line first = lines.get(0);
        double[] problem = text.numbers(first, 4);
        if (problem == null) {
            throw text.fatal(first, "the first line must be \"type m n t\"");
        }
        if (problem[0] != MDVRP) {
            text.error(first, "problem type " + InstanceText.format(problem[0]) + " is not MDVRP (" + MDVRP + ")");
        }
        Integer perDepot = text.count(first, problem[1], "m (vehicles per depot)");
        Integer customerCount = text.count(first, problem[2], "n (customers)");
        Integer depotCount = text.count(first, problem[3], "t (depots)");
        text.throwIfErrors();
        int expectedLines = 1 + 2 * depotCount + customerCount;
        if (lines.size() != expectedLines) {
            Line last = lines.get(lines.size() - 1);
            throw text.fatal(last, "expected " + expectedLines + " non-blank lines for " + customerCount
                    + " customers and " + depotCount + " depots, the file has " + lines.size());
        }
        List<double[]> limits = new ArrayList<>();
        for (Line line : lines.subList(1, 1 + depotCount)) {
            double[] limit = text.numbers(line, 2);
            if (limit != null && limit[0] < 0) {
                text.error(line, "the route duration D must not be negative");
            }
            Long capacity = limit == null ? null : text.whole(line, limit[1], 1, "the capacity Q");
            limits.add(capacity == null ? null : limit);
        }
        List<Customer> customers = new ArrayList<>();
        Set<Long> ids = new HashSet<>();
        for (Line line : lines.subList(1 + depotCount, 1 + depotCount + customerCount)) {
            double[] row = text.numbers(line, 0, CUSTOMER_NUMBERS, Integer.MAX_VALUE);
            Long id = row == null ? null : text.whole(line, row[0], 1, "the customer id");
            Long demand = row == null ? null : text.whole(line, row[4], 0, "the demand");
            if (row != null && row[3] < 0) {
                text.error(line, "the service duration must not be negative");
            } else if (id != null && !ids.add(id)) {
                text.error(line, "customer " + id + " appears twice");
            } else if (id != null && demand != null) {
                customers.add(new Customer(ClassicIds.customer(id), "customer " + id, row[1], row[2], demand,
                        null, null, row[3]));
            }
        }
        List<Line> depotLines = lines.subList(1 + depotCount + customerCount, lines.size());
        List<double[]> depotRows = depotLines.stream()
                .map(line -> text.numbers(line, 0, DEPOT_NUMBERS, Integer.MAX_VALUE)).toList();
        text.throwIfErrors();
        List<Depot> depots = new ArrayList<>();
        for (int k = 1; k <= depotCount; k++) {
            double[] row = depotRows.get(k - 1);
            double[] limit = limits.get(k - 1);
            int depot = k;
            List<String> vehicleIds = IntStream.rangeClosed(1, perDepot)
                    .mapToObj(v -> ClassicIds.depotVehicle(depot, v)).toList();
            depots.add(new Depot(ClassicIds.depot(k), "depot " + k + " (node " + InstanceText.format(row[0]) + ")",
                    row[1], row[2], vehicleIds, (long) limit[1], 0, limit[0] > 0 ? limit[0] : null));
        }
        return new RoutingInstance(name, depots, customers, false);
    }
}
