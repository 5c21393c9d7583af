// SPDX-License-Identifier: Apache-2.0
package org.medsupply.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import org.medsupply.check.Violation;
import org.medsupply.io.Json;
import org.medsupply.io.ProblemWorkbook;

/** The job life cycle over real HTTP with real (short) OptaPlanner solves. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class PlansApiTest {

    private static TestServer server;

    @BeforeAll
    static void start() {
        server = TestServer.start(TestServer.config().build());
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void jobRunsFromSubmitToDoneAndServesItsPlanInEveryFormat() throws IOException {
        HttpResponse<String> submitted = server.post("/api/v1/plans?timeLimit=PT1S&seed=7",
                TestServer.tinyProblem("round-trip"));
        assertThat(submitted.statusCode()).isEqualTo(202);
        JsonNode job = TestServer.json(submitted);
        String id = job.get("id").asText();
        assertThat(submitted.headers().firstValue("Location")).hasValue("/api/v1/plans/" + id);
        assertThat(job.get("status").asText()).isIn("QUEUED", "SOLVING");
        assertThat(job.get("problem").asText()).isEqualTo("Round trip of two stops");
        assertThat(job.get("counts").get("hospitals").asInt()).isEqualTo(2);
        assertThat(job.get("counts").get("demandLines").asInt()).isEqualTo(2);
        assertThat(job.get("seed").asLong()).isEqualTo(7);

        JsonNode upperCase = TestServer.json(server.get("/api/v1/plans/" + id.toUpperCase(Locale.ROOT)));
        assertThat(upperCase.get("id").asText()).as("UUIDs are case-insensitive").isEqualTo(id);

        JsonNode done = server.awaitFinal(id);
        assertThat(done.get("status").asText()).isEqualTo("DONE");
        assertThat(done.get("feasible").asBoolean()).isTrue();
        assertThat(done.get("score").asText()).contains("hard");
        assertThat(done.has("startedAt")).isTrue();
        assertThat(done.has("endedAt")).isTrue();

        HttpResponse<String> plan = server.get("/api/v1/plans/" + id + "/plan");
        assertThat(plan.statusCode()).isEqualTo(200);
        JsonNode planJson = TestServer.json(plan);
        assertThat(planJson.get("score").asText()).isEqualTo(done.get("score").asText());
        assertThat(planJson.at("/routes/0/trips/0/stops")).hasSize(2);

        HttpResponse<String> csv = server.get("/api/v1/plans/" + id + "/plan", "text/csv");
        assertThat(TestServer.contentType(csv)).startsWith("text/csv");
        String[] rows = csv.body().split("\r\n");
        assertThat(rows[0]).startsWith("vehicle,trip,stop,hospital,supply,quantity,arrival,start,departure,warehouse,");
        assertThat(rows).hasSize(3);
        assertThat(rows[1]).startsWith("van,1,1,").contains(",n95,10,").contains(",wh,Depot,");
        assertThat(rows[2]).startsWith("van,1,2,");

        HttpResponse<String> geo = server.get("/api/v1/plans/" + id + "/plan", "application/geo+json");
        assertThat(TestServer.contentType(geo)).startsWith("application/geo+json");
        JsonNode features = TestServer.json(geo).get("features");
        List<String> kinds = new ArrayList<>();
        features.forEach(feature -> kinds.add(feature.at("/properties/kind").asText()));
        assertThat(kinds).containsExactlyInAnyOrder("warehouse", "hospital", "hospital", "trip");
        JsonNode trip = features.get(3);
        assertThat(trip.at("/geometry/type").asText()).isEqualTo("LineString");
        assertThat(trip.at("/geometry/coordinates")).hasSize(4);
        assertThat(trip.at("/geometry/coordinates/0").toString()).isEqualTo("[0.0,0.0]");
        assertThat(trip.at("/geometry/coordinates/3").toString()).isEqualTo("[0.0,0.0]");
        assertThat(features.get(1).at("/geometry/coordinates").toString()).isEqualTo("[3.0,4.0]");
        assertThat(features.get(1).at("/properties/fillRate").asDouble()).isEqualTo(1.0);

        HttpResponse<byte[]> xlsx = server.getBytes("/api/v1/plans/" + id + "/plan", ProblemWorkbook.MEDIA_TYPE);
        assertThat(xlsx.statusCode()).isEqualTo(200);
        assertThat(TestServer.contentType(xlsx)).isEqualTo(ProblemWorkbook.MEDIA_TYPE);
        assertThat(xlsx.headers().firstValue("Content-Disposition")).hasValue("attachment; filename=\"plan-" + id
                + ".xlsx\"");
        try (Workbook workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx.body()))) {
            assertThat(workbook.getSheetName(0)).isEqualTo("summary");
            assertThat(workbook.getSheet("summary").getRow(2).getCell(1).getStringCellValue())
                    .isEqualTo(done.get("score").asText());
            Sheet manifest = workbook.getSheet("van");
            assertThat(manifest.getLastRowNum()).as("a row per stop").isEqualTo(2);
            assertThat(manifest.getRow(1).getCell(2).getStringCellValue())
                    .isEqualTo(planJson.at("/routes/0/trips/0/stops/0/hospital").asText());
            assertThat(workbook.getSheet("unmet")).isNotNull();
            assertThat(workbook.getSheet("late")).isNotNull();
        }

        HttpResponse<String> xml = server.get("/api/v1/plans/" + id + "/plan", "application/xml");
        assertThat(xml.statusCode()).isEqualTo(406);
        assertThat(TestServer.contentType(xml)).startsWith(TestServer.PROBLEM_JSON);

        HttpResponse<String> page = server.get("/api/v1/plans?limit=10");
        assertThat(TestServer.json(page).get("jobs").findValuesAsText("id")).contains(id);
    }

    @Test
    void explanationBreaksTheScoreDownAndGivesEachShortfallItsReason() {
        String id = server.submit(TestServer.tinyProblem("fleet-full"), "?timeLimit=PT1S&seed=1");
        server.awaitFinal(id);
        JsonNode plan = TestServer.json(server.get("/api/v1/plans/" + id + "/plan"));
        JsonNode explanation = TestServer.json(server.get("/api/v1/plans/" + id + "/explanation"));

        assertThat(explanation.get("score").asText()).isEqualTo(plan.get("score").asText());
        assertThat(explanation.get("constraints").findValuesAsText("constraint")).contains("Travel cost");
        List<String> planReasons = plan.get("unmet").findValuesAsText("reason");
        List<String> explainedReasons = explanation.get("hospitals").findValuesAsText("reason");
        assertThat(planReasons).isNotEmpty();
        assertThat(explainedReasons).containsExactlyInAnyOrderElementsOf(planReasons);
        for (JsonNode hospital : explanation.get("hospitals")) {
            JsonNode byPriority = hospital.get("fillRateByPriority");
            assertThat(byPriority.size()).as(hospital.toString()).isPositive();
            double lowest = 1.0;
            for (JsonNode fillRate : byPriority) {
                lowest = Math.min(lowest, fillRate.asDouble());
            }
            assertThat(hospital.get("fillRate").asDouble()).isEqualTo(lowest);
            long requested = 0;
            long delivered = 0;
            for (JsonNode line : hospital.get("lines")) {
                requested += line.get("requested").asLong();
                delivered += line.get("delivered").asLong();
            }
            long unmet = 0;
            for (JsonNode shortfall : hospital.get("shortfalls")) {
                unmet += shortfall.get("quantity").asLong();
            }
            assertThat(delivered).isEqualTo(requested - unmet);
        }
    }

    @Test
    void deletingASolvingJobCancelsItAndKeepsItsBestPlan() {
        String id = server.submit(TestServer.tinyProblem("round-trip"), "?timeLimit=PT2M");
        server.awaitStatus(id, job -> job.has("score"));

        HttpResponse<String> cancelling = server.delete("/api/v1/plans/" + id);
        assertThat(cancelling.statusCode()).isEqualTo(202);
        JsonNode cancelled = server.awaitFinal(id);
        assertThat(cancelled.get("status").asText()).isEqualTo("CANCELLED");
        assertThat(server.get("/api/v1/plans/" + id + "/plan").statusCode()).isEqualTo(200);

        HttpResponse<String> again = server.delete("/api/v1/plans/" + id);
        assertThat(again.statusCode()).isEqualTo(200);
        assertThat(TestServer.json(again).get("status").asText()).isEqualTo("CANCELLED");
    }

    @Test
    void eventStreamEndsWithTheFinalStatus() {
        String id = server.submit(TestServer.tinyProblem("two-trips"), "?timeLimit=PT1S");
        HttpResponse<Stream<String>> stream = server.streamLines("/api/v1/plans/" + id + "/events");
        assertThat(TestServer.contentType(stream)).startsWith("text/event-stream");
        List<String> names = new ArrayList<>();
        List<JsonNode> data = new ArrayList<>();
        stream.body().forEach(line -> {
            if (line.startsWith("event: ")) {
                names.add(line.substring(7));
            } else if (line.startsWith("data: ")) {
                data.add(TestServer.json(line.substring(6)));
            }
        });
        assertThat(names).isNotEmpty().allMatch(name -> name.equals("status") || name.equals("best"));
        assertThat(names.get(names.size() - 1)).isEqualTo("status");
        assertThat(data.get(data.size() - 1).get("status").asText()).isEqualTo("DONE");
        // what the web page charts: each plan's fill rates and km, as the plan file has them
        JsonNode planKpis = TestServer.json(server.get("/api/v1/plans/" + id + "/plan")).get("kpis");
        assertThat(data.get(data.size() - 1).get("kpis")).isEqualTo(planKpis);
        // and so does the job once it is final, read back from the store, as the page's job list shows it
        assertThat(TestServer.json(server.get("/api/v1/plans/" + id)).get("kpis")).isEqualTo(planKpis);
    }

    @Test
    void validateNamesEveryErrorWithItsPointer() {
        ObjectNode problem = (ObjectNode) TestServer.json(TestServer.tinyProblem("round-trip"));
        assertThat(TestServer.json(server.post("/api/v1/problems/validate", problem.toString())).get("valid").asBoolean())
                .isTrue();

        ((ObjectNode) problem.at("/vehicles/0")).put("warehouse", "wh-9");
        ((ObjectNode) problem.at("/hospitals/1/demands/0")).put("supply", "gloves");
        HttpResponse<String> response = server.post("/api/v1/problems/validate", problem.toString());
        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode validation = TestServer.json(response);
        assertThat(validation.get("valid").asBoolean()).isFalse();
        assertThat(validation.get("errors").findValuesAsText("pointer"))
                .containsExactlyInAnyOrder("/vehicles/0/warehouse", "/hospitals/1/demands/0/supply");
    }

    @Test
    void checkAcceptsTheServersPlanAndFlagsATamperedOne() throws Exception {
        String problem = TestServer.tinyProblem("round-trip");
        String id = server.submit(problem, "?timeLimit=PT1S&seed=3");
        server.awaitFinal(id);
        ObjectNode plan = (ObjectNode) TestServer.json(server.get("/api/v1/plans/" + id + "/plan"));
        ObjectNode envelope = Json.MAPPER.createObjectNode();
        envelope.set("problem", TestServer.json(problem));
        envelope.set("plan", plan);
        JsonNode ok = TestServer.json(server.post("/api/v1/plans/check", envelope.toString()));
        assertThat(ok.get("valid").asBoolean()).isTrue();

        ((ObjectNode) plan.at("/routes/0/trips/0/stops/0")).put("arrival", "2026-02-01T05:00:00+08:00");
        ((ObjectNode) plan.at("/routes/0/trips/0/stops/1/deliver")).put("n95", 999);
        JsonNode tampered = TestServer.json(server.post("/api/v1/plans/check", envelope.toString()));
        assertThat(tampered.get("valid").asBoolean()).isFalse();
        JsonNode violations = tampered.get("violations");
        assertThat(violations.get(0).get("pointer").asText()).as("a broken rule before the stale arrival of stop 1")
                .isEqualTo("/routes/0/trips/0/stops/1/deliver/n95");
        assertThat(violations.findValuesAsText("kind")).isSortedAccordingTo(
                Comparator.comparingInt(Violation.KINDS::indexOf)).contains(Violation.STALE_FIGURE);
        assertThat(violations.findValuesAsText("rule")).contains("times", "load", "over-delivery");
    }
}
