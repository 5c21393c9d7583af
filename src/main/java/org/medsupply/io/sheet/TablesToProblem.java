// SPDX-License-Identifier: Apache-2.0
package org.medsupply.io.sheet;

import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.medsupply.io.FieldMessages;
import org.medsupply.io.InputError;
import org.medsupply.io.InvalidInputException;
import org.medsupply.io.ProblemFile;
import org.medsupply.io.ProblemReader;
import org.medsupply.io.ProblemSheets;
import org.medsupply.io.ProblemSheets.Column;
import org.medsupply.io.ProblemSheets.EachChildOf;
import org.medsupply.io.ProblemSheets.EachEntryOf;
import org.medsupply.io.ProblemSheets.EachOf;
import org.medsupply.io.ProblemSheets.KeyValue;
import org.medsupply.io.ProblemSheets.Sheet;
import org.medsupply.io.ProblemSheets.Type;

/**
 * Turns the tables of a workbook or CSV folder, laid out as {@link ProblemSheets} defines them, into the
 * JSON tree of the problem they describe,
 * remembering the cell each value came from, then checks that tree with the one rule set every problem
 * goes through ({@link ProblemReader#read(JsonNode, ProblemReader.Limits)}) and names each error's cell
 * instead of its JSON pointer: {@code demands!C14: quantity must be between 1 and 1000000000, not -3}.
 * Only what tables add to JSON is checked here: table and column names, rows naming their parent.
 */
final class TablesToProblem {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final Pattern POINTER_IN_TEXT = Pattern.compile("/[A-Za-z]+/[0-9]+(/[A-Za-z0-9]+)*");

    /**
     * Where a value of the tree came from.
     *
     * @param cell  {@code demands!C14}, a row {@code demands!14} or a table {@code demands}
     * @param label the column's name, put before messages about the value; {@code null} for rows and tables
     */
    private record Place(String cell, String label) {
    }

    private final ProblemReader.Limits limits;
    private final ObjectNode root = NODES.objectNode();
    private final Map<String, Place> places = new HashMap<>();
    private final List<InputError> errors = new ArrayList<>();
    /** Per parent table, its ids and the index of the first row with each. */
    private final Map<String, Map<String, Integer>> parentIndexes = new HashMap<>();
    /** The offset of {@code start}, given to date cells and times written without one. */
    private ZoneOffset startOffset;

    private TablesToProblem(ProblemReader.Limits limits) {
        this.limits = limits;
    }

    /** The problem the tables describe, or every error found in them, each naming its cell. */
    static ProblemFile read(List<CellTable> tables, ProblemReader.Limits limits) throws InvalidInputException {
        return new TablesToProblem(limits).convert(tables);
    }

    private ProblemFile convert(List<CellTable> tables) throws InvalidInputException {
        Map<String, CellTable> byName = new LinkedHashMap<>();
        for (CellTable table : tables) {
            if (ProblemSheets.sheet(table.name()).isEmpty()) {
                tableError(table.name(), "unknown table '" + table.name() + "'; expected one of "
                        + String.join(", ", ProblemSheets.sheetNames()));
            } else {
                byName.put(table.name(), table);
            }
        }
        for (Sheet layout : ProblemSheets.SHEETS) {
            CellTable table = byName.get(layout.name());
            if (table == null && layout.rows() instanceof EachOf) {
                tableError(layout.name(), "missing table '" + layout.name() + "' (a sheet, or a CSV file "
                        + layout.name() + ".csv)");
                root.putArray(layout.name());
            } else if (table != null) {
                read(layout, table);
            }
        }
        List<InputError> all = new ArrayList<>(errors);
        try {
            ProblemFile problem = ProblemReader.read(root, limits);
            if (all.isEmpty()) {
                return problem;
            }
        } catch (InvalidInputException invalid) {
            invalid.errors().stream().map(this::located).forEach(all::add);
        }
        throw new InvalidInputException(capped(all));
    }

    private void read(Sheet layout, CellTable table) {
        List<Column> columns = columns(layout, table);
        if (layout.rows() instanceof KeyValue) {
            settings(layout, table);
        } else if (layout.rows() instanceof EachOf list) {
            list(layout, list, table, columns);
        } else if (layout.rows() instanceof EachChildOf children) {
            children(layout, children.parents(), children.parentColumn(), children.children(), table, columns);
        } else if (layout.rows() instanceof EachEntryOf entries) {
            children(layout, entries.parents(), entries.parentColumn(), entries.map(), table, columns);
        }
    }

    /**
     * The layout's column for each of the table's columns ({@code null} where there is none, reported);
     * a settings table has the columns {@code key} and {@code value}.
     */
    private List<Column> columns(Sheet layout, CellTable table) {
        List<String> expected = layout.header();
        List<Column> columns = new ArrayList<>();
        Map<String, Integer> seen = new HashMap<>();
        for (int c = 0; c < table.header().size(); c++) {
            String name = table.header().get(c);
            String cell = table.cellName(c, 1);
            int column = c;
            if (name == null) {
                if (table.rows().stream().anyMatch(row -> row.cell(column) != null)) {
                    error("", cell, "this column has values but no name in row 1");
                }
                columns.add(null);
                continue;
            }
            Integer earlier = seen.putIfAbsent(name, c);
            if (earlier != null) {
                error("", cell, "column '" + name + "' appears twice (also " + table.cellName(earlier, 1) + ")");
            } else if (!expected.contains(name)) {
                error("", cell, "unknown column '" + name + "'; expected one of " + String.join(", ", expected));
            }
            columns.add(earlier == null ? layout.column(name).orElse(null) : null);
        }
        return columns;
    }

    private void settings(Sheet layout, CellTable table) {
        int keyColumn = table.header().indexOf(ProblemSheets.KEY);
        int valueColumn = table.header().indexOf(ProblemSheets.VALUE);
        if (keyColumn < 0 || valueColumn < 0) {
            tableError(table.name(), "a settings table needs the columns key and value");
            return;
        }
        Map<String, Integer> seen = new HashMap<>();
        List<CellTable.Row> ordered = new ArrayList<>(table.rows());
        // start first, so that times elsewhere in settings may take its offset
        ordered.sort((a, b) -> Boolean.compare(!"start".equals(a.cell(keyColumn)), !"start".equals(b.cell(keyColumn))));
        for (CellTable.Row row : ordered) {
            String key = row.cell(keyColumn);
            String keyCell = table.cellName(keyColumn, row.number());
            if (key == null) {
                error("", keyCell, "missing key for the value in this row");
                continue;
            }
            Optional<Column> column = layout.column(key);
            Integer earlier = seen.putIfAbsent(key, row.number());
            if (column.isEmpty()) {
                error("", keyCell, "unknown key '" + key + "'; expected one of "
                        + String.join(", ", layout.columnNames()));
            } else if (earlier != null) {
                error("", keyCell, "key '" + key + "' appears twice (also row " + earlier + ")");
            } else if (row.cell(valueColumn) != null) {
                put(root, "", column.get(), row.cell(valueColumn), table.cellName(valueColumn, row.number()));
                if (key.equals("start")) {
                    startOffset = offsetOf(row.cell(valueColumn));
                }
            }
        }
    }

    private void list(Sheet layout, EachOf rows, CellTable table, List<Column> columns) {
        ArrayNode list = root.putArray(rows.array());
        places.put("/" + rows.array(), new Place(layout.name(), null));
        Map<String, Integer> ids = new HashMap<>();
        int idColumn = table.header().indexOf("id");
        for (CellTable.Row row : table.rows()) {
            String pointer = "/" + rows.array() + "/" + list.size();
            if (idColumn >= 0 && row.cell(idColumn) != null) {
                ids.putIfAbsent(row.cell(idColumn), list.size());
            }
            ObjectNode object = list.addObject();
            // a row's list of children is there even when no child names it (hospitals without demand)
            ProblemSheets.SHEETS.stream().map(Sheet::rows)
                    .filter(child -> child instanceof EachChildOf each && each.parents().equals(rows.array()))
                    .forEach(child -> object.putArray(((EachChildOf) child).children()));
            fill(object, pointer, table, row, columns);
        }
        parentIndexes.put(rows.array(), ids);
    }

    /**
     * Rows of a child table go into the object of the parent row their column {@code parentColumnName}
     * names, in its list or map {@code field}.
     */
    private void children(Sheet layout, String parentList, String parentColumnName, String field, CellTable table,
            List<Column> tableColumns) {
        Map<String, Integer> parents = parentIndexes.getOrDefault(parentList, Map.of());
        int parentColumn = table.header().indexOf(parentColumnName);
        List<Column> columns = new ArrayList<>(tableColumns); // the parent is where a row goes, not a field of it
        if (parentColumn >= 0) {
            columns.set(parentColumn, null);
        }
        Map<String, Integer> keyRows = new HashMap<>();
        for (CellTable.Row row : table.rows()) {
            String parentId = parentColumn < 0 ? null : row.cell(parentColumn);
            if (parentId == null) {
                error("", table.rowName(row.number()), FieldMessages.missingField(parentColumnName));
                continue;
            }
            Integer parent = parents.get(parentId);
            if (parent == null) {
                error("", table.cellName(parentColumn, row.number()), "unknown " + parentColumnName + " '" + parentId + "'");
                continue;
            }
            ObjectNode parentObject = (ObjectNode) root.withArray(parentList).get(parent);
            String parentPointer = "/" + parentList + "/" + parent + "/" + field;
            if (layout.rows() instanceof EachEntryOf entries) {
                entry(layout, entries, table, row, parentObject.with(field), parentPointer, keyRows);
            } else {
                ArrayNode lines = parentObject.withArray(field);
                fill(lines.addObject(), parentPointer + "/" + (lines.size() - 1), table, row, columns);
            }
        }
    }

    /** One row of a map table: {@code warehouse, supply, quantity} sets one entry of the warehouse's stock. */
    private void entry(Sheet layout, EachEntryOf entries, CellTable table, CellTable.Row row, ObjectNode map,
            String mapPointer, Map<String, Integer> keyRows) {
        String keyName = entries.keyColumn();
        int keyColumn = table.header().indexOf(keyName);
        Column valueColumn = layout.column(entries.valueColumn()).orElseThrow();
        String key = keyColumn < 0 ? null : row.cell(keyColumn);
        int column = table.header().indexOf(valueColumn.name());
        String value = column < 0 ? null : row.cell(column);
        if (key == null || value == null) {
            error("", table.rowName(row.number()), FieldMessages.missingField(key == null ? keyName : valueColumn.name()));
            return;
        }
        String parentId = row.cell(table.header().indexOf(entries.parentColumn()));
        Integer earlier = keyRows.putIfAbsent(parentId + "\n" + key, row.number());
        if (earlier != null) {
            error("", table.rowName(row.number()), entries.parentColumn() + " '" + parentId + "' already has its "
                    + keyName + " '" + key + "' in row " + earlier);
            return;
        }
        String pointer = mapPointer + "/" + key.replace("~", "~0").replace("/", "~1");
        map.set(key, value(valueColumn.type(), value));
        places.put(pointer, new Place(table.rowName(row.number()), null));
    }

    private void fill(ObjectNode object, String pointer, CellTable table, CellTable.Row row, List<Column> columns) {
        places.put(pointer, new Place(table.rowName(row.number()), null));
        for (int c = 0; c < columns.size(); c++) {
            if (columns.get(c) != null && row.cell(c) != null) {
                put(object, pointer, columns.get(c), row.cell(c), table.cellName(c, row.number()));
            }
        }
    }

    /**
     * Sets the cell's value at the column's field (a JSON pointer, {@code /window/from}) below {@code object},
     * creating the objects between.
     */
    private void put(ObjectNode object, String pointer, Column column, String text, String cell) {
        String[] path = column.field().substring(1).split("/");
        ObjectNode parent = object;
        String at = pointer;
        for (int i = 0; i < path.length - 1; i++) {
            parent = parent.with(path[i]);
            at += "/" + path[i];
        }
        parent.set(path[path.length - 1], value(column.type(), text));
        places.put(at + "/" + path[path.length - 1], new Place(cell, column.name()));
    }

    /** The JSON value of a cell's text; text that is not of the column's kind stays text, for the rules to name. */
    private JsonNode value(Type type, String text) {
        return switch (type) {
            case TEXT -> NODES.textNode(text);
            case NUMBER, INTEGER -> number(text);
            case BOOLEAN -> text.equalsIgnoreCase("true") ? NODES.booleanNode(true)
                    : text.equalsIgnoreCase("false") ? NODES.booleanNode(false) : NODES.textNode(text);
            case DATE_TIME -> NODES.textNode(time(text));
        };
    }

    private static JsonNode number(String text) {
        try {
            BigDecimal value = new BigDecimal(text);
            if (value.signum() == 0 || value.stripTrailingZeros().scale() <= 0) {
                try {
                    return NODES.numberNode(value.longValueExact());
                } catch (ArithmeticException tooLarge) {
                    return NODES.numberNode(value);
                }
            }
            return NODES.numberNode(value.doubleValue());
        } catch (NumberFormatException notANumber) {
            return NODES.textNode(text);
        }
    }

    /**
     * A time with an offset as it is; a date cell or a time written without an offset ({@code 2026-02-01
     * 08:00}) at the offset of {@code start}, when that is known; anything else as it is, for the rules to name.
     */
    private String time(String text) {
        if (offsetOf(text) != null || startOffset == null) {
            return text;
        }
        try {
            return LocalDateTime.parse(text.replace(' ', 'T')).atOffset(startOffset)
                    .format(DateTimeFormatter.ISO_OFFSET_DATE_TIME);
        } catch (DateTimeParseException e) {
            return text;
        }
    }

    private static ZoneOffset offsetOf(String text) {
        try {
            return OffsetDateTime.parse(text).getOffset();
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    /**
     * The rule set's error, named by the cell (or row, or table) its pointer came from; a requirement on a
     * value is said with its column's name ({@code quantity must be ...}), and pointers in the message
     * become cells too.
     */
    private InputError located(InputError error) {
        String detail = POINTER_IN_TEXT.matcher(error.detail()).replaceAll(match -> {
            Place place = places.get(match.group());
            return Matcher.quoteReplacement(place == null ? match.group() : place.cell());
        });
        if (error.pointer().isEmpty()) {
            return new InputError("", detail, detail.startsWith(FieldMessages.MISSING_FIELD) ? ProblemSheets.SETTINGS.name() : null);
        }
        for (String pointer = error.pointer(); !pointer.isEmpty();
                pointer = pointer.substring(0, pointer.lastIndexOf('/'))) {
            Place place = places.get(pointer);
            if (place != null) {
                boolean requirement = place.label() != null && detail.startsWith("must");
                return new InputError(error.pointer(), requirement ? place.label() + " " + detail : detail,
                        place.cell());
            }
        }
        return new InputError(error.pointer(), detail);
    }

    private List<InputError> capped(List<InputError> all) {
        if (all.size() <= limits.maxErrors()) {
            return all;
        }
        List<InputError> listed = new ArrayList<>(all.subList(0, limits.maxErrors()));
        listed.add(new InputError("", "and " + (all.size() - limits.maxErrors()) + " more errors not listed"));
        return listed;
    }

    private void tableError(String table, String detail) {
        error("", table, detail);
    }

    private void error(String pointer, String cell, String detail) {
        errors.add(new InputError(pointer, detail, cell));
    }
}
