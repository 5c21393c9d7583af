// SPDX-License-Identifier: Apache-2.0
package org.medsupply.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import org.glassfish.jersey.server.model.Resource;
import org.glassfish.jersey.server.model.ResourceMethod;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.medsupply.io.Json;
import org.medsupply.io.PlanFile;
import org.medsupply.io.ProblemWorkbook;
import org.medsupply.io.SiteFill;
import org.medsupply.io.sheet.Spreadsheets;
import org.medsupply.service.Explanation;

/** OpenAPI description, health, metrics and CORS. */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class OperationsApiTest {

    private static final String DASHBOARD = "https://dash.example.org";
    private static TestServer server;

    @BeforeAll
    static void start() {
        server = TestServer.start(TestServer.config().build(), WebConfig.defaults().withAllowedOrigins(List.of(DASHBOARD)));
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void openApiIsValidAndDescribesExactlyTheRoutesJerseyServes() {
        HttpResponse<String> response = server.get("/api/v1/openapi.json");
        assertThat(response.statusCode()).isEqualTo(200);
        ParseOptions options = new ParseOptions();
        options.setResolve(true);
        SwaggerParseResult parsed = new OpenAPIV3Parser().readContents(response.body(), null, options);
        assertThat(parsed.getMessages()).isEmpty();
        OpenAPI openApi = parsed.getOpenAPI();
        assertThat(openApi.getOpenapi()).startsWith("3.");

        Set<String> described = new TreeSet<>();
        openApi.getPaths().forEach((path, item) -> item.readOperationsMap().keySet()
                .forEach(method -> described.add(method.name() + " " + path)));
        Set<String> served = new TreeSet<>();
        for (Class<?> resourceClass : Server.RESOURCES) {
            collectRoutes(Resource.from(resourceClass), "", served);
        }
        assertThat(described).isEqualTo(served);
        assertThat(openApi.getPaths().get("/api/v1/plans/{id}/plan").getGet().getResponses().get("200").getContent())
                .containsOnlyKeys("application/json", "text/csv", "application/geo+json", ProblemWorkbook.MEDIA_TYPE);
        for (String problemPath : List.of("/api/v1/plans", "/api/v1/problems/validate")) {
            assertThat(openApi.getPaths().get(problemPath).getPost().getRequestBody().getContent()).as(problemPath)
                    .containsOnlyKeys("application/json", Spreadsheets.XLSX_MEDIA_TYPE, Spreadsheets.ZIP_MEDIA_TYPE);
        }
    }

    @Test
    void openApiSchemasNameEveryFieldOfPlansAndExplanations() {
        JsonNode schemas = TestServer.json(server.get("/api/v1/openapi.json")).at("/components/schemas");
        Map<String, Class<?>> described = Map.of("Plan", PlanFile.class, "Route", PlanFile.RouteDto.class,
                "Trip", PlanFile.TripDto.class, "Stop", PlanFile.StopDto.class, "Unmet", PlanFile.UnmetDto.class,
                "Late", PlanFile.LateDto.class, "Kpis", PlanFile.KpisDto.class,
                "HospitalShortfalls", Explanation.HospitalShortfalls.class, "LineFill", SiteFill.LineFill.class);
        described.forEach((schema, type) -> {
            Set<String> jsonNames = new TreeSet<>();
            Json.MAPPER.getSerializationConfig().introspect(Json.MAPPER.constructType(type)).findProperties()
                    .forEach(property -> jsonNames.add(property.getName()));
            Set<String> schemaNames = new TreeSet<>();
            schemas.get(schema).get("properties").fieldNames().forEachRemaining(schemaNames::add);
            assertThat(schemaNames).as(schema).isEqualTo(jsonNames);
        });
    }

    private static void collectRoutes(Resource resource, String parent, Set<String> routes) {
        String path = (parent + "/" + resource.getPath()).replaceAll("/+", "/").replaceAll("(.)/$", "$1");
        for (ResourceMethod method : resource.getResourceMethods()) {
            routes.add(PathItem.HttpMethod.valueOf(method.getHttpMethod()).name() + " " + path);
        }
        for (Resource child : resource.getChildResources()) {
            collectRoutes(child, path, routes);
        }
    }

    @Test
    void healthReportsQueueFigures() {
        HttpResponse<String> health = server.get("/health");
        assertThat(health.statusCode()).isEqualTo(200);
        assertThat(TestServer.json(health).get("status").asText()).isEqualTo("UP");
        assertThat(TestServer.json(health).get("solverSlots").asInt()).isEqualTo(2);
        assertThat(TestServer.json(health).get("queueCapacity").asInt()).isEqualTo(2);
        assertThat(TestServer.json(health).get("node").asText()).isEqualTo(TestServer.NODE);
        assertThat(TestServer.json(health).get("queuedInStore").asInt()).isZero();
    }

    @Test
    void metricsArePrometheusTextWithJobAndRouteSeries() {
        server.get("/health");
        server.get("/api/v1/plans/" + "no-such-job");
        HttpResponse<String> metrics = server.get("/metrics", "text/plain");
        assertThat(metrics.statusCode()).isEqualTo(200);
        assertThat(TestServer.contentType(metrics)).startsWith("text/plain");
        assertThat(metrics.body())
                .contains("medsupply_jobs{status=\"DONE\"}")
                .contains("medsupply_queue_depth")
                .contains("medsupply_cluster_queue_depth")
                .contains("medsupply_node_info{node=\"" + TestServer.NODE + "\",store=\"local\"} 1")
                .contains("http_server_requests_seconds_count{method=\"GET\",route=\"/health\",status=\"200\"}")
                .contains("route=\"/api/v1/plans/{id}\",status=\"404\"")
                .doesNotContain("no-such-job");
        assertThat(metrics.body().lines().filter(line -> line.startsWith("http_server_requests_seconds_bucket{")
                && line.contains("route=\"/health\",status=\"200\"")))
                .as("one bucket per SLO and +Inf").hasSize(HttpMetricsFilter.SLO_BUCKETS.length + 1);
    }

    @Test
    void corsAnswersPreflightsOfAllowedOriginsOnly() {
        HttpResponse<String> preflight = server.send(HttpRequest.newBuilder(server.uri("/api/v1/plans"))
                .header("Origin", DASHBOARD).header("Access-Control-Request-Method", "POST")
                .method("OPTIONS", HttpRequest.BodyPublishers.noBody()));
        assertThat(preflight.statusCode()).isEqualTo(204);
        Map<String, List<String>> headers = preflight.headers().map();
        assertThat(headers.get("access-control-allow-origin")).containsExactly(DASHBOARD);
        assertThat(headers.get("access-control-allow-methods").get(0)).contains("POST");

        HttpResponse<String> allowed = server.send(HttpRequest.newBuilder(server.uri("/health")).header("Origin", DASHBOARD));
        assertThat(allowed.headers().firstValue("Access-Control-Allow-Origin")).hasValue(DASHBOARD);

        HttpResponse<String> other = server.send(HttpRequest.newBuilder(server.uri("/health"))
                .header("Origin", "https://elsewhere.example"));
        assertThat(other.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
    }

    @Test
    void corsIsOffByDefault() {
        try (TestServer closed = TestServer.start(TestServer.config().build())) {
            HttpResponse<String> preflight = closed.send(HttpRequest.newBuilder(closed.uri("/api/v1/plans"))
                    .header("Origin", DASHBOARD).header("Access-Control-Request-Method", "POST")
                    .method("OPTIONS", HttpRequest.BodyPublishers.noBody()));
            assertThat(preflight.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
        }
    }
}
