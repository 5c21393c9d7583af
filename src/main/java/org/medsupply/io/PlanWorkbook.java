// SPDX-License-Identifier: Apache-2.0
package org.medsupply.io;

import java.io.IOException;
import java.io.OutputStream;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.apache.poi.common.usermodel.HyperlinkType;
import org.apache.poi.ss.usermodel.Hyperlink;
import org.apache.poi.ss.usermodel.PrintSetup;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.ss.util.WorkbookUtil;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * A plan as a workbook a coordinator reads and drivers take along: {@code summary} (the plan's figures and
 * its vehicles), one manifest sheet per vehicle that moves (a row per stop and supply, times as date and
 * time cells in the plan's local time, printed one page wide with the header row on every page), then
 * {@code unmet} and {@code late}. Manifest sheets are named after their vehicle, cleaned to what a sheet
 * name may hold.
 */
public final class PlanWorkbook {

    public static final String SUMMARY = "summary";
    public static final String UNMET = "unmet";
    public static final String LATE = "late";

    public static final List<String> MANIFEST_HEADER = List.of("trip", "stop", "hospital", "hospitalName", "supply",
            "supplyName", "quantity", "arrival", "start", "departure");
    public static final List<String> UNMET_HEADER = List.of("hospital", "hospitalName", "supply", "supplyName",
            "priority", "quantity", "cause", "reason");
    public static final List<String> LATE_HEADER = List.of("hospital", "hospitalName", "supply", "supplyName",
            "priority", "needBy", "start", "minutesLate");
    static final List<String> VEHICLES_HEADER = List.of("vehicle", "sheet", "warehouse", "warehouseName", "trips",
            "stops", "km", "units");

    private static final int MAX_SHEET_NAME = 31;
    /** Excel keeps this name for itself. */
    private static final String RESERVED_SHEET_NAME = "history";

    private PlanWorkbook() {
    }

    public static void write(ProblemFile problem, PlanFile plan, OutputStream out) throws IOException {
        Map<String, String> supplyNames = new HashMap<>();
        problem.supplies().forEach(supply -> supplyNames.put(supply.id(), supply.name()));
        List<PlanFile.RouteDto> routes = orEmpty(plan.routes());
        List<String> manifestNames = manifestSheetNames(routes.stream().map(PlanFile.RouteDto::vehicle).toList());
        try (XSSFWorkbook workbook = new XSSFWorkbook()) {
            SheetWriter.Styles styles = SheetWriter.Styles.of(workbook);
            SheetWriter summary = new SheetWriter(workbook.createSheet(SUMMARY), styles);
            writeSummary(summary, problem, plan, manifestNames);
            for (int r = 0; r < routes.size(); r++) {
                SheetWriter manifest = new SheetWriter(workbook.createSheet(manifestNames.get(r)), styles);
                writeManifest(manifest, routes.get(r), supplyNames);
                forDrivers(manifest.sheet(), plan.problem(), routes.get(r));
            }
            SheetWriter unmet = new SheetWriter(workbook.createSheet(UNMET), styles);
            unmet.header(UNMET_HEADER, null);
            for (PlanFile.UnmetDto line : orEmpty(plan.unmet())) {
                unmet.row(line.hospital(), line.hospitalName(), line.supply(), line.supplyName(), line.priority(),
                        line.quantity(), line.cause(), line.reason());
            }
            unmet.fitColumns();
            SheetWriter late = new SheetWriter(workbook.createSheet(LATE), styles);
            late.header(LATE_HEADER, null);
            for (PlanFile.LateDto line : orEmpty(plan.late())) {
                late.row(line.hospital(), line.hospitalName(), line.supply(), line.supplyName(), line.priority(),
                        localTime(line.needBy()), localTime(line.start()), line.minutesLate());
            }
            late.fitColumns();
            workbook.write(out);
        }
    }

    /**
     * One sheet name per vehicle, in order: the id with what a sheet name may not hold replaced, cut to 31
     * characters, and given a {@code ~2}, {@code ~3} ... when it would repeat another sheet's name (Excel
     * compares them ignoring case).
     */
    static List<String> manifestSheetNames(List<String> vehicleIds) {
        Set<String> taken = new HashSet<>(List.of(SUMMARY, UNMET, LATE, RESERVED_SHEET_NAME));
        List<String> names = new ArrayList<>();
        for (String id : vehicleIds) {
            String base = WorkbookUtil.createSafeSheetName(id, '_');
            String name = base;
            for (int n = 2; !taken.add(name.toLowerCase(Locale.ROOT)); n++) {
                String suffix = "~" + n;
                name = base.substring(0, Math.min(base.length(), MAX_SHEET_NAME - suffix.length())) + suffix;
            }
            names.add(name);
        }
        return names;
    }

    private static void writeSummary(SheetWriter sheet, ProblemFile problem, PlanFile plan, List<String> manifests) {
        PlanFile.KpisDto kpis = plan.kpis();
        List<PlanFile.UnmetDto> unmet = orEmpty(plan.unmet());
        sheet.header(List.of("figure", "value"), null);
        sheet.row("problem", plan.problem());
        sheet.row("score", plan.score());
        sheet.row("feasible", plan.feasible());
        sheet.row("times", "local time, UTC" + OffsetDateTime.parse(problem.start()).getOffset().getId()
                .replace("Z", "+00:00"));
        sheet.row("vehicles used", kpis == null ? null : kpis.vehiclesUsed());
        sheet.row("vehicles in the problem", problem.vehicles().size());
        sheet.row("km", kpis == null ? null : kpis.totalDistanceKm());
        sheet.row("unmet lines", unmet.size());
        sheet.row("unmet units", unmet.stream().mapToLong(PlanFile.UnmetDto::quantity).sum());
        sheet.row("late lines", orEmpty(plan.late()).size());
        if (kpis != null && kpis.fillRate() != null) {
            kpis.fillRate().forEach((priority, rate) ->
                    sheet.row("fill rate " + priority, new SheetWriter.Percent(rate)));
        }
        if (kpis != null && kpis.minHospitalFillRate() != null) {
            kpis.minHospitalFillRate().forEach((priority, rate) ->
                    sheet.row("lowest site fill rate " + priority, new SheetWriter.Percent(rate)));
        }
        sheet.skipRow();
        sheet.row(VEHICLES_HEADER.toArray()).forEach(cell -> cell.setCellStyle(sheet.styles().header()));
        List<PlanFile.RouteDto> routes = orEmpty(plan.routes());
        for (int r = 0; r < routes.size(); r++) {
            PlanFile.RouteDto route = routes.get(r);
            List<PlanFile.TripDto> trips = orEmpty(route.trips());
            long stops = trips.stream().mapToLong(trip -> orEmpty(trip.stops()).size()).sum();
            long units = ManifestLine.of(route).stream().mapToLong(ManifestLine::quantity).sum();
            Row row = sheet.row(route.vehicle(), manifests.get(r), route.warehouse(), route.warehouseName(),
                    trips.size(), stops, route.distanceKm(), units);
            Hyperlink link = sheet.sheet().getWorkbook().getCreationHelper().createHyperlink(HyperlinkType.DOCUMENT);
            link.setAddress("'" + manifests.get(r).replace("'", "''") + "'!A1");
            row.getCell(1).setHyperlink(link);
        }
        sheet.fitColumns();
    }

    private static void writeManifest(SheetWriter sheet, PlanFile.RouteDto route, Map<String, String> supplyNames) {
        sheet.header(MANIFEST_HEADER, null);
        for (ManifestLine line : ManifestLine.of(route)) {
            PlanFile.StopDto stop = line.at();
            sheet.row(line.trip(), line.stop(), stop.hospital(), stop.hospitalName(), line.supply(),
                    supplyNames.get(line.supply()), line.quantity(), localTime(stop.arrival()),
                    localTime(stop.start()), localTime(stop.departure()));
        }
        sheet.fitColumns();
    }

    /** Prints one page wide, landscape, the header row on every page and the vehicle named at the top. */
    private static void forDrivers(Sheet sheet, String problemName, PlanFile.RouteDto route) {
        sheet.setFitToPage(true);
        PrintSetup print = sheet.getPrintSetup();
        print.setLandscape(true);
        print.setFitWidth((short) 1);
        print.setFitHeight((short) 0);
        sheet.setRepeatingRows(CellRangeAddress.valueOf("1:1"));
        sheet.setPrintGridlines(true);
        String warehouse = route.warehouseName() == null ? route.warehouse()
                : route.warehouseName() + " (" + route.warehouse() + ")";
        sheet.getHeader().setLeft(headerText(problemName == null ? "" : problemName));
        sheet.getHeader().setCenter(headerText("Vehicle " + route.vehicle() + ", loads at " + warehouse));
        sheet.getHeader().setRight("&P / &N");
    }

    /** An ampersand starts a code in a page header; doubled, it prints as itself. */
    private static String headerText(String text) {
        return text.replace("&", "&&");
    }

    /** The wall-clock time the plan gives (at its own offset), as a spreadsheet date and time cell. */
    private static LocalDateTime localTime(String isoTime) {
        return isoTime == null ? null : OffsetDateTime.parse(isoTime).toLocalDateTime();
    }

    private static <T> List<T> orEmpty(List<T> list) {
        return list == null ? List.of() : list;
    }
}
