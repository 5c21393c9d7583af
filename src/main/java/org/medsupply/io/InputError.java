// SPDX-License-Identifier: Apache-2.0
package org.medsupply.io;

/**
 * One thing wrong with an input file.
 *
 * @param pointer RFC 6901 JSON pointer to the offending value ("" for the whole document); for a
 *                spreadsheet, into the problem it converts to
 * @param detail  a plain sentence saying what is wrong
 * @param cell    for a spreadsheet or CSV table, where the value is: {@code demands!C14} (sheet or
 *                file name, column letter, row as the spreadsheet numbers it), {@code demands!14} (a
 *                row), {@code demands} (a table); {@code null} for JSON
 */
public record InputError(String pointer, String detail, String cell) {

    public InputError(String pointer, String detail) {
        this(pointer, detail, null);
    }

    /** Where to look, as a person reads it: the cell when there is one, else the pointer. */
    public String location() {
        return cell != null ? cell : pointer.isEmpty() ? "(document)" : pointer;
    }
}
