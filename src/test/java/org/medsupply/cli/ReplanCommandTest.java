// SPDX-License-Identifier: Apache-2.0
package org.medsupply.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.medsupply.io.Json;
import org.medsupply.io.PlanFile;
import org.medsupply.io.PlanFile.RouteDto;
import org.medsupply.io.ProblemReader;

/**
 * {@code replan} end to end on a small outbreak: re-planned at 08:00 with a new critical line, a stock count
 * and a vehicle out of service from then on.
 */
class ReplanCommandTest {

    private static final String AT = "2026-02-01T08:00:00+08:00";

    @TempDir
    Path dir;

    private Path fixture(String name) throws IOException {
        Path file = dir.resolve(name);
        try (InputStream in = ReplanCommandTest.class.getResourceAsStream("/org/medsupply/io/replan/" + name)) {
            Files.copy(in, file);
        }
        return file;
    }

    @Test
    void replansKeepingTheTripsUnderWayAndSaysWhatChanged() throws Exception {
        Path problemOut = dir.resolve("replan-problem.json");
        Path planOut = dir.resolve("new-plan.json");
        CliTest.Outcome replanned = CliTest.run("replan", fixture("problem.json").toString(), fixture("plan.json").toString(),
                "--at", AT, "--patch", fixture("patch.json").toString(), "--problem-out", problemOut.toString(),
                "-o", planOut.toString(), "--time-limit", "3s", "--seed", "1", "--quiet");

        assertThat(replanned.exitCode()).as(replanned.err()).isZero();
        assertThat(Json.MAPPER.writeValueAsString(ProblemReader.read(problemOut)))
                .as("the problem built is the reference reading's")
                .isEqualTo(Json.MAPPER.writeValueAsString(ProblemReader.read(fixture("expected-problem.json"))));
        PlanFile plan = Json.MAPPER.readValue(planOut.toFile(), PlanFile.class);
        RouteDto van1 = route(plan, "van-1");
        assertThat(van1.trips().get(0).isCommitted()).isTrue();
        assertThat(van1.trips().get(0).departure()).isEqualTo("2026-02-01T06:30:00+08:00");
        assertThat(van1.trips().get(0).stops()).singleElement()
                .satisfies(stop -> assertThat(stop.deliver()).containsEntry("ventilator", 12L).containsEntry("n95", 600L));
        assertThat(van1.trips().subList(1, van1.trips().size())).allSatisfy(trip -> {
            assertThat(trip.isCommitted()).isFalse();
            assertThat(trip.departure()).isGreaterThanOrEqualTo(AT);
        });
        assertThat(route(plan, "van-2").trips()).as("out of service from 08:00: only its trip under way")
                .singleElement().satisfies(trip -> assertThat(trip.isCommitted()).isTrue());
        assertThat(plan.unmet()).noneMatch(unmet -> unmet.priority().equals("critical"));
        assertThat(plan.kpis().changedUnits()).isNotNull();
        assertThat(replanned.out()).contains("What changed since the plan under way: " + plan.kpis().changedUnits()
                + " announced units moved").contains("of 1 trips not yet left changed; 1 hospital and supply pairs newly served");

        CliTest.Outcome checked = CliTest.run("check", problemOut.toString(), planOut.toString());
        assertThat(checked.exitCode()).as(checked.out()).isZero();
        assertThat(checked.out()).startsWith("ok").contains("announced units changed");
    }

    @Test
    void aTimeThatIsNotOneIsRefusedWithItsPointer() throws Exception {
        CliTest.Outcome refused = CliTest.run("replan", fixture("problem.json").toString(), fixture("plan.json").toString(),
                "--at", "eight");
        assertThat(refused.exitCode()).isEqualTo(Main.BAD_INPUT);
        assertThat(refused.err()).contains("/at: 'eight' is not an ISO-8601 date-time");
    }

    private static RouteDto route(PlanFile plan, String vehicle) {
        return plan.routes().stream().filter(route -> route.vehicle().equals(vehicle)).findFirst().orElseThrow();
    }
}
