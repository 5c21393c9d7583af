// SPDX-License-Identifier: Apache-2.0
package org.medsupply.cli;

import java.io.PrintWriter;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.ToLongFunction;

import org.medsupply.domain.Priority;
import org.medsupply.io.PlanFile;
import org.medsupply.io.ProblemFile;
import org.medsupply.io.SiteFill;

/**
 * What a coordinator reads first: fill rate per priority with the site worst off, the shortfalls and why,
 * the late lines, and each vehicle's day. Lists run most urgent first, so when a long list is cut, only
 * less urgent lines are left out.
 */
final class PlanSummary {

    /** Unmet and late lines printed before "... and N more". */
    private static final int LINES_SHOWN = 15;
    /** Longer site names are cut so the columns after them stay on one line. */
    private static final int NAME_WIDTH = 30;
    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm");
    private static final DateTimeFormatter DAY_AND_CLOCK = DateTimeFormatter.ofPattern("MM-dd HH:mm");

    private PlanSummary() {
    }

    static void print(PlanFile plan, ProblemFile problem, PrintWriter out) {
        var kpis = plan.kpis();
        out.printf(Locale.ROOT, "Plan for %s: %s%n", plan.problem(),
                Boolean.TRUE.equals(plan.feasible()) ? "feasible" : "NOT FEASIBLE (breaks hard rules)");
        out.printf(Locale.ROOT, "Score %s%n", plan.score());
        out.printf(Locale.ROOT, "Vehicles used %d of %d, %.1f km, %d late line(s)%n", kpis.vehiclesUsed(),
                problem.vehicles().size(), kpis.totalDistanceKm(), kpis.lateLines());
        printFillRates(plan, problem, out);
        LocalDate day = OffsetDateTime.parse(problem.start()).toLocalDate();
        printUnmet(plan.unmet(), out);
        printLate(plan.late(), day, out);
        printRoutes(plan.routes(), day, out);
    }

    private static void printFillRates(PlanFile plan, ProblemFile problem, PrintWriter out) {
        List<SiteFill> sites = SiteFill.of(problem, plan);
        out.println("Fill rate by priority, and the site worst off:");
        TextTable table = new TextTable().left("priority").right("filled").left("worst site").left("name")
                .right("filled there");
        for (Priority priority : Priority.values()) {
            String wire = priority.wireName();
            SiteFill.Units total = new SiteFill.Units(0, 0);
            SiteFill worst = null;
            for (SiteFill site : sites) {
                SiteFill.Units units = site.unitsByPriority().get(wire);
                if (units != null) {
                    total = total.plus(units);
                    if (worst == null || units.fillRate() < worst.unitsByPriority().get(wire).fillRate()) {
                        worst = site;
                    }
                }
            }
            SiteFill.Units worstUnits = worst == null ? null : worst.unitsByPriority().get(wire);
            boolean anyShort = worstUnits != null && worstUnits.delivered() < worstUnits.requested();
            table.row(wire, fillPercent(total.requested(), total.delivered()), anyShort ? worst.hospital() : null,
                    anyShort ? shorten(worst.name()) : null,
                    anyShort ? fillPercent(worstUnits.requested(), worstUnits.delivered()) : null);
        }
        table.print(out, "  ");
    }

    private static void printUnmet(List<PlanFile.UnmetDto> unmet, PrintWriter out) {
        TextTable table = new TextTable().left("priority").left("hospital").left("name").left("supply")
                .right("units").left("reason");
        printMostUrgentFirst("Unmet lines", unmet, PlanFile.UnmetDto::priority, PlanFile.UnmetDto::quantity, table,
                line -> table.row(line.priority(), line.hospital(), shorten(line.hospitalName()), line.supply(),
                        line.quantity(), line.reason()), out);
    }

    private static void printLate(List<PlanFile.LateDto> late, LocalDate day, PrintWriter out) {
        TextTable table = new TextTable().left("priority").left("hospital").left("name").left("supply")
                .right("need by").right("arrives").right("min late");
        printMostUrgentFirst("Late lines", late, PlanFile.LateDto::priority, PlanFile.LateDto::minutesLate, table,
                line -> table.row(line.priority(), line.hospital(), shorten(line.hospitalName()), line.supply(),
                        clock(line.needBy(), day), clock(line.start(), day), line.minutesLate()), out);
    }

    /**
     * Prints the count, then a table of the lines by priority, critical first, then by {@code size}, largest
     * first, cut after {@link #LINES_SHOWN}: what is cut is never more urgent than what is shown.
     */
    private static <T> void printMostUrgentFirst(String title, List<T> lines, Function<T, String> priority,
            ToLongFunction<T> size, TextTable table, Consumer<T> addRow, PrintWriter out) {
        List<T> sorted = orEmpty(lines).stream()
                .sorted(Comparator.comparing((T line) -> Priority.fromWireName(priority.apply(line)))
                        .thenComparing(Comparator.comparingLong(size).reversed()))
                .toList();
        out.printf(Locale.ROOT, "%s: %d%n", title, sorted.size());
        if (sorted.isEmpty()) {
            return;
        }
        sorted.stream().limit(LINES_SHOWN).forEach(addRow);
        table.print(out, "  ");
        if (sorted.size() > LINES_SHOWN) {
            out.printf(Locale.ROOT, "  ... and %d more (less urgent) in the plan file%n", sorted.size() - LINES_SHOWN);
        }
    }

    private static void printRoutes(List<PlanFile.RouteDto> routes, LocalDate day, PrintWriter out) {
        out.printf(Locale.ROOT, "Routes: %d%n", orEmpty(routes).size());
        if (orEmpty(routes).isEmpty()) {
            return;
        }
        TextTable table = new TextTable().left("vehicle").left("warehouse").right("trips").right("stops")
                .right("leaves").right("back").right("km").right("units").right("kg");
        for (PlanFile.RouteDto route : routes) {
            List<PlanFile.TripDto> trips = orEmpty(route.trips());
            int stops = trips.stream().mapToInt(trip -> orEmpty(trip.stops()).size()).sum();
            long units = trips.stream().filter(trip -> trip.load() != null)
                    .flatMap(trip -> trip.load().values().stream()).mapToLong(Long::longValue).sum();
            double kg = trips.stream().filter(trip -> trip.weightKg() != null).mapToDouble(PlanFile.TripDto::weightKg)
                    .sum();
            String warehouse = route.warehouseName() == null ? route.warehouse() : shorten(route.warehouseName());
            table.row(route.vehicle(), warehouse, trips.size(), stops, trips.isEmpty() ? null : clock(trips.get(0).departure(), day),
                    trips.isEmpty() ? null : clock(trips.get(trips.size() - 1).returnTime(), day),
                    String.format(Locale.ROOT, "%.1f", route.distanceKm()), units,
                    String.format(Locale.ROOT, "%.0f", kg));
        }
        table.print(out, "  ");
    }

    /**
     * "97.5 %", never 100 % while a unit is missing; "-" when nothing was requested, where 100 % would read
     * as good news about nothing.
     */
    static String fillPercent(long requested, long delivered) {
        if (requested == 0) {
            return "-";
        }
        double percent = Math.round(1000.0 * delivered / requested) / 10.0;
        return String.format(Locale.ROOT, "%.1f %%", delivered < requested ? Math.min(percent, 99.9) : percent);
    }

    /** "14:05", with the date ("02-02 01:30") when it is not the plan's first day. */
    private static String clock(String time, LocalDate day) {
        OffsetDateTime at = OffsetDateTime.parse(time);
        return at.format(at.toLocalDate().equals(day) ? CLOCK : DAY_AND_CLOCK);
    }

    private static String shorten(String name) {
        if (name == null || name.length() <= NAME_WIDTH) {
            return name;
        }
        return name.substring(0, NAME_WIDTH - 3) + "...";
    }

    private static <T> List<T> orEmpty(List<T> list) {
        return list == null ? List.of() : list;
    }
}
