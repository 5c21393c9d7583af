// SPDX-License-Identifier: Apache-2.0
package org.medsupply.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.medsupply.io.PlanFile;
import org.medsupply.io.ProblemFile;

/** The summary of a hand-made plan: order of the lists, the worst sites, columns. */
class PlanSummaryTest {

    private static final String LONG_NAME = "Saint-Exupery Regional Infectious Diseases Hospital";
    private static final String DAY = "2026-02-01T";
    private static final String OFFSET = ":00+01:00";

    /**
     * h-a (a long name) and h-b ask for ventilators at critical priority, h-b for masks at high; sixteen
     * clinics ask for masks at low priority; nobody asks at normal priority.
     */
    private static ProblemFile problem() {
        List<ProblemFile.HospitalDto> hospitals = new ArrayList<>();
        hospitals.add(hospital("h-a", LONG_NAME, demand("vent", 10, "critical")));
        hospitals.add(hospital("h-b", "Bron", demand("vent", 5, "critical"), demand("n95", 40, "high")));
        for (int c = 1; c <= 16; c++) {
            hospitals.add(hospital("c-" + c, "Clinic " + c, demand("n95", 20, "low")));
        }
        return new ProblemFile("summary", time("06:00"),
                List.of(new ProblemFile.SupplyDto("n95", "N95 box", 1, 0.01, null, null),
                        new ProblemFile.SupplyDto("vent", "Ventilator", 40, 0.3, null, null)),
                List.of(new ProblemFile.WarehouseDto("wh", "Depot", 45.7, 4.8, null, null, Map.of(), null)),
                hospitals, List.of(new ProblemFile.VehicleDto("van", "wh", null, null, null, null, null, null, null,
                        null, null)), null, null);
    }

    /**
     * Unmet in file order, least urgent first: clinic c-k misses k masks, then h-a 4 ventilators, h-b 3 masks.
     * One late line; one vehicle on two trips.
     */
    private static PlanFile plan() {
        List<PlanFile.UnmetDto> unmet = new ArrayList<>();
        for (int c = 1; c <= 16; c++) {
            unmet.add(unmet("c-" + c, "Clinic " + c, "n95", c, "low"));
        }
        unmet.add(unmet("h-a", LONG_NAME, "vent", 4, "critical"));
        unmet.add(unmet("h-b", "Bron", "n95", 3, "high"));
        PlanFile.TripDto first = new PlanFile.TripDto(time("06:30"), time("09:40"), Map.of("vent", 11L), 440.0, 3.3,
                List.of(stop("h-a"), stop("h-b")));
        PlanFile.TripDto second = new PlanFile.TripDto(time("10:00"), time("11:15"), Map.of("n95", 37L), 37.0, 0.37,
                List.of(stop("h-b")));
        PlanFile.LateDto late = new PlanFile.LateDto("h-a", LONG_NAME, "vent", "Ventilator", "critical", time("09:00"),
                time("09:25"), 25);
        return new PlanFile("summary", "0hard/0soft", true,
                List.of(new PlanFile.RouteDto("van", "wh", "Depot", 52.25, List.of(first, second))), unmet,
                List.of(late), new PlanFile.KpisDto(52.25, 1, Map.of(), Map.of(), 1));
    }

    @Test
    void unmetLinesComeMostUrgentFirstThenLargestSoTheCutHidesOnlyLessUrgentOnes() {
        List<String> unmet = section(summary(), "Unmet lines: 18");

        assertThat(unmet.get(2)).contains("critical", "h-a", "vent", " 4 ");
        assertThat(unmet.get(3)).contains("high", "h-b", "n95", " 3 ");
        for (int row = 4; row <= 16; row++) { // clinics by units missing: c-16, c-15, ... c-4
            assertThat(unmet.get(row)).contains("low", "c-" + (20 - row) + " ");
        }
        assertThat(unmet.get(17)).contains("... and 3 more (less urgent)");
    }

    @Test
    void fillRatesNameTheWorstSiteOfEachPriorityAndShowADashWhereNothingWasAsked() {
        List<String> fill = section(summary(), "Fill rate by priority, and the site worst off:");

        assertThat(fill.get(2)).contains("critical", "73.3 %", "h-a", "60.0 %"); // 11 of 15; h-a 6 of 10
        assertThat(fill.get(3)).contains("high", "92.5 %", "h-b", "Bron", "92.5 %");
        assertThat(fill.get(4).trim().split("\\s+")).containsExactly("normal", "-", "-", "-", "-");
        assertThat(fill.get(5)).contains("low", "57.5 %", "c-16", "Clinic 16", "20.0 %"); // 184 of 320
    }

    @Test
    void aPriorityShortOfOneUnitNeverShowsAsFull() {
        assertThat(PlanSummary.fillPercent(10_000, 9_999)).isEqualTo("99.9 %");
        assertThat(PlanSummary.fillPercent(15, 10)).isEqualTo("66.7 %");
        assertThat(PlanSummary.fillPercent(15, 15)).isEqualTo("100.0 %");
        assertThat(PlanSummary.fillPercent(0, 0)).isEqualTo("-");
    }

    @Test
    void lateLinesAndEachVehiclesDayAreListed() {
        String summary = summary();

        assertThat(section(summary, "Late lines: 1").get(2).trim().split("\\s+"))
                .containsSequence("vent", "09:00", "09:25", "25");
        assertThat(section(summary, "Routes: 1").get(2).trim().split("\\s+"))
                .containsExactly("van", "Depot", "2", "3", "06:30", "11:15", "52.3", "48", "477");
    }

    @Test
    void columnsStayAlignedPastLongNames() {
        List<String> unmet = section(summary(), "Unmet lines: 18").subList(1, 17);

        String header = unmet.get(0);
        assertThat(unmet.get(1)).contains(LONG_NAME.substring(0, 27) + "...");
        for (String row : unmet.subList(1, unmet.size())) {
            String supply = row.contains("vent") ? "vent" : "n95";
            assertThat(row.indexOf(" " + supply + " ") + 1).as(row).isEqualTo(header.indexOf("supply"));
            assertThat(row.indexOf("  ", header.indexOf("units") + "units".length()))
                    .as(row).isEqualTo(header.indexOf("units") + "units".length());
        }
    }

    private static String summary() {
        StringWriter out = new StringWriter();
        PlanSummary.print(plan(), problem(), new PrintWriter(out));
        return out.toString();
    }

    /** The line equal to {@code title} and the indented ones after it (a table's header, then its rows). */
    private static List<String> section(String summary, String title) {
        List<String> lines = Arrays.asList(summary.split("\\R"));
        int start = lines.indexOf(title);
        assertThat(start).as(summary).isNotNegative();
        int end = start + 1;
        while (end < lines.size() && lines.get(end).startsWith("  ")) {
            end++;
        }
        return lines.subList(start, end);
    }

    private static String time(String clock) {
        return DAY + clock + OFFSET;
    }

    private static ProblemFile.HospitalDto hospital(String id, String name, ProblemFile.DemandDto... demands) {
        return new ProblemFile.HospitalDto(id, name, 45.7, 4.8, null, null, null, null, List.of(demands), null);
    }

    private static ProblemFile.DemandDto demand(String supply, long quantity, String priority) {
        return new ProblemFile.DemandDto(supply, quantity, priority, null, null, null);
    }

    private static PlanFile.UnmetDto unmet(String hospital, String name, String supply, long quantity,
            String priority) {
        return new PlanFile.UnmetDto(hospital, name, supply, null, quantity, priority, "stock", "stock: short");
    }

    private static PlanFile.StopDto stop(String hospital) {
        return new PlanFile.StopDto(hospital, null, null, null, null, Map.of());
    }
}
