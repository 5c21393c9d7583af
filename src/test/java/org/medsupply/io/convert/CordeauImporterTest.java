// SPDX-License-Identifier: Apache-2.0
package org.medsupply.io.convert;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.medsupply.io.convert.ConvertTestFiles.details;
import static org.medsupply.io.convert.ConvertTestFiles.text;

import org.junit.jupiter.api.Test;
import org.medsupply.io.InvalidInputException;
import org.medsupply.io.ProblemFile;
import org.medsupply.io.ProblemFile.HospitalDto;
import org.medsupply.io.ProblemFile.VehicleDto;
import org.medsupply.io.ProblemFile.WarehouseDto;
import org.medsupply.io.ProblemFile.WindowDto;

class CordeauImporterTest {

    private static ProblemFile read(String text) throws InvalidInputException {
        return InstanceFormat.CORDEAU.read(text, "two-depots");
    }

    private static InvalidInputException failure(String text) {
        return (InvalidInputException) catchThrowable(() -> read(text));
    }

    @Test
    void eachDepotIsAWarehouseStockedWithTheWholeDemand() throws Exception {
        ProblemFile problem = read(text("two-depots.txt"));

        assertThat(problem.name()).isEqualTo("two-depots");
        assertThat(problem.warehouses()).extracting(WarehouseDto::id).containsExactly("depot-1", "depot-2");
        assertThat(problem.warehouses().get(1).x()).isEqualTo(10.0);
        assertThat(problem.warehouses().get(1).y()).isEqualTo(4.0);
        assertThat(problem.warehouses()).allSatisfy(w -> assertThat(w.stock()).containsEntry("units", 18L));
    }

    @Test
    void eachDepotHasMVehiclesAndAShiftOfDMinutesWhenDIsPositive() throws Exception {
        ProblemFile problem = read(text("two-depots.txt"));

        assertThat(problem.vehicles()).extracting(VehicleDto::id)
                .containsExactly("depot-1-v1", "depot-1-v2", "depot-2-v1", "depot-2-v2");
        assertThat(problem.vehicles()).extracting(VehicleDto::warehouse)
                .containsExactly("depot-1", "depot-1", "depot-2", "depot-2");
        assertThat(problem.vehicles()).allSatisfy(v -> assertThat(v.capacityKg()).isEqualTo(10.0));
        assertThat(problem.vehicles().get(0).shift()).isNull();
        assertThat(problem.vehicles().get(2).shift())
                .isEqualTo(new WindowDto("2026-01-01T00:00:00Z", "2026-01-01T00:30:00Z"));
    }

    @Test
    void customersKeepCoordinatesDemandAndServiceDuration() throws Exception {
        ProblemFile problem = read(text("two-depots.txt"));

        assertThat(problem.hospitals()).extracting(HospitalDto::id).containsExactly("c1", "c2", "c3", "c4");
        HospitalDto third = problem.hospitals().get(2);
        assertThat(third.x()).isEqualTo(10.0);
        assertThat(third.y()).isZero();
        assertThat(third.unloadMinutes()).isEqualTo(2.0);
        assertThat(third.window()).isNull();
        assertThat(third.demands()).singleElement().satisfies(d -> assertThat(d.quantity()).isEqualTo(3));
        assertThat(problem.travel().round()).isEqualTo("none");
    }

    @Test
    void shortRowsAreReportedWithTheirLineNumber() {
        String text = text("two-depots.txt").replace(" 2  6  8 0  5 1 2 1 2", " 2  6  8 0  5")
                .replace("30 10", "30 ten");

        assertThat(details(failure(text))).containsExactly(
                "line 3: 'ten' is not a number",
                "line 5: expected at least 7 numbers, found 5");
    }

    @Test
    void aFileWhoseLineCountDisagreesWithItsFirstLineIsRejected() {
        String text = text("two-depots.txt").replace(" 6 10  4 0  0 0 0\n", "");

        assertThat(details(failure(text))).containsExactly(
                "line 8: expected 9 non-blank lines for 4 customers and 2 depots, the file has 8");
    }

    @Test
    void otherProblemTypesAreRejected() {
        String text = text("two-depots.txt").replace("2 2 4 2", "1 2 4 2");

        assertThat(details(failure(text))).containsExactly("line 1: problem type 1 is not MDVRP (2)");
    }
}
