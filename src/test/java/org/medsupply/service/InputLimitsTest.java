// SPDX-License-Identifier: Apache-2.0
package org.medsupply.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.medsupply.generate.ProblemGenerator;
import org.medsupply.io.InputError;
import org.medsupply.io.InvalidInputException;
import org.medsupply.io.ProblemFile;

/** The default size limits take a province, and each limit holds at its value and refuses one more. */
class InputLimitsTest {

    private static ProblemFile province;
    private static long trips;
    private static long lines;
    private static long sites;

    @BeforeAll
    static void generateProvince() {
        province = ProblemGenerator.generate(new ProblemGenerator.Options(1, 10_000, 50, 2_000, 0.3, 150.0));
        trips = province.vehicles().stream().mapToLong(ProblemFile.VehicleDto::maxTripsOrDefault).sum();
        lines = province.hospitals().stream().mapToLong(hospital -> hospital.demands().size()).sum();
        sites = province.warehouses().size() + (long) province.hospitals().size();
    }

    @Test
    void defaultsTakeTheGeneratedProvince() {
        ServiceConfig defaults = ServiceConfig.defaults();
        assertThat(province.hospitals()).hasSize(defaults.maxHospitals());
        assertThat(province.vehicles()).hasSize(defaults.maxVehicles());
        assertThat(trips).isLessThanOrEqualTo(defaults.maxTrips());
        assertThat(lines).isLessThanOrEqualTo(defaults.maxDemandLines());
        assertThat(sites * sites).isLessThanOrEqualTo(defaults.maxMatrixCells());
        assertThatCode(() -> new InputLimits(defaults).checkProblem(province)).doesNotThrowAnyException();
    }

    @Test
    void oneHospitalAndOneVehicleOverTheDefaultsAreRefusedNamingBoth() {
        List<ProblemFile.HospitalDto> hospitals = new ArrayList<>(province.hospitals());
        hospitals.add(hospitals.get(0));
        List<ProblemFile.VehicleDto> vehicles = new ArrayList<>(province.vehicles());
        vehicles.add(vehicles.get(0));
        ProblemFile tooLarge = new ProblemFile(province.name(), province.start(), province.supplies(),
                province.warehouses(), hospitals, vehicles, province.travel(), province.extensions());

        assertThatThrownBy(() -> new InputLimits(ServiceConfig.defaults()).checkProblem(tooLarge))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.errors())
                        .extracting(InputError::pointer, InputError::detail)
                        .contains(tuple("/hospitals",
                                        "10001 hospitals; this server takes at most 10000"),
                                tuple("/vehicles",
                                        "2001 vehicles; this server takes at most 2000")));
    }

    @Test
    void tripsLinesAndCellsAreTakenAtTheLimitAndRefusedOneBelowIt() {
        ServiceConfig atLimits = ServiceConfig.builder().maxTrips((int) trips).maxDemandLines((int) lines)
                .maxMatrixCells(sites * sites).build();
        assertThatCode(() -> new InputLimits(atLimits).checkProblem(province)).doesNotThrowAnyException();

        ServiceConfig belowLimits = ServiceConfig.builder().maxTrips((int) trips - 1)
                .maxDemandLines((int) lines - 1).maxMatrixCells(sites * sites - 1).build();
        assertThatThrownBy(() -> new InputLimits(belowLimits).checkProblem(province))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.errors())
                        .extracting(InputError::detail)
                        .containsExactlyInAnyOrder(
                                trips + " trips (sum of maxTrips); this server takes at most " + (trips - 1),
                                lines + " demand lines; this server takes at most " + (lines - 1),
                                sites * sites + " matrix cells (sites squared); this server takes at most "
                                        + (sites * sites - 1)));
    }
}
