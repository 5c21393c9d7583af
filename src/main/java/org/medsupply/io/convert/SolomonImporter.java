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
 * Solomon VRPTW files: a name line, a {@code VEHICLE} section (header, then "NUMBER CAPACITY") and a
 * {@code CUSTOMER} section (header, then rows "id x y demand ready due service", the first row being
 * the depot). Ready and due times become the window, service the unload time, the depot's due date
 * the end of every vehicle's shift; travel is euclidean in double precision.
 */
final class SolomonImporter {

    private static final int ROW_NUMBERS = 7;

    private SolomonImporter() {
    }

    static RoutingInstance parse(String content, String defaultName) throws InvalidInputException {
        InstanceText text = new InstanceText(content);
        List<Line> lines = text.lines();
        if (lines.isEmpty()) {
            throw text.fatal("the file is empty");
        }
        int vehicleSection = indexOfKeyword(lines, "VEHICLE", 0);
        if (vehicleSection < 0) {
            throw text.fatal("no VEHICLE section");
        }
        String name = vehicleSection > 0 ? lines.get(0).text() : defaultName;
        int customerSection = indexOfKeyword(lines, "CUSTOMER", vehicleSection + 1);
        if (customerSection < 0) {
            throw text.fatal("no CUSTOMER section");
        }
        int fleetRow = afterHeader(lines, vehicleSection);
        if (fleetRow >= customerSection) {
            throw text.fatal(lines.get(vehicleSection), "the VEHICLE section has no \"NUMBER CAPACITY\" row");
        }
        Line fleetLine = lines.get(fleetRow);
        double[] fleet = text.numbers(fleetLine, 2);
        Integer vehicles = fleet == null ? null : text.count(fleetLine, fleet[0], "the vehicle number");
        Long capacity = fleet == null ? null : text.whole(fleetLine, fleet[1], 1, "the capacity");
        List<Line> rows = lines.subList(afterHeader(lines, customerSection), lines.size());
        if (rows.isEmpty()) {
            throw text.fatal(lines.get(customerSection), "the CUSTOMER section has no rows");
        }
        double[] depotRow = null;
        List<Customer> customers = new ArrayList<>();
        Set<Long> ids = new HashSet<>();
        for (int i = 0; i < rows.size(); i++) {
            Line line = rows.get(i);
            double[] row = text.numbers(line, ROW_NUMBERS);
            Long id = row == null ? null : text.whole(line, row[0], 0, "the customer number");
            Long demand = row == null ? null : text.whole(line, row[3], 0, "the demand");
            if (id == null || demand == null || !checkTimes(text, line, row)) {
                continue;
            }
            if (!ids.add(id)) {
                text.error(line, "customer number " + id + " appears twice");
            } else if (i == 0) {
                depotRow = row;
            } else {
                customers.add(new Customer(ClassicIds.customer(id), "customer " + id, row[1], row[2], demand,
                        row[4], row[5], row[6]));
            }
        }
        text.throwIfErrors();
        List<String> vehicleIds = IntStream.rangeClosed(1, vehicles)
                .mapToObj(ClassicIds::vehicle).toList();
        Depot depot = new Depot(ClassicIds.DEPOT, "depot (customer " + InstanceText.format(depotRow[0]) + ")",
                depotRow[1], depotRow[2], vehicleIds, capacity, depotRow[4], depotRow[5]);
        return new RoutingInstance(name, List.of(depot), customers, false);
    }

    private static boolean checkTimes(InstanceText text, Line line, double[] row) {
        if (row[4] < 0 || row[6] < 0) {
            text.error(line, "ready time and service time must not be negative");
            return false;
        }
        if (row[4] > row[5]) {
            text.error(line, "ready time " + InstanceText.format(row[4]) + " is after due date "
                    + InstanceText.format(row[5]));
            return false;
        }
        return true;
    }

    private static int indexOfKeyword(List<Line> lines, String keyword, int from) {
        for (int i = from; i < lines.size(); i++) {
            if (lines.get(i).tokens().size() == 1 && lines.get(i).first().equalsIgnoreCase(keyword)) {
                return i;
            }
        }
        return -1;
    }

    /** The line after a section keyword, or after the column header that follows it. */
    private static int afterHeader(List<Line> lines, int keyword) {
        int next = keyword + 1;
        boolean header = next < lines.size() && !lines.get(next).first().matches("[-+]?[0-9.].*");
        return header ? next + 1 : next;
    }
}
