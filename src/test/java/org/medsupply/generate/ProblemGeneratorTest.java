// SPDX-License-Identifier: Apache-2.0
package org.medsupply.generate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.DoubleSummaryStatistics;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.medsupply.generate.ProblemGenerator.Options;
import org.medsupply.io.Json;
import org.medsupply.io.ProblemFile;
import org.medsupply.io.ProblemFile.DemandDto;
import org.medsupply.io.ProblemFile.HospitalDto;
import org.medsupply.io.ProblemFile.SupplyDto;
import org.medsupply.io.ProblemFile.VehicleDto;
import org.medsupply.io.ProblemFile.WarehouseDto;

import com.fasterxml.jackson.databind.JsonNode;

class ProblemGeneratorTest {

    private static final Options SMALL = Options.of(7, 120, 4, 30);

    /** The field names FORMAT.md allows, by the key under which an object appears (root: ""). */
    private static final Map<String, Set<String>> FORMAT_FIELDS = Map.of(
            "", Set.of("name", "start", "supplies", "warehouses", "hospitals", "vehicles", "travel", "extensions"),
            "supplies", Set.of("id", "name", "weightKg", "volumeM3", "coldChain", "extensions"),
            "warehouses", Set.of("id", "name", "lat", "lon", "x", "y", "stock", "extensions"),
            "hospitals", Set.of("id", "name", "lat", "lon", "x", "y", "window", "unloadMinutes", "demands", "extensions"),
            "window", Set.of("from", "to"),
            "shift", Set.of("from", "to"),
            "demands", Set.of("supply", "quantity", "priority", "needBy", "splittable", "extensions"),
            "vehicles", Set.of("id", "warehouse", "capacityKg", "capacityM3", "refrigerated", "speedKmh", "shift",
                    "fixedCost", "costPerKm", "maxTrips", "extensions"),
            "travel", Set.of("method", "roadFactor", "round", "minutesPerKm", "locations", "distanceKm",
                    "durationMinutes", "extensions"));

    private static String json(ProblemFile problem) throws Exception {
        return Json.MAPPER.writeValueAsString(problem);
    }

    @Test
    void sameSeedGivesTheSameFileByteForByte(@TempDir Path dir) throws Exception {
        Path first = dir.resolve("first.json");
        Path second = dir.resolve("second.json");
        ProblemGenerator.write(ProblemGenerator.generate(SMALL), first);
        ProblemGenerator.write(ProblemGenerator.generate(SMALL), second);
        assertThat(Files.mismatch(first, second)).isEqualTo(-1L);
    }

    @Test
    void differentSeedGivesADifferentProblem() throws Exception {
        Options other = new Options(8, SMALL.hospitals(), SMALL.warehouses(), SMALL.vehicles(), SMALL.scarcity());
        assertThat(json(ProblemGenerator.generate(other))).isNotEqualTo(json(ProblemGenerator.generate(SMALL)));
    }

    @Test
    void writtenFileReadsBackAsTheSameProblem(@TempDir Path dir) throws Exception {
        ProblemFile problem = ProblemGenerator.generate(SMALL);
        Path file = dir.resolve("sub/problem.json");
        ProblemGenerator.write(problem, file);
        assertThat(Json.MAPPER.readValue(file.toFile(), ProblemFile.class)).isEqualTo(problem);
    }

    @Test
    void writtenFileHasOnlyFormatFieldsAndNoDefaultsSpelledOut(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("problem.json");
        ProblemGenerator.write(ProblemGenerator.generate(SMALL), file);
        String text = Files.readString(file);
        assertFormatFields("", Json.MAPPER.readTree(text));
        assertThat(text).doesNotContain("\"coldChain\": false", "\"refrigerated\": false", "\"splittable\": true");
    }

    private static void assertFormatFields(String key, JsonNode node) {
        if (node.isArray()) {
            node.forEach(element -> assertFormatFields(key, element));
        } else if (node.isObject() && FORMAT_FIELDS.containsKey(key)) {
            for (Iterator<Map.Entry<String, JsonNode>> fields = node.fields(); fields.hasNext(); ) {
                Map.Entry<String, JsonNode> field = fields.next();
                assertThat(FORMAT_FIELDS.get(key)).as("fields of %s", key).contains(field.getKey());
                assertFormatFields(field.getKey(), field.getValue());
            }
        }
    }

    @Test
    void hasTheAskedSizesWithUniqueIds() {
        ProblemFile problem = ProblemGenerator.generate(new Options(3, 250, 6, 70, 0.2));
        assertThat(problem.hospitals()).hasSize(250).extracting(HospitalDto::id).doesNotHaveDuplicates();
        assertThat(problem.warehouses()).hasSize(6).extracting(WarehouseDto::id).doesNotHaveDuplicates();
        assertThat(problem.vehicles()).hasSize(70).extracting(VehicleDto::id).doesNotHaveDuplicates();
        assertThat(problem.supplies()).extracting(SupplyDto::id).doesNotHaveDuplicates();
    }

    @Test
    void everyReferenceResolvesAndColdChainStockHasRefrigeratedVans() {
        ProblemFile problem = ProblemGenerator.generate(SMALL);
        Map<String, SupplyDto> supplies = byId(problem.supplies(), SupplyDto::id);
        Set<String> warehouses = byId(problem.warehouses(), WarehouseDto::id).keySet();
        Set<String> refrigeratedBases = new HashSet<>();
        for (VehicleDto vehicle : problem.vehicles()) {
            assertThat(warehouses).contains(vehicle.warehouse());
            if (Boolean.TRUE.equals(vehicle.refrigerated())) {
                refrigeratedBases.add(vehicle.warehouse());
            }
        }
        assertThat(refrigeratedBases).isNotEmpty();
        for (WarehouseDto warehouse : problem.warehouses()) {
            assertThat(supplies).containsKeys(warehouse.stock().keySet().toArray(String[]::new));
            warehouse.stock().forEach((supply, units) -> {
                assertThat(units).isPositive();
                if (Boolean.TRUE.equals(supplies.get(supply).coldChain())) {
                    assertThat(refrigeratedBases).as("cold-chain stock at %s", warehouse.id()).contains(warehouse.id());
                }
            });
        }
        lines(problem).forEach(line -> {
            assertThat(supplies).containsKey(line.supply());
            assertThat(line.quantity()).isPositive();
        });
    }

    @Test
    void scarcityLeavesThatShareOfSomeSuppliesMissingAndOthersAmple() {
        double scarcity = 0.4;
        ProblemFile problem = ProblemGenerator.generate(new Options(11, 200, 5, 50, scarcity));
        Map<String, Long> demand = demandBySupply(problem);
        Map<String, Long> stock = stockBySupply(problem);

        List<String> scarce = demand.keySet().stream()
                .filter(s -> stock.getOrDefault(s, 0L) == (long) Math.floor((1 - scarcity) * demand.get(s))).toList();
        List<String> ample = demand.keySet().stream().filter(s -> stock.getOrDefault(s, 0L) > demand.get(s)).toList();
        assertThat(scarce).isNotEmpty();
        assertThat(ample).isNotEmpty();
        assertThat(scarce.size() + ample.size()).isEqualTo(demand.size());
    }

    @Test
    void aScarceStockShareComesBackExactly() {
        // in binary 1 - (1 - 0.2) is 0.19999999999999996, a unit short of a fifth of 5 units
        assertThat(new Options(1, 10, 1, 1, Options.scarcityFor(0.2)).scarceStockShare()).isEqualTo(0.2);
        assertThat(new Options(1, 10, 1, 1, Options.scarcityFor(0.05)).scarceStockShare()).isEqualTo(0.05);
        // and the default's share is the one the committed files were made with
        assertThat(Options.of(1, 10, 1, 1).scarceStockShare()).isEqualTo(1 - ProblemGenerator.DEFAULT_SCARCITY);
    }

    @Test
    void withoutScarcityEveryDemandIsStocked() {
        ProblemFile problem = ProblemGenerator.generate(new Options(11, 200, 5, 50, 0));
        Map<String, Long> stock = stockBySupply(problem);
        demandBySupply(problem).forEach((supply, units) -> assertThat(stock.get(supply)).as(supply).isGreaterThanOrEqualTo(units));
    }

    @Test
    void prioritiesFollowWhatIsAskedFor() {
        List<DemandDto> lines = lines(ProblemGenerator.generate(Options.of(5, 600, 4, 100))).toList();
        long ventilators = lines.stream().filter(l -> l.supply().equals(Supplies.VENTILATOR)).count();
        long criticalVentilators = lines.stream()
                .filter(l -> l.supply().equals(Supplies.VENTILATOR) && l.priority().equals("critical")).count();
        assertThat(criticalVentilators).isGreaterThan(ventilators / 2);
        assertThat(lines).filteredOn(l -> l.supply().equals(Supplies.FOOD_KIT))
                .isNotEmpty()
                .allSatisfy(l -> assertThat(l.priority()).isIn("high", "normal", "low"));
        assertThat(lines).filteredOn(l -> l.supply().equals(Supplies.N95))
                .filteredOn(l -> l.priority().equals("high")).hasSizeGreaterThan(lines.size() / 20);
        assertThat(lines).filteredOn(l -> Boolean.FALSE.equals(l.splittable()))
                .isNotEmpty()
                .allSatisfy(l -> assertThat(l.supply()).isIn(Supplies.VENTILATOR, Supplies.OXYGEN));
        assertThat(lines).filteredOn(l -> l.needBy() != null)
                .isNotEmpty()
                .allSatisfy(l -> assertThat(l.priority()).isIn("critical", "high"));
    }

    @Test
    void deadlinesFallInsideReceivingWindowsAndTimesAreOrdered() {
        ProblemFile problem = ProblemGenerator.generate(Options.of(9, 400, 4, 80));
        OffsetDateTime start = OffsetDateTime.parse(problem.start());
        assertThat(problem.hospitals()).filteredOn(h -> h.window() != null).isNotEmpty();
        assertThat(problem.hospitals()).filteredOn(h -> h.window() == null).isNotEmpty();
        for (HospitalDto hospital : problem.hospitals()) {
            assertThat(hospital.unloadMinutes()).isPositive();
            OffsetDateTime opens = hospital.window() == null ? start : OffsetDateTime.parse(hospital.window().from());
            OffsetDateTime closes = hospital.window() == null ? null : OffsetDateTime.parse(hospital.window().to());
            assertThat(opens).isAfterOrEqualTo(start);
            if (closes != null) {
                assertThat(closes).isAfter(opens);
            }
            for (DemandDto line : hospital.demands()) {
                if (line.needBy() != null) {
                    OffsetDateTime needBy = OffsetDateTime.parse(line.needBy());
                    assertThat(needBy).isAfter(opens);
                    if (closes != null) {
                        assertThat(needBy).isBeforeOrEqualTo(closes);
                    }
                }
            }
        }
    }

    @Test
    void fleetMixesVansTrucksAndRefrigeratedVansOnShifts() {
        ProblemFile problem = ProblemGenerator.generate(Options.of(4, 400, 5, 100));
        assertThat(problem.vehicles()).allSatisfy(v -> {
            assertThat(v.maxTrips()).isBetween(1, 3);
            assertThat(v.capacityKg()).isPositive();
            assertThat(v.capacityM3()).isPositive();
            assertThat(OffsetDateTime.parse(v.shift().to())).isAfter(OffsetDateTime.parse(v.shift().from()));
        });
        assertThat(problem.vehicles()).extracting(v -> v.id().replaceAll("-\\d+$", ""))
                .contains("van", "truck", "reefer");
        assertThat(problem.vehicles()).filteredOn(v -> Boolean.TRUE.equals(v.refrigerated()))
                .allSatisfy(v -> assertThat(v.id()).startsWith("reefer-"));
        assertThat(problem.vehicles()).filteredOn(v -> v.fixedCost() != null).isNotEmpty();
        assertThat(problem.vehicles()).filteredOn(v -> v.fixedCost() == null).isNotEmpty();
    }

    @Test
    void everyWarehouseHasAVehicleWhenThereAreEnough() {
        ProblemFile problem = ProblemGenerator.generate(Options.of(2, 50, 8, 8));
        assertThat(problem.vehicles()).extracting(VehicleDto::warehouse).doesNotHaveDuplicates().hasSize(8);
    }

    @Test
    void fileNameSaysTheOptions() {
        assertThat(Options.of(1, 2000, 8, 500).fileName()).isEqualTo("outbreak-h2000-w8-v500-s1.json");
        assertThat(new Options(1, 100, 3, 30, 0.5).fileName()).isEqualTo("outbreak-h100-w3-v30-s1-scarcity0.5.json");
    }

    @Test
    void aRadiusSpreadsTheSitesOverAProvince() {
        assertThat(northSouthSpanKm(ProblemGenerator.generate(Options.of(1, 500, 5, 50)))).isBetween(10.0, 60.0);
        assertThat(northSouthSpanKm(ProblemGenerator.generate(new Options(1, 500, 5, 50, 0.3, 150.0))))
                .isBetween(150.0, 360.0);
        assertThat(new Options(1, 10000, 50, 2000, 0.3, 150.0).fileName())
                .isEqualTo("outbreak-h10000-w50-v2000-s1-r150km.json");
    }

    private static double northSouthSpanKm(ProblemFile problem) {
        DoubleSummaryStatistics latitudes = problem.hospitals().stream().mapToDouble(HospitalDto::lat)
                .summaryStatistics();
        return (latitudes.getMax() - latitudes.getMin()) * 6371.0088 * Math.PI / 180;
    }

    @Test
    void rejectsImpossibleOptions() {
        assertThatThrownBy(() -> new Options(1, 10, 1, 1, 0.3, 0.0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Options(1, 10, 1, 1, 0.3, 501.0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Options(1, 10, 1, 1, 1.5)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Options.of(1, 0, 1, 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Options.of(1, 10, 0, 1)).isInstanceOf(IllegalArgumentException.class);
    }

    private static Stream<DemandDto> lines(ProblemFile problem) {
        return problem.hospitals().stream().flatMap(h -> h.demands().stream());
    }

    private static Map<String, Long> demandBySupply(ProblemFile problem) {
        Map<String, Long> demand = new HashMap<>();
        lines(problem).forEach(line -> demand.merge(line.supply(), line.quantity(), Long::sum));
        return demand;
    }

    private static Map<String, Long> stockBySupply(ProblemFile problem) {
        Map<String, Long> stock = new HashMap<>();
        problem.warehouses().forEach(w -> w.stock().forEach((supply, units) -> stock.merge(supply, units, Long::sum)));
        return stock;
    }

    private static <T> Map<String, T> byId(List<T> items, Function<T, String> id) {
        Map<String, T> byId = new HashMap<>();
        items.forEach(item -> byId.put(id.apply(item), item));
        return byId;
    }
}
