// SPDX-License-Identifier: Apache-2.0
package org.medsupply.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;

/**
 * Columns for a terminal: each as wide as its widest cell, so long site names do not push a row out of
 * line. Numbers are right-aligned; the last column is left unpadded (free text such as a reason).
 */
final class TextTable {

    private final List<String> headers = new ArrayList<>();
    private final List<Boolean> rightAligned = new ArrayList<>();
    private final List<String[]> rows = new ArrayList<>();

    TextTable left(String header) {
        return column(header, false);
    }

    TextTable right(String header) {
        return column(header, true);
    }

    private TextTable column(String header, boolean right) {
        headers.add(header);
        rightAligned.add(right);
        return this;
    }

    /** @param cells one per column; {@code null} prints as "-" */
    void row(Object... cells) {
        if (cells.length != headers.size()) {
            throw new IllegalArgumentException(headers.size() + " columns, " + cells.length + " cells");
        }
        String[] row = new String[cells.length];
        for (int c = 0; c < cells.length; c++) {
            row[c] = cells[c] == null ? "-" : cells[c].toString();
        }
        rows.add(row);
    }

    /** Prints the header and the rows, each line indented by {@code indent}. */
    void print(PrintWriter out, String indent) {
        int[] widths = new int[headers.size()];
        for (int c = 0; c < widths.length; c++) {
            widths[c] = headers.get(c).length();
            for (String[] row : rows) {
                widths[c] = Math.max(widths[c], row[c].length());
            }
        }
        line(out, indent, headers.toArray(String[]::new), widths);
        rows.forEach(row -> line(out, indent, row, widths));
    }

    private void line(PrintWriter out, String indent, String[] cells, int[] widths) {
        StringBuilder line = new StringBuilder(indent);
        for (int c = 0; c < cells.length; c++) {
            boolean last = c == cells.length - 1;
            String padding = " ".repeat(widths[c] - cells[c].length());
            if (rightAligned.get(c)) {
                line.append(padding).append(cells[c]);
            } else {
                line.append(cells[c]).append(last ? "" : padding);
            }
            if (!last) {
                line.append("  ");
            }
        }
        out.println(line);
    }
}
