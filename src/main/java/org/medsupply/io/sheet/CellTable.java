// SPDX-License-Identifier: Apache-2.0
package org.medsupply.io.sheet;

import java.util.List;

import org.apache.poi.ss.util.CellReference;

/**
 * A table as read from a sheet or a CSV file, before any meaning is given to it: the header (row 1)
 * and the data rows, every cell as the text it shows (blank cells {@code null}).
 *
 * @param name the sheet's name, or the CSV file's name without {@code .csv}
 */
record CellTable(String name, List<String> header, List<Row> rows) {

    /** @param number the row as the spreadsheet numbers it (the header is row 1) */
    record Row(int number, List<String> cells) {

        /** The cell in column {@code index}, {@code null} when blank or beyond the row's end. */
        String cell(int index) {
            return index < cells.size() ? cells.get(index) : null;
        }
    }

    /** A cell's text as the tables see it: without surrounding blanks, {@code null} when blank. */
    static String text(String shown) {
        return shown == null || shown.isBlank() ? null : shown.strip();
    }

    /** {@code demands!C14}: the table's name, column letter and row number. */
    String cellName(int column, int row) {
        return name + "!" + CellReference.convertNumToColString(column) + row;
    }

    String rowName(int row) {
        return name + "!" + row;
    }
}
