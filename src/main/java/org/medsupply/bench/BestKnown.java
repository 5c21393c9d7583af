// SPDX-License-Identifier: Apache-2.0
package org.medsupply.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * One row of an instance folder's {@code bks.csv}: the literature's best-known distance. For Solomon
 * instances the distance-only value (any number of vehicles) is the one to compare with, since
 * MedSupply minimises distance, not vehicles first.
 *
 * @param instanceFile relative to the folder
 */
public record BestKnown(String instance, String family, Path instanceFile, double distance) {

    /** Reads {@code bks.csv} (plain comma-separated, no quoting, header row naming the columns). */
    public static List<BestKnown> read(Path folder) throws IOException {
        List<String> lines = Files.readAllLines(folder.resolve("bks.csv"));
        List<String> header = Arrays.asList(lines.get(0).split(",", -1));
        int instance = column(header, "instance");
        int family = column(header, "family");
        int file = column(header, "instance_file");
        int cost = column(header, "cost_bks");
        int distanceOnly = column(header, "cost_bks_distance_only");
        List<BestKnown> rows = new ArrayList<>();
        for (String line : lines.subList(1, lines.size())) {
            if (line.isBlank()) {
                continue;
            }
            String[] cells = line.split(",", -1);
            String distance = cells[distanceOnly].isBlank() ? cells[cost] : cells[distanceOnly];
            rows.add(new BestKnown(cells[instance], cells[family], Path.of(cells[file]), Double.parseDouble(distance)));
        }
        return rows;
    }

    private static int column(List<String> header, String name) throws IOException {
        int index = header.indexOf(name);
        if (index < 0) {
            throw new IOException("bks.csv has no column '" + name + "'");
        }
        return index;
    }
}
