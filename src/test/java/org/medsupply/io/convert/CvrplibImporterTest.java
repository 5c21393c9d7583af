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
import org.medsupply.io.ProblemFile.WindowDto;
import org.medsupply.io.ProblemMapper;

class CvrplibImporterTest {

    private static ProblemFile read(String text) throws InvalidInputException {
        return InstanceFormat.CVRPLIB.read(text, "fallback");
    }

    private static InvalidInputException failure(String text) {
        return (InvalidInputException) catchThrowable(() -> read(text));
    }

    @Test
    void customersAreNumberedFromTheDepotAsInSolutionFiles() throws Exception {
        ProblemFile problem = read(text("six-nodes.vrp"));

        assertThat(problem.name()).isEqualTo("six-nodes");
        assertThat(problem.warehouses()).singleElement().satisfies(depot -> {
            assertThat(depot.id()).isEqualTo("depot");
            assertThat(depot.stock()).containsEntry("units", 19L);
        });
        assertThat(problem.hospitals()).extracting(HospitalDto::id).containsExactly("c1", "c2", "c3", "c4", "c5");
        HospitalDto last = problem.hospitals().get(4);
        assertThat(last.name()).isEqualTo("node 6");
        assertThat(last.x()).isEqualTo(2.0);
        assertThat(last.y()).isEqualTo(3.0);
        assertThat(last.window()).isNull();
        assertThat(last.unloadMinutes()).isNull();
        assertThat(last.demands()).singleElement().satisfies(demand -> {
            assertThat(demand.quantity()).isEqualTo(2);
            assertThat(demand.isSplittable()).isFalse();
        });
    }

    @Test
    void withoutVehiclesKeyEveryCustomerMayHaveItsOwnVehicle() throws Exception {
        ProblemFile problem = read(text("six-nodes.vrp"));

        assertThat(problem.vehicles()).extracting(VehicleDto::id).containsExactly("v1", "v2", "v3", "v4", "v5");
        assertThat(problem.vehicles()).allSatisfy(vehicle -> {
            assertThat(vehicle.capacityKg()).isEqualTo(10.0);
            assertThat(vehicle.shift()).isNull();
        });
    }

    @Test
    void distancesAreRoundedToTheNearestIntegerPerArc() throws Exception {
        ProblemFile problem = read(text("six-nodes.vrp"));

        assertThat(problem.travel().round()).isEqualTo("nearest");
        assertThat(problem.travel().minutesPerKm()).isEqualTo(1.0);
        var solution = ProblemMapper.toSolution(problem);
        var depot = solution.getWarehouses().get(0);
        var node6 = solution.getHospitals().get(4);
        assertThat(solution.getVehicles().get(0).distanceKm(depot, node6)).isEqualTo(4.0); // 3.606 unrounded
    }

    @Test
    void vehiclesDistanceAndServiceTimeKeysAreHonoured() throws Exception {
        String text = text("six-nodes.vrp").replace("CAPACITY : 10\n",
                "CAPACITY : 10\nVEHICLES : 2\nDISTANCE : 50\nSERVICE_TIME : 3\n");

        ProblemFile problem = read(text);

        assertThat(problem.vehicles()).extracting(VehicleDto::id).containsExactly("v1", "v2");
        assertThat(problem.vehicles().get(0).shift())
                .isEqualTo(new WindowDto("2026-01-01T00:00:00Z", "2026-01-01T00:50:00Z"));
        assertThat(problem.hospitals()).allSatisfy(h -> assertThat(h.unloadMinutes()).isEqualTo(3.0));
    }

    @Test
    void tabSeparatedHeadersAsInTheXSetRead() throws Exception {
        String text = text("six-nodes.vrp").replace(" : ", " : \t").replace("\n", "\t\r\n");

        assertThat(read(text)).isEqualTo(read(text("six-nodes.vrp")));
    }

    @Test
    void brokenRowsAndMissingNodesAreReported() {
        String text = text("six-nodes.vrp").replace("\n3 2 1\n", "\n3 2\n").replace("\n4 5\n", "\n4 five\n");

        assertThat(details(failure(text))).containsExactly(
                "line 10: expected 3 numbers, found 2",
                "line 18: 'five' is not a number");
    }

    @Test
    void incompleteSectionsAreReported() {
        String text = text("six-nodes.vrp").replace("\n5 5\n", "\n").replace("\n6 2 3\n", "\n6 2 3\n7 1 1\n");

        assertThat(details(failure(text))).containsExactly(
                "node 5 has no line in DEMAND_SECTION",
                "node 7 in NODE_COORD_SECTION is beyond DIMENSION 6");
    }

    @Test
    void unsupportedHeadersAreReportedWithTheirLine() {
        String text = text("six-nodes.vrp").replace("EUC_2D", "GEO").replace("TYPE : CVRP", "TYPE : TSP")
                .replace("CAPACITY : 10", "CAPACITY : 10\nEDGE_WEIGHT_FORMAT : FULL_MATRIX");

        assertThat(details(failure(text))).containsExactly(
                "line 7: unsupported key EDGE_WEIGHT_FORMAT",
                "line 3: TYPE TSP is not CVRP",
                "line 5: EDGE_WEIGHT_TYPE GEO is not supported (only EUC_2D)");
    }

    @Test
    void exactlyOneDepotIsRequired() {
        String text = text("six-nodes.vrp").replace(" 1\n -1", " 1\n 2\n -1");

        assertThat(details(failure(text))).containsExactly("DEPOT_SECTION must list exactly one depot, found 2");
    }

    @Test
    void missingCapacityIsReported() {
        String text = text("six-nodes.vrp").replace("CAPACITY : 10\n", "");

        assertThat(details(failure(text))).containsExactly("CAPACITY is missing");
    }
}
