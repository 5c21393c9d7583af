// SPDX-License-Identifier: Apache-2.0
package org.medsupply.check;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiFunction;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.StreamReadException;
import com.fasterxml.jackson.databind.JsonNode;

import org.medsupply.io.InputError;
import org.medsupply.io.InvalidInputException;
import org.medsupply.io.Json;
import org.medsupply.io.PlanFile;
import org.medsupply.io.PlanFile.KpisDto;
import org.medsupply.io.PlanFile.LateDto;
import org.medsupply.io.PlanFile.RouteDto;
import org.medsupply.io.PlanFile.StopDto;
import org.medsupply.io.PlanFile.TripDto;
import org.medsupply.io.PlanFile.UnmetDto;
import org.medsupply.io.ProblemReader;

/**
 * Reads plan JSON strictly, unlike the lenient {@link PlanFile} binding: a misspelt or mistyped field is
 * an error rather than a silently missing value, so the checker never passes a plan it did not read.
 * Every error is collected with its JSON pointer. Only shapes and types are checked here; whether values
 * make sense (ids, times, quantities) is the checker's business. JSON {@code null} counts as absent, and
 * an {@code extensions} object is allowed, and ignored, on every object, as in problem files.
 */
final class PlanReader {

    private static final String EXTENSIONS = "extensions";

    private final List<InputError> errors = new ArrayList<>();

    private PlanReader() {
    }

    static PlanFile read(String json) throws InvalidInputException {
        JsonNode root;
        try {
            root = Json.MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            String where = e.getLocation() == null ? ""
                    : " (line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr() + ")";
            throw new InvalidInputException(List.of(new InputError(failurePointer(e),
                    "not valid JSON" + where + ": " + ProblemReader.plain(e.getOriginalMessage()))));
        }
        if (root == null || root.isMissingNode()) {
            throw new InvalidInputException(List.of(new InputError("", "empty document")));
        }
        PlanReader reader = new PlanReader();
        PlanFile plan = reader.plan(root, "");
        if (!reader.errors.isEmpty()) {
            throw new InvalidInputException(reader.errors);
        }
        return plan;
    }

    /** Where the parser stood when the text stopped being JSON. */
    private static String failurePointer(JsonProcessingException e) {
        if (e instanceof StreamReadException read && read.getProcessor() != null) {
            return read.getProcessor().getParsingContext().pathAsPointer().toString();
        }
        return "";
    }

    private PlanFile plan(JsonNode node, String pointer) {
        Fields f = fields(node, pointer, "problem", "score", "feasible", "routes", "unmet", "late", "kpis",
                "problemRevision");
        return f == null ? null : new PlanFile(f.string("problem"), f.string("score"), f.bool("feasible"),
                f.list("routes", this::route), f.list("unmet", this::unmet), f.list("late", this::late),
                f.value("kpis", this::kpis));
    }

    private RouteDto route(JsonNode node, String pointer) {
        Fields f = fields(node, pointer, "vehicle", "warehouse", "warehouseName", "distanceKm", "trips");
        return f == null ? null : new RouteDto(f.string("vehicle"), f.string("warehouse"), f.string("warehouseName"),
                f.number("distanceKm"), f.list("trips", this::trip));
    }

    private TripDto trip(JsonNode node, String pointer) {
        Fields f = fields(node, pointer, "committed", "departure", "return", "load", "weightKg", "volumeM3", "stops");
        return f == null ? null : new TripDto(f.bool("committed"), f.string("departure"), f.string("return"),
                f.map("load", this::whole), f.number("weightKg"), f.number("volumeM3"), f.list("stops", this::stop));
    }

    private StopDto stop(JsonNode node, String pointer) {
        Fields f = fields(node, pointer, "hospital", "hospitalName", "arrival", "start", "departure", "deliver");
        return f == null ? null : new StopDto(f.string("hospital"), f.string("hospitalName"), f.string("arrival"),
                f.string("start"), f.string("departure"), f.map("deliver", this::whole));
    }

    private UnmetDto unmet(JsonNode node, String pointer) {
        Fields f = fields(node, pointer, "hospital", "hospitalName", "supply", "supplyName", "quantity", "priority",
                "cause", "reason");
        if (f == null) {
            return null;
        }
        Long quantity = f.required("quantity", this::whole);
        return new UnmetDto(f.string("hospital"), f.string("hospitalName"), f.string("supply"), f.string("supplyName"),
                quantity == null ? 0 : quantity, f.string("priority"), f.string("cause"), f.string("reason"));
    }

    private LateDto late(JsonNode node, String pointer) {
        Fields f = fields(node, pointer, "hospital", "hospitalName", "supply", "supplyName", "priority", "needBy",
                "start", "minutesLate");
        if (f == null) {
            return null;
        }
        Long minutesLate = f.required("minutesLate", this::whole);
        return new LateDto(f.string("hospital"), f.string("hospitalName"), f.string("supply"), f.string("supplyName"),
                f.string("priority"), f.string("needBy"), f.string("start"), minutesLate == null ? 0 : minutesLate);
    }

    private KpisDto kpis(JsonNode node, String pointer) {
        Fields f = fields(node, pointer, "totalDistanceKm", "vehiclesUsed", "fillRate", "minHospitalFillRate",
                "lateLines", "changedUnits");
        if (f == null) {
            return null;
        }
        Long vehiclesUsed = f.value("vehiclesUsed", this::whole);
        Long lateLines = f.value("lateLines", this::whole);
        return new KpisDto(f.number("totalDistanceKm"), toInt(vehiclesUsed, pointer + "/vehiclesUsed"),
                f.map("fillRate", this::number), f.map("minHospitalFillRate", this::number),
                toInt(lateLines, pointer + "/lateLines"), f.value("changedUnits", this::whole));
    }

    private Integer toInt(Long value, String pointer) {
        if (value != null && (value < Integer.MIN_VALUE || value > Integer.MAX_VALUE)) {
            errors.add(new InputError(pointer, "number out of range: " + value));
            return null;
        }
        return value == null ? null : value.intValue();
    }

    private String string(JsonNode node, String pointer) {
        return expect(node.isTextual(), node, pointer, "a string") ? node.textValue() : null;
    }

    private Boolean bool(JsonNode node, String pointer) {
        return expect(node.isBoolean(), node, pointer, "true or false") ? node.booleanValue() : null;
    }

    private Double number(JsonNode node, String pointer) {
        return expect(node.isNumber(), node, pointer, "a number") ? node.doubleValue() : null;
    }

    private Long whole(JsonNode node, String pointer) {
        return expect(node.isIntegralNumber() && node.canConvertToLong(), node, pointer, "a whole number")
                ? node.longValue() : null;
    }

    private boolean expect(boolean ok, JsonNode node, String pointer, String what) {
        if (!ok) {
            errors.add(new InputError(pointer, "expected " + what + ", found " + describe(node)));
        }
        return ok;
    }

    private static String describe(JsonNode node) {
        return switch (node.getNodeType()) {
            case OBJECT -> "an object";
            case ARRAY -> "an array";
            case STRING -> "the string \"" + node.textValue() + "\"";
            default -> node.toString();
        };
    }

    /** The object at {@code pointer} with its fields checked against {@code known}, or null if no object. */
    private Fields fields(JsonNode node, String pointer, String... known) {
        if (!expect(node.isObject(), node, pointer, "an object")) {
            return null;
        }
        Set<String> allowed = Set.of(known);
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> field = it.next();
            String at = Pointer.child(pointer, field.getKey());
            if (field.getKey().equals(EXTENSIONS)) {
                expect(field.getValue().isObject() || field.getValue().isNull(), field.getValue(), at, "an object");
            } else if (!allowed.contains(field.getKey())) {
                errors.add(new InputError(at, "unknown field \"" + field.getKey() + "\"; expected one of "
                        + String.join(", ", known)));
            }
        }
        return new Fields(node, pointer);
    }

    /** Typed access to one object's fields; absent (or null) fields read as null. */
    private final class Fields {
        private final JsonNode node;
        private final String pointer;

        Fields(JsonNode node, String pointer) {
            this.node = node;
            this.pointer = pointer;
        }

        <T> T value(String name, BiFunction<JsonNode, String, T> reader) {
            JsonNode value = node.get(name);
            return value == null || value.isNull() ? null : reader.apply(value, Pointer.child(pointer, name));
        }

        <T> T required(String name, BiFunction<JsonNode, String, T> reader) {
            JsonNode value = node.get(name);
            if (value == null || value.isNull()) {
                errors.add(new InputError(Pointer.child(pointer, name), "missing field \"" + name + "\""));
                return null;
            }
            return reader.apply(value, Pointer.child(pointer, name));
        }

        String string(String name) {
            return value(name, PlanReader.this::string);
        }

        Boolean bool(String name) {
            return value(name, PlanReader.this::bool);
        }

        Double number(String name) {
            return value(name, PlanReader.this::number);
        }

        <T> List<T> list(String name, BiFunction<JsonNode, String, T> element) {
            return value(name, (array, at) -> {
                if (!expect(array.isArray(), array, at, "an array")) {
                    return null;
                }
                List<T> items = new ArrayList<>();
                for (int i = 0; i < array.size(); i++) {
                    items.add(element.apply(array.get(i), Pointer.child(at, i)));
                }
                return items;
            });
        }

        /** An object used as a map from id to a value, keys in file order. */
        <T> Map<String, T> map(String name, BiFunction<JsonNode, String, T> valueReader) {
            return value(name, (object, at) -> {
                if (!expect(object.isObject(), object, at, "an object")) {
                    return null;
                }
                Map<String, T> map = new LinkedHashMap<>();
                object.fields().forEachRemaining(entry -> map.put(entry.getKey(),
                        valueReader.apply(entry.getValue(), Pointer.child(at, entry.getKey()))));
                return map;
            });
        }
    }
}
