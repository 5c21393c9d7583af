// SPDX-License-Identifier: Apache-2.0
package org.medsupply.check;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.medsupply.io.InputError;
import org.medsupply.io.InvalidInputException;
import org.medsupply.io.Json;
import org.medsupply.io.PlanFile;
import org.medsupply.io.PlanWriter;
import org.medsupply.io.ProblemMapper;
import org.medsupply.io.ProblemFile;
import org.medsupply.solver.Dispatcher;
import org.medsupply.testing.TestProblems;
import org.medsupply.testing.TestSolving;

/**
 * A small problem on a plane (3-4-5 triangle: warehouse wh at (0,0), h1 at (3,4), h2 at (3,0)) and a plan
 * timed by hand: the van drives at 60 km/h (1 minute per km), the fridge truck at 30 km/h (2 minutes per
 * km). Each rule's test makes one edit to the valid plan (or the problem) and expects exactly that
 * violation, where it is.
 */
class PlanCheckerTest {

    private static final String PROBLEM = """
            {"name": "3-4-5", "start": "2026-02-01T06:00:00+08:00",
             "supplies": [{"id": "n95", "name": "N95 box", "weightKg": 1, "volumeM3": 0.01},
                          {"id": "vaccine", "name": "Vaccine tray", "weightKg": 4, "volumeM3": 0.02,
                           "coldChain": true}],
             "warehouses": [{"id": "wh", "name": "Depot", "x": 0, "y": 0, "stock": {"n95": 30, "vaccine": 10}}],
             "hospitals": [
               {"id": "h1", "name": "H1", "x": 3, "y": 4, "unloadMinutes": 10,
                "window": {"from": "2026-02-01T06:00:00+08:00", "to": "2026-02-01T12:00:00+08:00"},
                "demands": [{"supply": "n95", "quantity": 20, "priority": "critical",
                             "needBy": "2026-02-01T09:30:00+08:00"},
                            {"supply": "vaccine", "quantity": 4, "priority": "high"}]},
               {"id": "h2", "name": "H2", "x": 3, "y": 0, "unloadMinutes": 5,
                "window": {"from": "2026-02-01T07:00:00+08:00", "to": "2026-02-01T09:00:00+08:00"},
                "demands": [{"supply": "n95", "quantity": 15, "splittable": false}]}],
             "vehicles": [
               {"id": "van", "warehouse": "wh", "capacityKg": 40, "capacityM3": 1, "speedKmh": 60, "maxTrips": 2,
                "shift": {"from": "2026-02-01T06:00:00+08:00", "to": "2026-02-01T18:00:00+08:00"}},
               {"id": "fridge", "warehouse": "wh", "capacityKg": 100, "refrigerated": true, "speedKmh": 30,
                "shift": {"from": "2026-02-01T06:00:00+08:00", "to": "2026-02-01T18:00:00+08:00"}}],
             "travel": {"method": "euclidean"}}
            """;

    /**
     * Van: wh -5 km-> h1 (06:35, unload 10) -4 km-> h2 (06:49, waits for 07:00, unload 5) -3 km-> wh 07:08.
     * Fridge: wh -5 km (10 min)-> h1 (06:10, unload 10) -> wh 06:30. All 30 n95 shipped; h2 is 5 short.
     */
    private static final String PLAN = """
            {"problem": "3-4-5", "score": "0hard/-5medium/-22000soft", "feasible": true,
             "routes": [
               {"vehicle": "van", "warehouse": "wh", "distanceKm": 12.0,
                "trips": [{"departure": "2026-02-01T06:30:00+08:00", "return": "2026-02-01T07:08:00+08:00",
                           "load": {"n95": 25}, "weightKg": 25.0, "volumeM3": 0.25,
                           "stops": [{"hospital": "h1", "arrival": "2026-02-01T06:35:00+08:00",
                                      "start": "2026-02-01T06:35:00+08:00", "departure": "2026-02-01T06:45:00+08:00",
                                      "deliver": {"n95": 15}},
                                     {"hospital": "h2", "arrival": "2026-02-01T06:49:00+08:00",
                                      "start": "2026-02-01T07:00:00+08:00", "departure": "2026-02-01T07:05:00+08:00",
                                      "deliver": {"n95": 10}}]}]},
               {"vehicle": "fridge", "warehouse": "wh", "distanceKm": 10.0,
                "trips": [{"departure": "2026-02-01T06:00:00+08:00", "return": "2026-02-01T06:30:00+08:00",
                           "load": {"vaccine": 4, "n95": 5}, "weightKg": 21.0, "volumeM3": 0.13,
                           "stops": [{"hospital": "h1", "arrival": "2026-02-01T06:10:00+08:00",
                                      "start": "2026-02-01T06:10:00+08:00", "departure": "2026-02-01T06:20:00+08:00",
                                      "deliver": {"vaccine": 4, "n95": 5}}]}]}],
             "unmet": [{"hospital": "h2", "supply": "n95", "quantity": 5, "priority": "normal", "cause": "stock",
                        "reason": "stock: wh has no n95 left"}],
             "kpis": {"totalDistanceKm": 22.0, "vehiclesUsed": 2,
                      "fillRate": {"critical": 1.0, "high": 1.0, "normal": 0.6667, "low": 1.0},
                      "minHospitalFillRate": {"critical": 1.0, "high": 1.0, "normal": 0.6667, "low": 1.0},
                      "lateLines": 0}}
            """;

    private static final String VAN_TRIP = "/routes/0/trips/0";
    private static final String VAN_H1 = VAN_TRIP + "/stops/0";
    private static final String VAN_H2 = VAN_TRIP + "/stops/1";
    private static final String FRIDGE_H1 = "/routes/1/trips/0/stops/0";
    private static final String EMPTY_TRIP_AT_7 = """
            {"departure": "2026-02-01T07:00:00+08:00", "return": "2026-02-01T07:00:00+08:00",
             "load": {}, "weightKg": 0, "volumeM3": 0, "stops": []}""";

    private final ObjectNode problem = (ObjectNode) json(PROBLEM);
    private final ObjectNode plan = (ObjectNode) json(PLAN);

    @Test
    void handTimedPlanIsValidAndItsFiguresAreRecomputed() throws Exception {
        CheckReport report = check();

        assertThat(report.violations()).isEmpty();
        assertThat(report.valid()).isTrue();
        Summary summary = report.summary();
        assertThat(summary.distanceKm()).isEqualTo(22.0);
        assertThat(summary.vehiclesUsed()).isEqualTo(2);
        assertThat(summary.delivered()).isEqualTo(34);
        assertThat(summary.requested()).isEqualTo(39);
        assertThat(summary.fillRate()).containsExactly(entry("critical", 1.0), entry("high", 1.0),
                entry("normal", 10 / 15d), entry("low", 1.0));
        assertThat(summary.minHospitalFillRate()).containsEntry("normal", 10 / 15d);
        assertThat(summary.lateLines()).isZero();
    }

    @Test
    void timesWithinAMinuteOfTheRecomputedOnesPass() throws Exception {
        set(plan, VAN_H1 + "/arrival", time("06:35:59"));
        set(plan, VAN_TRIP + "/return", time("07:07:01"));

        assertThat(check().violations()).isEmpty();
    }





    /**
     * The valid plan against a problem changed in one place: less stock (reported where the running total
     * passes it), smaller van, no refrigeration, a shorter shift, an unsplittable line that two stops bring.
     */
    @ParameterizedTest(name = "{2} when the problem has {0} = {1}")
    @CsvSource(delimiter = '|', textBlock = """
            /warehouses/0/stock/n95             | 25    | stock       | /routes/1/trips/0/stops/0/deliver/n95
            /vehicles/0/capacityKg              | 24    | capacity-kg | /routes/0/trips/0/load
            /vehicles/0/capacityM3              | 0.2   | capacity-m3 | /routes/0/trips/0/load
            /vehicles/1/refrigerated            | false | cold-chain  | /routes/1/trips/0/stops/0/deliver/vaccine
            /vehicles/0/shift/to                | "2026-02-01T07:05:00+08:00" | shift | /routes/0/trips/0/return
            /vehicles/0/shift/from              | "2026-02-01T06:45:00+08:00" | shift | /routes/0/trips/0/departure
            /hospitals/0/demands/0/splittable   | false | split       | /routes/1/trips/0/stops/0/deliver/n95
            """)
    void planThatNoLongerFitsAChangedProblem(String problemPointer, String value, String rule, String planPointer)
            throws Exception {
        set(problem, problemPointer, json(value));

        assertOnly(rule, planPointer);
    }

    @Test
    void vanLeavingLaterReachesH2AfterItsWindowCloses() throws Exception {
        retimeVan("08:45", "08:50", "08:50", "09:00", "09:04", "09:04", "09:09", "09:12");

        assertOnly("window", VAN_H2 + "/start");
    }

    @Test
    void vanLeavingLaterButStillInTheWindowIsValid() throws Exception {
        retimeVan("08:30", "08:35", "08:35", "08:45", "08:49", "08:49", "08:54", "08:57");

        assertThat(check().violations()).isEmpty();
    }

    @ParameterizedTest
    @CsvSource({
        VAN_H1 + "/arrival, 06:33",     // 06:30 + 5 km at 60 km/h
        VAN_H1 + "/departure, 06:50",   // start + 10 minutes unload
        VAN_H2 + "/start, 07:05",       // waits for the window to open at 07:00, no longer
        VAN_H2 + "/arrival, 06:51",     // 06:45 + 4 km
        VAN_TRIP + "/return, 07:20",    // 07:05 + 3 km
        FRIDGE_H1 + "/arrival, 06:05",  // 5 km at 30 km/h take 10 minutes
    })
    void statedTimeThatTravelAndUnloadCannotGiveIsWrong(String pointer, String wrongTime) throws Exception {
        set(plan, pointer, time(wrongTime));

        assertOnly("times", pointer);
    }



    /** The fridge's trip as under way when re-planning at 06:20 (FORMAT.md, Re-planning), its plan trip marked so. */
    private void fridgeTripCommittedAt(String now) {
        set(problem, "/now", time(now));
        set(problem, "/committed", json("""
                [{"vehicle": "fridge", "departure": "2026-02-01T06:00:00+08:00",
                  "stops": [{"hospital": "h1", "deliver": {"vaccine": 4, "n95": 5}}]}]"""));
        set(plan, "/routes/1/trips/0/committed", true);
    }

    @Test
    void aCommittedTripKeptExactlyIsValidAndNotJudgedByTodaysRules() throws Exception {
        fridgeTripCommittedAt("06:20");
        set(problem, "/vehicles/1/refrigerated", false); // the fridge broke down since it left
        set(problem, "/vehicles/1/capacityKg", 10);
        set(problem, "/warehouses/0/stock/vaccine", 0); // what it loaded left before now

        assertThat(check().violations()).isEmpty();
    }

    @Test
    void aCommittedTripNotKeptExactly() throws Exception {
        fridgeTripCommittedAt("06:20");
        set(problem, "/committed/0/stops/0/deliver/n95", 6);

        assertOnly("committed", "/routes/1/trips/0");
    }

    @Test
    void aTripMarkedCommittedThatTheProblemDoesNotCommit() throws Exception {
        fridgeTripCommittedAt("06:20");
        set(plan, VAN_TRIP + "/committed", true);

        assertThat(hardViolations()).extracting(Violation::rule, Violation::pointer).containsExactlyInAnyOrder(
                tuple("committed", "/routes/0/trips"), tuple("committed", VAN_TRIP + "/committed"));
    }

    @Test
    void aNewTripLeavingBeforeNow() throws Exception {
        fridgeTripCommittedAt("06:40");

        assertOnly("before-now", VAN_TRIP + "/departure");
    }

    @Test
    void aCommittedVehicleWithoutRoute() throws Exception {
        fridgeTripCommittedAt("06:20");
        ((ArrayNode) plan.at("/routes")).remove(1);

        assertThat(hardViolations()).extracting(Violation::rule, Violation::pointer)
                .contains(tuple("committed", "/routes"));
    }

    /** The fridge's trip under way brought h1 25 n95 of the 20 it asked for; the van brings h1 {@code vanUnits}. */
    private void committedOverDelivery(int vanUnits) {
        fridgeTripCommittedAt("06:20");
        set(problem, "/committed/0/stops/0/deliver/n95", 25);
        set(plan, "/routes/1/trips/0/stops/0/deliver/n95", 25);
        set(plan, "/routes/1/trips/0/load/n95", 25);
        set(plan, "/routes/1/trips/0/weightKg", 41.0);
        set(plan, "/routes/1/trips/0/volumeM3", 0.33);
        set(plan, VAN_H1 + "/deliver/n95", vanUnits);
        set(plan, VAN_TRIP + "/load/n95", vanUnits + 10);
        set(plan, VAN_TRIP + "/weightKg", vanUnits + 10.0);
        set(plan, VAN_TRIP + "/volumeM3", (vanUnits + 10) / 100.0);
    }

    @Test
    void overDeliveryThroughCommittedTripsAloneIsAllowed() throws Exception {
        committedOverDelivery(0);

        assertThat(hardViolations()).extracting(Violation::rule).doesNotContain("over-delivery");
    }

    @Test
    void overDeliveryByANewTripOnTopOfCommittedOnesIsNot() throws Exception {
        committedOverDelivery(15);

        assertThat(hardViolations()).extracting(Violation::rule, Violation::pointer)
                .contains(tuple("over-delivery", VAN_H1 + "/deliver/n95"));
    }

    @ParameterizedTest
    @CsvSource({"0, ''", "3, /kpis/changedUnits"})
    void changedUnitsCountAnnouncedUnitsNotBroughtOnTheSameVehicle(long stated, String violationAt) throws Exception {
        fridgeTripCommittedAt("06:20");
        // the van brings 15 of the 17 announced n95 to h1 (2 changed); the fridge's trip under way counts for nothing
        set(problem, "/reference", json("""
                [{"vehicle": "van", "stops": [{"hospital": "h1", "deliver": {"n95": 17}}]},
                 {"vehicle": "fridge", "stops": [{"hospital": "h1", "deliver": {"n95": 0}}]}]"""));
        set(plan, "/kpis/changedUnits", stated + 2);

        CheckReport report = check();
        assertThat(report.summary().changedUnits()).isEqualTo(2);
        assertThat(report.violations()).extracting(Violation::pointer)
                .containsExactlyElementsOf(violationAt.isEmpty() ? List.of() : List.of(violationAt));
    }

    @Test
    void secondTripLeavingBeforeTheFirstIsBack() throws Exception {
        ((ArrayNode) plan.at("/routes/0/trips")).add(json(EMPTY_TRIP_AT_7));

        assertOnly("trip-order", "/routes/0/trips/1/departure");
    }

    @Test
    void moreTripsThanTheVehicleMayMake() throws Exception {
        String emptyTripAt710 = EMPTY_TRIP_AT_7.replace("07:00:00", "07:10:00");
        ((ArrayNode) plan.at("/routes/0/trips")).add(json(emptyTripAt710)).add(json(emptyTripAt710));

        assertOnly("max-trips", "/routes/0/trips");
    }

    @Test
    void routeFromAnotherWarehouse() throws Exception {
        set(plan, "/routes/0/warehouse", "wh-north");

        assertOnly("warehouse", "/routes/0/warehouse");
    }

    @Test
    void loadThatIsNotTheSumOfTheDeliveries() throws Exception {
        set(plan, VAN_TRIP + "/load/n95", 24);

        assertOnly("load", VAN_TRIP + "/load");
    }

    @Test
    void statedWeightAndVolumeAreRecomputed() throws Exception {
        set(plan, VAN_TRIP + "/weightKg", 26.0);
        set(plan, "/routes/1/trips/0/volumeM3", 0.12);

        assertThat(hardViolations()).extracting(Violation::rule, Violation::pointer).containsExactly(
                tuple("weight", VAN_TRIP + "/weightKg"), tuple("volume", "/routes/1/trips/0/volumeM3"));
    }

    @Test
    void routeDistanceOffByMoreThanHalfAPercent() throws Exception {
        set(plan, "/routes/0/distanceKm", 12.1);

        assertOnly("distance", "/routes/0/distanceKm");
    }

    @Test
    void routeDistanceWithinHalfAPercentPasses() throws Exception {
        set(plan, "/routes/0/distanceKm", 12.05);

        assertThat(check().violations()).isEmpty();
    }

    @Test
    void moreThanTheHospitalAskedFor() throws Exception {
        set(problem, "/hospitals/1/demands/0/quantity", 8);
        ((ArrayNode) plan.get("unmet")).removeAll();
        set(plan, "/kpis/fillRate/normal", 1.0);
        set(plan, "/kpis/minHospitalFillRate/normal", 1.0);

        assertOnly("over-delivery", VAN_H2 + "/deliver/n95");
    }


    @Test
    void negativeQuantity() throws Exception {
        set(plan, VAN_H1 + "/deliver/vaccine", -1);

        assertOnly("quantity", VAN_H1 + "/deliver/vaccine");
    }

    @Test
    void unknownVehicleHospitalAndSupply() throws Exception {
        ((ArrayNode) plan.get("routes")).add(json("""
                {"vehicle": "ghost", "warehouse": "wh", "distanceKm": 0, "trips": []}"""));
        set(plan, VAN_H1 + "/deliver/gloves", 0);
        ((ArrayNode) plan.get("unmet")).add(json("""
                {"hospital": "h9", "supply": "n95", "quantity": 1, "priority": "low", "cause": "stock",
                 "reason": "r"}"""));

        assertThat(check().violations()).extracting(Violation::rule, Violation::pointer).containsExactly(
                tuple("unknown-id", VAN_H1 + "/deliver/gloves"),
                tuple("unknown-id", "/routes/2/vehicle"),
                tuple("unknown-id", "/unmet/1/hospital"),
                tuple("feasible", "/feasible"));
    }

    @Test
    void vehicleWithASecondRouteThatGoesNowhere() throws Exception {
        ((ArrayNode) plan.get("routes")).add(json("""
                {"vehicle": "van", "warehouse": "wh", "distanceKm": 0, "trips": []}"""));

        assertThat(hardViolations()).extracting(Violation::rule, Violation::pointer).containsExactly(
                tuple("duplicate-vehicle", "/routes/2/vehicle"), tuple("idle-route", "/routes/2"));
    }

    @ParameterizedTest
    @CsvSource({
        "/kpis/totalDistanceKm, 23",
        "/kpis/vehiclesUsed, 1",
        "/kpis/fillRate/normal, 0.8",
        "/kpis/fillRate/low, 0.5",
        "/kpis/minHospitalFillRate/normal, 0.5",
        "/kpis/lateLines, 1",
    })
    void kpiThatTheRoutesDoNotBearOut(String pointer, double wrongValue) throws Exception {
        boolean count = pointer.endsWith("Used") || pointer.endsWith("Lines");
        set(plan, pointer, count ? (Object) (int) wrongValue : wrongValue);

        assertOnly("kpi", pointer);
        assertThat(check().violations()).noneMatch(v -> v.rule().equals("feasible"));
    }

    @Test
    void deliveryStartingAfterNeedByCountsAsALateLine() throws Exception {
        set(problem, "/hospitals/0/demands/0/needBy", time("06:30"));

        assertOnly("kpi", "/kpis/lateLines");
        assertThat(check().summary().lateLines()).isEqualTo(1);
    }

    @Test
    void shortfallMissingFromUnmet() throws Exception {
        ((ArrayNode) plan.get("unmet")).remove(0);

        assertOnly("unmet", "/unmet");
    }

    @ParameterizedTest
    @CsvSource({
        "/unmet/0/quantity, 4",
        "/unmet/0/cause, weather",
        "/unmet/0/priority, high",
        "/unmet/0/reason, ' '",
    })
    void unmetEntryThatIsWrong(String pointer, String value) throws Exception {
        set(plan, pointer, pointer.endsWith("quantity") ? (Object) Long.parseLong(value) : value);

        assertOnly("unmet", pointer);
    }

    @Test
    void fullyDeliveredLineListedAsUnmet() throws Exception {
        ((ArrayNode) plan.get("unmet")).add(json("""
                {"hospital": "h1", "supply": "n95", "quantity": 2, "priority": "critical", "cause": "fleet",
                 "reason": "r"}"""));

        assertOnly("unmet", "/unmet/1");
    }

    @Test
    void missingFieldsAndUnreadableTimes() throws Exception {
        plan.remove("kpis");
        ((ObjectNode) plan.at(VAN_H1)).remove("arrival");
        set(plan, VAN_H2 + "/start", "07:00");

        assertThat(check().violations()).extracting(Violation::rule, Violation::pointer).containsExactly(
                tuple("missing", "/kpis"),
                tuple("missing", VAN_H1 + "/arrival"),
                tuple("format", VAN_H2 + "/start"),
                tuple("feasible", "/feasible"));
    }

    @Test
    void hardViolationInAPlanThatSaysItIsInfeasibleIsNotAlsoAFalseClaim() throws Exception {
        set(problem, "/vehicles/1/refrigerated", false);
        set(plan, "/feasible", false);

        assertThat(check().violations()).extracting(Violation::rule).containsExactly("cold-chain");
    }

    @Test
    void brokenRulesComeBeforeStaleFiguresWhateverTheirPlaceInThePlan() throws Exception {
        set(plan, VAN_TRIP + "/weightKg", 24.5);
        set(plan, "/routes/1/warehouse", "wh-east");

        assertThat(check().violations()).extracting(Violation::rule, Violation::kind, Violation::pointer)
                .containsExactly(tuple("warehouse", Violation.BROKEN_RULE, "/routes/1/warehouse"),
                        tuple("weight", Violation.STALE_FIGURE, VAN_TRIP + "/weightKg"),
                        tuple("feasible", Violation.STALE_FIGURE, "/feasible"));
    }

    @Test
    void staleFiguresNameTheirVehicleTripStopAndKpiWithRoundedNumbers() throws Exception {
        set(plan, VAN_H2 + "/arrival", time("06:52"));
        set(plan, VAN_TRIP + "/weightKg", 24.123456);
        set(plan, VAN_TRIP + "/volumeM3", 0.00012345);
        set(plan, "/routes/1/distanceKm", 10.25);
        set(plan, "/kpis/fillRate/normal", 0.5);

        assertThat(hardViolations()).extracting(Violation::pointer, Violation::message).containsExactly(
                tuple(VAN_H2 + "/arrival", "van trip 1 stop 2 (h2): arrival says 2026-02-01T06:52:00+08:00, "
                        + "the drive and unload times give 2026-02-01T06:49:00+08:00"),
                tuple(VAN_TRIP + "/weightKg", "van trip 1: weightKg says 24.123 kg, its deliveries weigh 25 kg"),
                tuple(VAN_TRIP + "/volumeM3", "van trip 1: volumeM3 says 0.0001235 m3, its deliveries take 0.25 m3"),
                tuple("/routes/1/distanceKm", "fridge: distanceKm says 10.25 km, its trips drive 10 km"),
                tuple("/kpis/fillRate/normal", "fillRate.normal says 0.5, the routes give 0.6667"));
    }

    @Test
    void planForAnotherProblemIsNamedAsSuchNotAsUnknownIds() throws Exception {
        set(plan, "/problem", "Outbreak day 9");
        set(plan, "/routes/0/vehicle", "truck-7");
        set(plan, FRIDGE_H1 + "/hospital", "h-lyon-sud");

        assertThat(check().violations()).singleElement().satisfies(v -> {
            assertThat(v.rule()).isEqualTo("problem");
            assertThat(v.kind()).isEqualTo(Violation.OTHER_PROBLEM);
            assertThat(v.pointer()).isEqualTo("/problem");
            assertThat(v.message()).isEqualTo("the plan is for problem 'Outbreak day 9', not '3-4-5'; "
                    + "2 of its vehicle, hospital and supply ids are not in this problem");
        });
    }

    @Test
    void planForARenamedProblemIsNamedFirstAndCheckedInFull() throws Exception {
        set(problem, "/name", "3-4-5, revised");
        set(plan, VAN_TRIP + "/weightKg", 24.5);

        assertThat(check().violations()).extracting(Violation::rule, Violation::pointer)
                .containsExactly(tuple("problem", "/problem"), tuple("weight", VAN_TRIP + "/weightKg"),
                        tuple("feasible", "/feasible"));
    }

    @Test
    void readPlanGivesTheSameRecordsAsThePlanBinding() throws Exception {
        assertThat(PlanChecker.readPlan(PLAN)).isEqualTo(Json.MAPPER.readValue(PLAN, PlanFile.class));
    }

    @Test
    void readPlanRejectsMalformedJsonWithWhereItStopped() {
        assertThat(readErrors("{\"routes\": [{\"vehicle\": \"van\",")).singleElement().satisfies(error -> {
            assertThat(error.pointer()).isEqualTo("/routes/0/vehicle");
            assertThat(error.detail()).startsWith("not valid JSON (line 1");
        });
        assertThat(readErrors("{\"score\": \"a\", \"score\": \"b\"}")).extracting(InputError::pointer)
                .containsExactly("/score");
        assertThat(readErrors("{} {}")).extracting(InputError::pointer).containsExactly("");
        assertThat(readErrors("")).extracting(InputError::detail).containsExactly("empty document");
        assertThat(readErrors("{\"kpis\": {\"totalDistanceKm\": NaN}}")).singleElement()
                .satisfies(error -> assertThat(error.detail()).contains("'NaN'").doesNotContain("Feature", "`"));
    }

    @Test
    void readPlanReportsEveryUnknownFieldAndWrongType() {
        set(plan, "/colour", "red");
        set(plan, "/routes/0/distanceKm", "12");
        set(plan, VAN_H1 + "/deliver/n95", 2.5);
        set(plan, "/routes/1/trips/0/stops/0/etaMinutes", 10);
        set(plan, "/routes/1/extensions", json("{\"driver\": \"Li\"}"));
        ((ObjectNode) plan.at("/unmet/0")).remove("quantity");
        set(plan, "/kpis/lateLines", json("[]"));

        assertThat(readErrors(plan.toString())).extracting(InputError::pointer).containsExactly(
                "/colour", "/routes/0/distanceKm", VAN_H1 + "/deliver/n95", "/routes/1/trips/0/stops/0/etaMinutes",
                "/unmet/0/quantity", "/kpis/lateLines");
    }

    @ParameterizedTest
    @MethodSource("tinyProblems")
    void solverPlansForTheTinyProblemsPassTheChecker(Path file) throws Exception {
        ProblemFile tiny = Json.MAPPER.readValue(file.toFile(), ProblemFile.class);
        PlanFile solved = PlanWriter.toPlan(TestSolving.solve(tiny));

        PlanFile reread = PlanChecker.readPlan(Json.MAPPER.writeValueAsString(solved));
        CheckReport report = PlanChecker.check(tiny, reread);

        assertThat(reread).isEqualTo(solved);
        assertThat(report.violations()).isEmpty();
        assertThat(report.summary().distanceKm()).isCloseTo(solved.kpis().totalDistanceKm(), within(1e-3));
    }

    /** Random problems with windows, shifts, two trips, cold chain, unsplittable lines and deadlines. */
    @ParameterizedTest
    @CsvSource({"4, 0", "6, 2"})
    void solverPlansForRandomProblemsPassTheChecker(long seed, int tripsPerVehicle) {
        ProblemFile random = TestProblems.random(seed, 8, 3, tripsPerVehicle);
        PlanFile solved = PlanWriter.toPlan(
                Dispatcher.solve(ProblemMapper.toSolution(random), TestSolving.config(200), score -> {
                }));

        assertThat(solved.feasible()).isTrue();
        assertThat(PlanChecker.check(random, solved).violations()).isEmpty();
    }

    static Stream<Path> tinyProblems() throws IOException {
        try (Stream<Path> files = Files.list(Path.of("problems/tiny"))) {
            List<Path> sorted = files.filter(f -> f.toString().endsWith(".json")).sorted().toList();
            assertThat(sorted).isNotEmpty();
            return sorted.stream();
        }
    }

    /** Moves the van's one trip: departure, then per stop arrival/start/departure, then return. */
    private void retimeVan(String departure, String... stopTimesThenReturn) {
        set(plan, VAN_TRIP + "/departure", time(departure));
        String[] fields = {"arrival", "start", "departure"};
        for (int i = 0; i < 6; i++) {
            set(plan, VAN_TRIP + "/stops/" + (i / 3) + "/" + fields[i % 3], time(stopTimesThenReturn[i]));
        }
        set(plan, VAN_TRIP + "/return", time(stopTimesThenReturn[6]));
    }

    private CheckReport check() throws Exception {
        return PlanChecker.check(Json.MAPPER.treeToValue(problem, ProblemFile.class),
                PlanChecker.readPlan(plan.toString()));
    }

    /** The violations apart from the plan's own claim to be feasible, which every hard violation adds. */
    private List<Violation> hardViolations() throws Exception {
        return check().violations().stream().filter(v -> !v.rule().equals("feasible")).toList();
    }

    private void assertOnly(String rule, String pointer) throws Exception {
        assertThat(hardViolations()).singleElement().satisfies(v -> {
            assertThat(v.rule()).isEqualTo(rule);
            assertThat(v.pointer()).isEqualTo(pointer);
            assertThat(v.message()).isNotBlank();
        });
    }

    private static List<InputError> readErrors(String json) {
        try {
            PlanChecker.readPlan(json);
        } catch (InvalidInputException e) {
            return e.errors();
        }
        throw new AssertionError("accepted: " + json);
    }

    private static String time(String clock) {
        return "2026-02-01T" + (clock.length() == 5 ? clock + ":00" : clock) + "+08:00";
    }

    private static Map.Entry<String, Double> entry(String key, double value) {
        return Map.entry(key, value);
    }

    private static JsonNode json(String text) {
        try {
            return Json.MAPPER.readTree(text);
        } catch (IOException e) {
            throw new IllegalArgumentException(text, e);
        }
    }

    /** Sets (or adds) the value at a JSON pointer whose parent exists. */
    private static void set(JsonNode root, String pointer, Object value) {
        JsonPointer at = JsonPointer.compile(pointer);
        JsonNode parent = root.at(at.head());
        JsonNode node = Json.MAPPER.valueToTree(value);
        if (parent instanceof ArrayNode array) {
            array.set(at.last().getMatchingIndex(), node);
        } else {
            ((ObjectNode) parent).set(at.last().getMatchingProperty(), node);
        }
    }
}
