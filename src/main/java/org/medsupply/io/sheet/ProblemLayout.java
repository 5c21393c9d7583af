// SPDX-License-Identifier: Apache-2.0
package org.medsupply.io.sheet;

import java.util.List;
import java.util.Optional;

/**
 * The tables of a problem as FORMAT.md's section "Spreadsheets" lays them out: which sheets (or CSV
 * files) there are, their columns, what kind of value each holds and where it goes in the problem's
 * JSON. Written once here and used both ways, by {@link TablesToProblem} and {@link ProblemTablesWriter}.
 */
final class ProblemLayout {

    /** What a cell holds; decides how its text becomes a JSON value and how it is written to a workbook. */
    enum Kind { TEXT, NUMBER, BOOLEAN, TIME }

    /**
     * @param name  the column's header (for {@link Shape#SETTINGS}, the key)
     * @param field where its value goes in the row's object, {@code /} between levels ({@code window/from})
     */
    record Column(String name, Kind kind, String field) {
        Column(String name, Kind kind) {
            this(name, kind, name);
        }
    }

    /** How a table's rows become JSON. */
    enum Shape {
        /** {@code key}, {@code value} rows setting top-level fields. */
        SETTINGS,
        /** One object per row in the top-level list named like the table. */
        LIST,
        /** One object per row in the list {@code field} of the parent's row named in the first column. */
        CHILD_LIST,
        /** One number per row in the map {@code field} of the parent's row, keyed by the second column. */
        CHILD_MAP
    }

    /**
     * @param parent for child tables, the table whose rows the first column names; {@code field} where the
     *               rows go in a parent's object
     */
    record Table(String name, Shape shape, List<Column> columns, String parent, String field) {

        Optional<Column> column(String header) {
            return columns.stream().filter(column -> column.name().equals(header)).findFirst();
        }

        List<String> columnNames() {
            return columns.stream().map(Column::name).toList();
        }
    }

    static final Table SETTINGS = new Table("settings", Shape.SETTINGS, List.of(
            new Column("name", Kind.TEXT, "name"),
            new Column("start", Kind.TIME, "start"),
            new Column("travel", Kind.TEXT, "travel/method"),
            new Column("roadFactor", Kind.NUMBER, "travel/roadFactor"),
            new Column("round", Kind.TEXT, "travel/round"),
            new Column("minutesPerKm", Kind.NUMBER, "travel/minutesPerKm")), null, null);

    static final Table SUPPLIES = new Table("supplies", Shape.LIST, List.of(
            new Column("id", Kind.TEXT), new Column("name", Kind.TEXT), new Column("weightKg", Kind.NUMBER),
            new Column("volumeM3", Kind.NUMBER), new Column("coldChain", Kind.BOOLEAN)), null, null);

    static final Table WAREHOUSES = new Table("warehouses", Shape.LIST, List.of(
            new Column("id", Kind.TEXT), new Column("name", Kind.TEXT), new Column("lat", Kind.NUMBER),
            new Column("lon", Kind.NUMBER), new Column("x", Kind.NUMBER), new Column("y", Kind.NUMBER)), null, null);

    static final Table STOCK = new Table("stock", Shape.CHILD_MAP, List.of(
            new Column("warehouse", Kind.TEXT), new Column("supply", Kind.TEXT), new Column("quantity", Kind.NUMBER)),
            "warehouses", "stock");

    static final Table HOSPITALS = new Table("hospitals", Shape.LIST, List.of(
            new Column("id", Kind.TEXT), new Column("name", Kind.TEXT), new Column("lat", Kind.NUMBER),
            new Column("lon", Kind.NUMBER), new Column("x", Kind.NUMBER), new Column("y", Kind.NUMBER),
            new Column("windowFrom", Kind.TIME, "window/from"), new Column("windowTo", Kind.TIME, "window/to"),
            new Column("unloadMinutes", Kind.NUMBER)), null, null);

    static final Table DEMANDS = new Table("demands", Shape.CHILD_LIST, List.of(
            new Column("hospital", Kind.TEXT), new Column("supply", Kind.TEXT), new Column("quantity", Kind.NUMBER),
            new Column("priority", Kind.TEXT), new Column("needBy", Kind.TIME),
            new Column("splittable", Kind.BOOLEAN)), "hospitals", "demands");

    static final Table VEHICLES = new Table("vehicles", Shape.LIST, List.of(
            new Column("id", Kind.TEXT), new Column("warehouse", Kind.TEXT), new Column("capacityKg", Kind.NUMBER),
            new Column("capacityM3", Kind.NUMBER), new Column("refrigerated", Kind.BOOLEAN),
            new Column("speedKmh", Kind.NUMBER), new Column("shiftFrom", Kind.TIME, "shift/from"),
            new Column("shiftTo", Kind.TIME, "shift/to"), new Column("fixedCost", Kind.NUMBER),
            new Column("costPerKm", Kind.NUMBER), new Column("maxTrips", Kind.NUMBER)), null, null);

    /** In FORMAT.md's order, which is also the order they are read in: parents before their children. */
    static final List<Table> TABLES = List.of(SETTINGS, SUPPLIES, WAREHOUSES, STOCK, HOSPITALS, DEMANDS, VEHICLES);

    static Optional<Table> table(String name) {
        return TABLES.stream().filter(table -> table.name().equals(name)).findFirst();
    }

    static List<String> tableNames() {
        return TABLES.stream().map(Table::name).toList();
    }

    private ProblemLayout() {
    }
}
