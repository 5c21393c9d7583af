// SPDX-License-Identifier: Apache-2.0
package org.medsupply.io;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.medsupply.solver.Dispatcher;
import org.medsupply.testing.TestSolving;

/**
 * The demo's plan as a workbook, read back with POI: every delivery on its vehicle's manifest, unmet and late
 * as the plan says.
 */
class PlanWorkbookTest {

    private static ProblemFile problem;
    private static PlanFile plan;
    private static Workbook workbook;

    @BeforeAll
    static void solveTheDemo() throws Exception {
        problem = ProblemReader.read(Path.of("problems/demo-city-outbreak.json"));
        plan = PlanWriter.toPlan(Dispatcher.solve(ProblemMapper.toSolution(problem), TestSolving.config(200),
                score -> {
                }));
        workbook = new XSSFWorkbook(new ByteArrayInputStream(written(problem, plan)));
    }

    static byte[] written(ProblemFile problem, PlanFile plan) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PlanWorkbook.write(problem, plan, out);
        return out.toByteArray();
    }

    /** A manifest or list row as text, times as local date-times (the plan's at its offset). */
    private static List<String> cells(Row row, int count) {
        DataFormatter formatter = new DataFormatter();
        List<String> cells = new ArrayList<>();
        for (int c = 0; c < count; c++) {
            Cell cell = row.getCell(c);
            if (cell == null) {
                cells.add(null);
            } else if (cell.getCellType() == CellType.NUMERIC && DateUtil.isCellDateFormatted(cell)) {
                cells.add(cell.getLocalDateTimeCellValue().toString());
            } else if (cell.getCellType() == CellType.NUMERIC) {
                cells.add(String.valueOf((long) cell.getNumericCellValue()));
            } else {
                cells.add(formatter.formatCellValue(cell));
            }
        }
        return cells;
    }

    private static String local(String isoTime) {
        return OffsetDateTime.parse(isoTime).toLocalDateTime().toString();
    }

    private static List<List<String>> rowsOf(Sheet sheet, int columns) {
        List<List<String>> rows = new ArrayList<>();
        for (int r = 1; r <= sheet.getLastRowNum(); r++) {
            rows.add(cells(sheet.getRow(r), columns));
        }
        return rows;
    }

    @Test
    void everyDeliveryIsOnItsVehiclesManifestWithItsQuantityAndTimes() {
        Map<String, String> supplyNames = new LinkedHashMap<>();
        problem.supplies().forEach(supply -> supplyNames.put(supply.id(), supply.name()));
        assertThat(plan.routes()).isNotEmpty();
        for (PlanFile.RouteDto route : plan.routes()) {
            Sheet manifest = workbook.getSheet(route.vehicle()); // the demo's ids are valid sheet names
            assertThat(manifest).as(route.vehicle()).isNotNull();
            List<String> header = new ArrayList<>();
            manifest.getRow(0).forEach(cell -> header.add(cell.getStringCellValue()));
            assertThat(header).isEqualTo(PlanWorkbook.MANIFEST_HEADER);
            List<List<String>> expected = new ArrayList<>();
            for (int t = 0; t < route.trips().size(); t++) {
                List<PlanFile.StopDto> stops = route.trips().get(t).stops();
                for (int s = 0; s < stops.size(); s++) {
                    PlanFile.StopDto stop = stops.get(s);
                    for (Map.Entry<String, Long> line : stop.deliver().entrySet()) {
                        expected.add(List.of(String.valueOf(t + 1), String.valueOf(s + 1), stop.hospital(),
                                stop.hospitalName(), line.getKey(), supplyNames.get(line.getKey()),
                                String.valueOf(line.getValue()), local(stop.arrival()), local(stop.start()),
                                local(stop.departure())));
                    }
                }
            }
            assertThat(rowsOf(manifest, header.size())).as(route.vehicle()).isEqualTo(expected);
        }
    }

    @Test
    void unmetAndLateSheetsListThePlansLines() {
        List<List<String>> unmet = new ArrayList<>();
        for (PlanFile.UnmetDto line : plan.unmet()) {
            unmet.add(List.of(line.hospital(), line.hospitalName(), line.supply(), line.supplyName(), line.priority(),
                    String.valueOf(line.quantity()), line.cause(), line.reason()));
        }
        assertThat(unmet).isNotEmpty();
        assertThat(rowsOf(workbook.getSheet(PlanWorkbook.UNMET), PlanWorkbook.UNMET_HEADER.size())).isEqualTo(unmet);

        List<List<String>> late = new ArrayList<>();
        for (PlanFile.LateDto line : plan.late()) {
            late.add(List.of(line.hospital(), line.hospitalName(), line.supply(), line.supplyName(), line.priority(),
                    local(line.needBy()), local(line.start()), String.valueOf(line.minutesLate())));
        }
        assertThat(rowsOf(workbook.getSheet(PlanWorkbook.LATE), PlanWorkbook.LATE_HEADER.size())).isEqualTo(late);
    }

    @Test
    void summaryGivesThePlansFiguresAndLinksEachVehicleToItsManifest() {
        Sheet summary = workbook.getSheet(PlanWorkbook.SUMMARY);
        assertThat(workbook.getSheetIndex(summary)).isZero();
        Map<String, Cell> figures = new LinkedHashMap<>();
        int r = 1;
        for (; summary.getRow(r) != null; r++) {
            figures.put(summary.getRow(r).getCell(0).getStringCellValue(), summary.getRow(r).getCell(1));
        }
        assertThat(figures.get("problem").getStringCellValue()).isEqualTo(plan.problem());
        assertThat(figures.get("score").getStringCellValue()).isEqualTo(plan.score());
        assertThat(figures.get("feasible").getBooleanCellValue()).isEqualTo(plan.feasible());
        assertThat(figures.get("times").getStringCellValue()).isEqualTo("local time, UTC+01:00");
        assertThat(figures.get("vehicles used").getNumericCellValue()).isEqualTo((double) plan.kpis().vehiclesUsed());
        assertThat(figures.get("vehicles in the problem").getNumericCellValue())
                .isEqualTo((double) problem.vehicles().size());
        assertThat(figures.get("km").getNumericCellValue()).isEqualTo(plan.kpis().totalDistanceKm());
        assertThat(figures.get("unmet lines").getNumericCellValue()).isEqualTo((double) plan.unmet().size());
        assertThat(figures.get("unmet units").getNumericCellValue())
                .isEqualTo((double) plan.unmet().stream().mapToLong(PlanFile.UnmetDto::quantity).sum());
        assertThat(figures.get("late lines").getNumericCellValue()).isEqualTo((double) plan.late().size());
        assertThat(figures.get("fill rate critical").getNumericCellValue())
                .isEqualTo(plan.kpis().fillRate().get("critical"));
        assertThat(figures.get("lowest site fill rate high").getNumericCellValue())
                .isEqualTo(plan.kpis().minHospitalFillRate().get("high"));

        Row vehiclesHeader = summary.getRow(r + 1);
        List<String> header = new ArrayList<>();
        vehiclesHeader.forEach(cell -> header.add(cell.getStringCellValue()));
        assertThat(header).isEqualTo(PlanWorkbook.VEHICLES_HEADER);
        for (int v = 0; v < plan.routes().size(); v++) {
            Row row = summary.getRow(r + 2 + v);
            PlanFile.RouteDto route = plan.routes().get(v);
            assertThat(row.getCell(0).getStringCellValue()).isEqualTo(route.vehicle());
            assertThat(row.getCell(1).getHyperlink().getAddress()).isEqualTo("'" + route.vehicle() + "'!A1");
            assertThat(row.getCell(4).getNumericCellValue()).isEqualTo((double) route.trips().size());
        }
    }

    @Test
    void manifestsPrintOnePageWideWithTheHeaderRowOnEveryPage() {
        Sheet manifest = workbook.getSheet(plan.routes().get(0).vehicle());
        assertThat(manifest.getFitToPage()).isTrue();
        assertThat(manifest.getPrintSetup().getFitWidth()).isEqualTo((short) 1);
        assertThat(manifest.getPrintSetup().getFitHeight()).isZero();
        assertThat(manifest.getPrintSetup().getLandscape()).isTrue();
        assertThat(manifest.getRepeatingRows().formatAsString()).isEqualTo("1:1");
        assertThat(manifest.getHeader().getCenter()).contains("Vehicle " + plan.routes().get(0).vehicle());
        Cell arrival = manifest.getRow(1).getCell(PlanWorkbook.MANIFEST_HEADER.indexOf("arrival"));
        assertThat(DateUtil.isCellDateFormatted(arrival)).isTrue();
        assertThat(arrival.getLocalDateTimeCellValue()).isAfter(LocalDateTime.of(2026, 3, 2, 5, 59));
    }

    @Test
    void sheetNamesAreExcelSafeAndUniqueEvenWhenVehicleIdsCollideOnceCleaned() {
        String longId = "refrigerated-van-of-the-north-depot-1";
        assertThat(PlanWorkbook.manifestSheetNames(List.of("van/1", "van?1", "VAN_1", "summary", "History", "a[b]:c*",
                longId, longId + "x", "'quoted'")))
                .containsExactly("van_1", "van_1~2", "VAN_1~3", "summary~2", "History~2", "a_b__c_",
                        longId.substring(0, 31), longId.substring(0, 29) + "~2", "_quoted_");
    }

    @Test
    void aVehicleWhoseIdIsNoSheetNameStillGetsItsManifest() throws IOException {
        PlanFile.RouteDto route = plan.routes().get(0);
        PlanFile.RouteDto renamed = new PlanFile.RouteDto("van/1: north [A&B]", route.warehouse(),
                route.warehouseName(), route.distanceKm(), route.trips());
        PlanFile edited = new PlanFile(plan.problem(), plan.score(), plan.feasible(), List.of(renamed), List.of(),
                List.of(), plan.kpis());
        try (Workbook renamedWorkbook = new XSSFWorkbook(new ByteArrayInputStream(written(problem, edited)))) {
            assertThat(renamedWorkbook.getSheetName(1)).isEqualTo("van_1_ north _A&B_");
            assertThat(renamedWorkbook.getSheetAt(1).getHeader().getCenter()).contains("van/1: north [A&&B]");
            assertThat(renamedWorkbook.getSheet(PlanWorkbook.UNMET).getLastRowNum()).isZero();
        }
    }
}
