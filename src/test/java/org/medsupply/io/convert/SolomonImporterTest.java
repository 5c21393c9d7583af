// SPDX-License-Identifier: Apache-2.0
package org.medsupply.io.convert;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.medsupply.io.convert.ConvertTestFiles.details;
import static org.medsupply.io.convert.ConvertTestFiles.text;

import org.junit.jupiter.api.Test;
import org.medsupply.io.InvalidInputException;
import org.medsupply.io.ProblemFile;
import org.medsupply.io.ProblemFile.HospitalDto;
import org.medsupply.io.ProblemFile.WindowDto;
import org.medsupply.io.ProblemMapper;

class SolomonImporterTest {

    private static ProblemFile read(String text) throws InvalidInputException {
        return InstanceFormat.SOLOMON.read(text, "fallback");
    }

    private static InvalidInputException failure(String text) {
        return (InvalidInputException) catchThrowable(() -> read(text));
    }

    @Test
    void fleetComesFromTheVehicleSectionAndShiftFromTheDepotHorizon() throws Exception {
        ProblemFile problem = read(text("five-customers.txt"));

        assertThat(problem.name()).isEqualTo("FIVE5");
        assertThat(problem.start()).isEqualTo("2026-01-01T00:00:00Z");
        assertThat(problem.vehicles()).hasSize(3).allSatisfy(vehicle -> {
            assertThat(vehicle.warehouse()).isEqualTo("depot");
            assertThat(vehicle.capacityKg()).isEqualTo(50.0);
            assertThat(vehicle.capacityM3()).isNull();
            assertThat(vehicle.shift()).isEqualTo(new WindowDto("2026-01-01T00:00:00Z", "2026-01-01T03:20:00Z"));
        });
        assertThat(problem.vehicles()).extracting(ProblemFile.VehicleDto::id).containsExactly("v1", "v2", "v3");
    }

    @Test
    void customersKeepCoordinatesDemandWindowAndServiceTime() throws Exception {
        ProblemFile problem = read(text("five-customers.txt"));

        assertThat(problem.warehouses()).singleElement().satisfies(depot -> {
            assertThat(depot.x()).isZero();
            assertThat(depot.y()).isZero();
            assertThat(depot.stock()).containsEntry("units", 75L);
        });
        assertThat(problem.hospitals()).extracting(HospitalDto::id).containsExactly("c1", "c2", "c3", "c4", "c5");
        HospitalDto fourth = problem.hospitals().get(3);
        assertThat(fourth.x()).isEqualTo(1.0);
        assertThat(fourth.y()).isEqualTo(1.0);
        assertThat(fourth.window()).isEqualTo(new WindowDto("2026-01-01T00:30:00Z", "2026-01-01T01:20:00Z"));
        assertThat(fourth.unloadMinutes()).isEqualTo(10.0);
        assertThat(fourth.demands()).singleElement().satisfies(demand -> {
            assertThat(demand.supply()).isEqualTo("units");
            assertThat(demand.quantity()).isEqualTo(5);
            assertThat(demand.priority()).isEqualTo("normal");
            assertThat(demand.isSplittable()).isFalse();
        });
    }

    @Test
    void aCustomerWithoutDemandGetsNoDemandLine() throws Exception {
        String text = text("five-customers.txt")
                .replace("    5       0         -5         25", "    5       0         -5          0");

        ProblemFile problem = read(text);

        assertThat(problem.hospitals().get(4).demands()).isEmpty();
        assertThat(problem.warehouses().get(0).stock()).containsEntry("units", 50L);
    }

    @Test
    void travelIsEuclideanInDoublePrecisionAtOneMinutePerUnit() throws Exception {
        ProblemFile.TravelDto travel = read(text("five-customers.txt")).travel();

        assertThat(travel.method()).isEqualTo("euclidean");
        assertThat(travel.round()).isEqualTo("none");
        assertThat(travel.minutesPerKm()).isEqualTo(1.0);
    }

    @Test
    void convertedProblemMapsToThePlanningModel() throws Exception {
        var solution = ProblemMapper.toSolution(read(text("five-customers.txt")));

        assertThat(solution.getHospitals()).hasSize(5);
        assertThat(solution.getVehicles()).hasSize(3);
        assertThat(solution.getLines()).allSatisfy(line -> assertThat(line.splittable()).isFalse());
    }

    @Test
    void windowsLineEndingsAndTabsReadTheSame() throws Exception {
        String text = text("five-customers.txt");

        assertThat(read(text.replace("\n", "\r\n").replace("      ", "\t"))).isEqualTo(read(text));
    }

    @Test
    void everyBrokenRowIsReportedWithItsLineNumber() {
        String text = text("five-customers.txt")
                .replace("    2       6          8         20         10         60         10",
                        "    2       6          8         20         10")
                .replace("    4       1          1          5", "    4       1          x          5")
                .replace("   100        150         10", "   160        150         10");

        assertThat(details(failure(text))).containsExactly(
                "line 12: expected 7 numbers, found 5",
                "line 14: 'x' is not a number",
                "line 15: ready time 160 is after due date 150");
        assertThat(failure(text).errors()).allSatisfy(error -> assertThat(error.pointer()).isEmpty());
    }

    @Test
    void wrongValuesNameTheField() {
        String text = text("five-customers.txt").replace("  3          50", "  0          2.5")
                .replace("    1       3          4         10", "    3       3          4         10");

        assertThat(details(failure(text))).containsExactly(
                "line 5: the vehicle number must be a whole number from 1 to 100000, found 0",
                "line 5: the capacity must be a whole number of at least 1, found 2.5",
                "line 13: customer number 3 appears twice");
    }

    @Test
    void missingSectionsAreReported() {
        String noCustomers = text("five-customers.txt").replace("CUSTOMER\n", "");
        String noFleet = text("five-customers.txt").replace("  3          50\n", "");

        assertThat(details(failure(noCustomers))).containsExactly("no CUSTOMER section");
        assertThat(details(failure(noFleet)))
                .containsExactly("line 3: the VEHICLE section has no \"NUMBER CAPACITY\" row");
        assertThat(details(failure(""))).containsExactly("the file is empty");
        assertThatThrownBy(() -> read("VEHICLE\n3 50\nCUSTOMER\n")).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("line 3: the CUSTOMER section has no rows");
    }
}
