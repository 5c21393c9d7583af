// SPDX-License-Identifier: Apache-2.0
package org.medsupply.io;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * FORMAT.md's "Spreadsheets" as data: the sheets of a problem workbook (or the files of a folder of CSV
 * tables), their columns, the JSON field each column holds, its type and the note a coordinator reads.
 * This is the one definition of those names; writing a problem as tables and reading tables back both
 * go through it ({@link ProblemWorkbook} and the CSV writer write tables, {@code io.sheet.TablesToProblem}
 * reads them). Each sheet's rows are objects: a column's {@code field} is a JSON pointer into one row
 * object, and {@link Rows} says where the row objects sit in the problem.
 */
public final class ProblemSheets {

    /** What a column holds; times are ISO-8601 with offset, as in JSON. */
    public enum Type {
        TEXT, NUMBER, INTEGER, BOOLEAN, DATE_TIME
    }

    /**
     * One column (or, on the {@code settings} sheet, one key).
     *
     * @param name     the header, as FORMAT.md names it
     * @param field    JSON pointer of the value within the row object
     * @param unit     what the number counts, {@code null} for text, flags and times
     * @param choices  the only values allowed, or an empty list
     * @param note     what it means, with the default when left empty
     */
    public record Column(String name, String field, Type type, boolean required, String unit, List<String> choices,
            String note) {

        static Column required(String name, Type type, String unit, String note) {
            return new Column(name, "/" + name, type, true, unit, List.of(), note);
        }

        static Column optional(String name, Type type, String unit, String note) {
            return new Column(name, "/" + name, type, false, unit, List.of(), note);
        }

        Column at(String pointer) {
            return new Column(name, pointer, type, required, unit, choices, note);
        }

        Column oneOf(String... values) {
            return new Column(name, field, type, required, unit, List.of(values), note);
        }

        /** The note in full, as a coordinator sees it beside the column: meaning, unit, required or not. */
        public String description() {
            StringBuilder text = new StringBuilder(note);
            if (unit != null) {
                text.append(" Unit: ").append(unit).append('.');
            }
            if (!choices.isEmpty()) {
                text.append(" One of: ").append(String.join(", ", choices)).append('.');
            }
            return text.append(required ? " Required." : " Optional.").toString();
        }
    }

    /** Where a sheet's row objects are in the problem. */
    public sealed interface Rows {
        /** The row objects of {@code problem}, in problem order. */
        List<JsonNode> objects(JsonNode problem);
    }

    /** One row per element of the problem's array {@code array}. */
    public record EachOf(String array) implements Rows {
        @Override
        public List<JsonNode> objects(JsonNode problem) {
            List<JsonNode> objects = new ArrayList<>();
            problem.path(array).forEach(objects::add);
            return objects;
        }
    }

    /**
     * One row per element of the array {@code children} of each element of {@code parents}; the row
     * object gets the parent's id as {@code parentColumn}.
     */
    public record EachChildOf(String parents, String parentColumn, String children) implements Rows {
        @Override
        public List<JsonNode> objects(JsonNode problem) {
            List<JsonNode> objects = new ArrayList<>();
            problem.path(parents).forEach(parent -> parent.path(children).forEach(child ->
                    objects.add(((ObjectNode) child.deepCopy()).set(parentColumn, parent.get("id")))));
            return objects;
        }
    }

    /**
     * One row per entry of the object {@code map} of each element of {@code parents}: the row object is
     * {@code {parentColumn: parent id, keyColumn: key, valueColumn: value}}.
     */
    public record EachEntryOf(String parents, String parentColumn, String map, String keyColumn, String valueColumn)
            implements Rows {
        @Override
        public List<JsonNode> objects(JsonNode problem) {
            List<JsonNode> objects = new ArrayList<>();
            problem.path(parents).forEach(parent -> {
                for (Iterator<Map.Entry<String, JsonNode>> entries = parent.path(map).fields(); entries.hasNext(); ) {
                    Map.Entry<String, JsonNode> entry = entries.next();
                    ObjectNode row = Json.MAPPER.createObjectNode();
                    row.set(parentColumn, parent.get("id"));
                    row.put(keyColumn, entry.getKey());
                    row.set(valueColumn, entry.getValue());
                    objects.add(row);
                }
            });
            return objects;
        }
    }

    /**
     * The problem itself is the one row object, turned on its side: the sheet has two columns, {@code key}
     * and {@code value}, and one row per column definition.
     */
    public record KeyValue() implements Rows {
        @Override
        public List<JsonNode> objects(JsonNode problem) {
            return List.of(problem);
        }
    }

    public record Sheet(String name, Rows rows, List<Column> columns) {

        /** The header row: {@code key}, {@code value} for a key-value sheet, else the column names. */
        public List<String> header() {
            return rows instanceof KeyValue ? List.of(KEY, VALUE) : columnNames();
        }

        public List<String> columnNames() {
            return columns.stream().map(Column::name).toList();
        }

        /** The column headed {@code name} (on a key-value sheet, the key {@code name}). */
        public Optional<Column> column(String name) {
            return columns.stream().filter(column -> column.name().equals(name)).findFirst();
        }
    }

    public static final String KEY = "key";
    public static final String VALUE = "value";

    private static final String TIME = "Date and time with its offset from UTC, e.g. 2026-03-02T07:00:00+01:00.";
    private static final String KM_EUCLIDEAN = "Only with euclidean travel, instead of lat and lon.";

    public static final Sheet SETTINGS = new Sheet("settings", new KeyValue(), List.of(
            Column.optional("name", Type.TEXT, null, "The problem's name, repeated on its plans."),
            Column.required("start", Type.DATE_TIME, null, "Time zero of the plan. " + TIME),
            Column.optional("travel", Type.TEXT, null, "How distances are measured: great-circle km between lat/lon "
                    + "(haversine, the default) or plane distance between x/y (euclidean).")
                    .at("/travel/method").oneOf("haversine", "euclidean"),
            Column.optional("roadFactor", Type.NUMBER, "road km per great-circle km", "Haversine only: how much "
                    + "longer roads are than the straight line. Default 1.3.").at("/travel/roadFactor"),
            Column.optional("round", Type.TEXT, null, "Euclidean only: distances rounded to whole km (nearest, as in "
                    + "CVRPLIB) or not (none, the default).").at("/travel/round").oneOf("none", "nearest"),
            Column.optional("minutesPerKm", Type.NUMBER, "minutes per km", "Driving time per km for every vehicle; "
                    + "when empty, distance / the vehicle's speedKmh.").at("/travel/minutesPerKm")));

    public static final Sheet SUPPLIES = new Sheet("supplies", new EachOf("supplies"), List.of(
            Column.required("id", Type.TEXT, null, "Short unique code of the supply, used on the stock and demands "
                    + "sheets."),
            Column.optional("name", Type.TEXT, null, "What it is, as people call it, e.g. N95 respirators, box of 20."),
            Column.required("weightKg", Type.NUMBER, "kg per unit", "Weight of one unit (above 0)."),
            Column.required("volumeM3", Type.NUMBER, "m3 per unit", "Volume of one unit (above 0)."),
            Column.optional("coldChain", Type.BOOLEAN, null, "TRUE when it may only travel on a refrigerated vehicle. "
                    + "Default FALSE.")));

    /** Where a warehouse or site is: {@code lat}/{@code lon}, or {@code x}/{@code y} on a plane. */
    private static final List<Column> LOCATION = List.of(
            Column.optional("lat", Type.NUMBER, "degrees north", "Latitude; required unless travel is euclidean."),
            Column.optional("lon", Type.NUMBER, "degrees east", "Longitude; required unless travel is euclidean."),
            Column.optional("x", Type.NUMBER, "km", KM_EUCLIDEAN),
            Column.optional("y", Type.NUMBER, "km", KM_EUCLIDEAN));

    public static final Sheet WAREHOUSES = new Sheet("warehouses", new EachOf("warehouses"), columns(
            List.of(Column.required("id", Type.TEXT, null, "Short unique code of the warehouse."),
                    Column.optional("name", Type.TEXT, null, "Its name, shown on plans and manifests.")),
            LOCATION));

    public static final Sheet STOCK = new Sheet("stock",
            new EachEntryOf("warehouses", "warehouse", "stock", "supply", "quantity"), List.of(
            Column.required("warehouse", Type.TEXT, null, "Warehouse id (warehouses sheet)."),
            Column.required("supply", Type.TEXT, null, "Supply id (supplies sheet); one row per warehouse and supply."),
            Column.required("quantity", Type.INTEGER, "units", "Units on hand, a whole number (0 or more). "
                    + "A supply without a row here is not stocked there.")));

    public static final Sheet HOSPITALS = new Sheet("hospitals", new EachOf("hospitals"), columns(
            List.of(Column.required("id", Type.TEXT, null, "Short unique code of the receiving site (hospital, "
                    + "clinic, quarantine site)."),
                    Column.optional("name", Type.TEXT, null, "Its name, shown on plans and drivers' manifests.")),
            LOCATION, List.of(
            Column.optional("windowFrom", Type.DATE_TIME, null, "From when the site receives: unloading may not "
                    + "start earlier. Give both ends or neither. " + TIME).at("/window/from"),
            Column.optional("windowTo", Type.DATE_TIME, null, "Until when the site receives: unloading must start by "
                    + "then. " + TIME).at("/window/to"),
            Column.optional("unloadMinutes", Type.NUMBER, "minutes", "Time to unload at each stop. Default 0."))));

    public static final Sheet DEMANDS = new Sheet("demands", new EachChildOf("hospitals", "hospital", "demands"),
            List.of(
            Column.required("hospital", Type.TEXT, null, "Site id (hospitals sheet)."),
            Column.required("supply", Type.TEXT, null, "Supply id (supplies sheet)."),
            Column.required("quantity", Type.INTEGER, "units", "Units asked for, a whole number of at least 1."),
            Column.optional("priority", Type.TEXT, null, "How urgent: one critical unit outweighs any number of "
                    + "high ones, and so on. Default normal.").oneOf("critical", "high", "normal", "low"),
            Column.optional("needBy", Type.DATE_TIME, null, "Deliveries starting later count as late. " + TIME),
            Column.optional("splittable", Type.BOOLEAN, null, "FALSE when the line must arrive in one stop. "
                    + "Default TRUE.")));

    public static final Sheet VEHICLES = new Sheet("vehicles", new EachOf("vehicles"), List.of(
            Column.required("id", Type.TEXT, null, "Short unique code of the vehicle; it names its manifest."),
            Column.required("warehouse", Type.TEXT, null, "Warehouse id where it loads, leaves from and returns to."),
            Column.optional("capacityKg", Type.NUMBER, "kg", "Most weight per trip. Empty: unlimited."),
            Column.optional("capacityM3", Type.NUMBER, "m3", "Most volume per trip. Empty: unlimited."),
            Column.optional("refrigerated", Type.BOOLEAN, null, "TRUE when it can carry cold-chain supplies. "
                    + "Default FALSE."),
            Column.optional("speedKmh", Type.NUMBER, "km/h", "Average speed on the road. Default 40."),
            Column.optional("shiftFrom", Type.DATE_TIME, null, "Leaves its warehouse at or after this time. "
                    + "Give both ends or neither. " + TIME).at("/shift/from"),
            Column.optional("shiftTo", Type.DATE_TIME, null, "Back at its warehouse by this time. " + TIME)
                    .at("/shift/to"),
            Column.optional("fixedCost", Type.NUMBER, "cost units per day", "Cost of using it at all, weighed "
                    + "against km. Default 0."),
            Column.optional("costPerKm", Type.NUMBER, "cost units per km", "Cost of driving it. Default 1."),
            Column.optional("maxTrips", Type.INTEGER, "trips", "How often it may load in its shift. Default 1.")));

    /** Every sheet, in the order FORMAT.md lists them and a workbook shows them. */
    public static final List<Sheet> SHEETS = List.of(SETTINGS, SUPPLIES, WAREHOUSES, STOCK, HOSPITALS, DEMANDS,
            VEHICLES);

    private ProblemSheets() {
    }

    public static Optional<Sheet> sheet(String name) {
        return SHEETS.stream().filter(sheet -> sheet.name().equals(name)).findFirst();
    }

    public static List<String> sheetNames() {
        return SHEETS.stream().map(Sheet::name).toList();
    }

    /**
     * The problem as the JSON tree its sheets are cut from.
     *
     * @throws IllegalArgumentException for a problem with matrix travel, which tables cannot hold
     */
    public static JsonNode tree(ProblemFile problem) {
        if (problem.travel() != null && "matrix".equals(problem.travel().method())) {
            throw new IllegalArgumentException("a problem with matrix travel has no table form");
        }
        return Json.MAPPER.valueToTree(problem);
    }

    @SafeVarargs
    private static List<Column> columns(List<Column>... groups) {
        return Arrays.stream(groups).flatMap(List::stream).toList();
    }

    /**
     * The sheet's rows of {@code problem} (a problem as a JSON tree), each a list of cell values in the
     * sheet's header order: {@code null} for an absent field. A key-value sheet lists every key, given
     * or not, so a template shows them all.
     */
    public static List<List<JsonNode>> rows(Sheet sheet, JsonNode problem) {
        List<List<JsonNode>> rows = new ArrayList<>();
        for (JsonNode row : sheet.rows().objects(problem)) {
            if (sheet.rows() instanceof KeyValue) {
                sheet.columns().forEach(column -> rows.add(Arrays.asList(
                        Json.MAPPER.getNodeFactory().textNode(column.name()), valueAt(row, column))));
            } else {
                rows.add(sheet.columns().stream().map(column -> valueAt(row, column)).toList());
            }
        }
        return rows;
    }

    private static JsonNode valueAt(JsonNode row, Column column) {
        JsonNode value = row.at(JsonPointer.compile(column.field()));
        return value.isMissingNode() || value.isNull() ? null : value;
    }
}
