// SPDX-License-Identifier: Apache-2.0
package org.medsupply.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.OutputStream;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.StreamSupport;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.NoAlertPresentException;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

import org.medsupply.io.Json;
import org.medsupply.io.ProblemReader;
import org.medsupply.io.ProblemWorkbook;
import org.medsupply.service.OptaPlannerJobSolver;

/** The coordinators' page in headless Chromium against the real server. */
@Timeout(180)
class WebPageBrowserTest {

    private static final Path DOWNLOADS = Browser.SCREENSHOTS.resolve("downloads");
    private static TestServer server;
    private static Browser browser;

    @BeforeAll
    static void start() throws Exception {
        Files.createDirectories(DOWNLOADS);
        browser = Browser.open(DOWNLOADS);
        server = TestServer.start(TestServer.config().build(), WebConfig.defaults().withMapTiles("none", ""));
    }

    @AfterAll
    static void stop() {
        if (browser != null) {
            browser.close();
        }
        if (server != null) {
            server.close();
        }
    }

    @AfterEach
    void noConsoleErrors() {
        assertThat(browser.consoleErrors()).isEmpty();
    }

    @Test
    void demoUploadedThroughThePageSolvesAndItsPlanIsDrawnInFull() throws Exception {
        open("/");
        assertThat(browser.driver.getCurrentUrl()).endsWith("/ui/");
        WebElement form = waitFor(By.id("submit-form"));
        form.findElement(By.name("problem")).sendKeys(Path.of("problems/demo-city-outbreak.json").toAbsolutePath().toString());
        WebElement seconds = form.findElement(By.name("seconds"));
        seconds.clear();
        seconds.sendKeys("5");
        form.findElement(By.cssSelector("button[type=submit]")).click();

        String id = awaitRendered(Duration.ofSeconds(90));
        assertThat(browser.driver.findElement(By.id("job-status")).getText()).isEqualTo("DONE");
        browser.screenshot("job-demo");

        JsonNode problem = Json.MAPPER.readTree(Path.of("problems/demo-city-outbreak.json").toFile());
        JsonNode plan = TestServer.json(server.get("/api/v1/plans/" + id + "/plan"));
        int trips = 0;
        for (JsonNode route : plan.get("routes")) {
            trips += route.get("trips").size();
        }
        assertThat(all("#map path.site.warehouse")).hasSize(problem.get("warehouses").size());
        assertThat(all("#map path.site.hospital")).hasSize(problem.get("hospitals").size());
        assertThat(all("#map path.route")).hasSize(trips).isNotEmpty();
        assertThat(all("#shortfalls tbody tr")).hasSize(plan.get("unmet").size());
        assertThat(all("#fairness section")).isNotEmpty();

        long critical = StreamSupport.stream(plan.get("unmet").spliterator(), false)
                .filter(line -> line.get("priority").asText().equals("critical")).count();
        new Select(browser.driver.findElement(By.cssSelector("#shortfalls select[name=priority]")))
                .selectByValue("critical");
        assertThat(all("#shortfalls tbody tr")).hasSize((int) critical);

        open("/ui/");
        WebElement row = new WebDriverWait(browser.driver, Duration.ofSeconds(10)).until(driver ->
                driver.findElements(By.cssSelector("#jobs tbody tr")).stream()
                        .filter(tr -> tr.getText().contains(problem.get("name").asText())).findFirst().orElse(null));
        assertThat(row.getText()).contains("DONE");
        browser.screenshot("job-list");
    }

    @Test
    void workbookUploadedThroughThePageSolves(@TempDir Path dir) throws Exception {
        Path workbook = dir.resolve("two-trips.xlsx");
        try (OutputStream out = Files.newOutputStream(workbook)) {
            ProblemWorkbook.write(ProblemReader.read(TestServer.tinyProblem("two-trips")), out);
        }
        open("/ui/");
        WebElement form = waitFor(By.id("submit-form"));
        form.findElement(By.name("problem")).sendKeys(workbook.toAbsolutePath().toString());
        WebElement seconds = form.findElement(By.name("seconds"));
        seconds.clear();
        seconds.sendKeys("1");
        form.findElement(By.cssSelector("button[type=submit]")).click();

        String id = awaitRendered(Duration.ofSeconds(60));
        assertThat(TestServer.json(server.get("/api/v1/plans/" + id)).get("problem").asText())
                .isEqualTo("One van, two loads");
        assertThat(all("#map path.site.hospital")).hasSize(1);
    }

    @Test
    void deepLinkOpensTheJobAndItsDownloadsAreTheServersCsvAndWorkbook() throws Exception {
        String id = server.submit(TestServer.tinyProblem("two-trips"), "?timeLimit=PT1S");
        server.awaitFinal(id);
        open("/ui/#/plans/" + id);
        awaitRendered(Duration.ofSeconds(30));
        assertThat(all("#map path.route")).isNotEmpty();

        Path file = DOWNLOADS.resolve("plan-" + id + ".csv");
        Files.deleteIfExists(file);
        browser.driver.findElements(By.cssSelector("button.download")).stream()
                .filter(button -> button.getText().contains("CSV")).findFirst().orElseThrow().click();
        new WebDriverWait(browser.driver, Duration.ofSeconds(15)).until(driver -> Files.exists(file));
        assertThat(Files.readString(file)).isEqualTo(server.get("/api/v1/plans/" + id + "/plan", "text/csv").body());

        Path workbookFile = DOWNLOADS.resolve("plan-" + id + ".xlsx");
        Files.deleteIfExists(workbookFile);
        browser.driver.findElements(By.cssSelector("button.download")).stream()
                .filter(button -> button.getText().contains("workbook")).findFirst().orElseThrow().click();
        new WebDriverWait(browser.driver, Duration.ofSeconds(15)).until(driver -> Files.exists(workbookFile));
        try (Workbook workbook = new XSSFWorkbook(Files.newInputStream(workbookFile))) {
            assertThat(workbook.getSheetName(0)).isEqualTo("summary");
            assertThat(workbook.getSheet("van")).as("the vehicle's manifest").isNotNull();
        }
    }

    @Test
    void markupInProblemTextShowsAsText() throws Exception {
        String markup = "<img src=x onerror=alert(1)>";
        ObjectNode problem = (ObjectNode) TestServer.json(TestServer.tinyProblem("cold-chain"));
        problem.put("name", markup);
        problem.get("hospitals").forEach(hospital -> ((ObjectNode) hospital).put("name", markup));
        String id = server.submit(Json.MAPPER.writeValueAsString(problem), "?timeLimit=PT1S");
        server.awaitFinal(id);

        open("/ui/#/plans/" + id);
        awaitRendered(Duration.ofSeconds(30));
        assertThat(browser.driver.findElement(By.cssSelector(".summary h2")).getText()).isEqualTo(markup);
        assertThat(all("#shortfalls tbody tr")).isNotEmpty()
                .allSatisfy(tr -> assertThat(tr.getText()).contains(markup));
        all("#map path.site.hospital").get(0).click();
        assertThat(waitFor(By.cssSelector(".leaflet-popup-content strong")).getText()).contains(markup);
        open("/ui/");
        new WebDriverWait(browser.driver, Duration.ofSeconds(10)).until(driver ->
                driver.findElement(By.id("jobs")).getText().contains(markup));
        assertThat(all("img[src=x]")).isEmpty();
        assertThat(alertShown()).isFalse();
        browser.screenshot("markup-as-text");
    }

    @Test
    void sitesAndRoutesShowWhenTilesCannotLoad() throws Exception {
        // nothing listens on port 9 of the loopback: every tile fails, as in an offline command centre
        try (TestServer offline = TestServer.start(TestServer.config().build(),
                WebConfig.defaults().withMapTiles("http://127.0.0.1:9/{z}/{x}/{y}.png", "Tiles of nowhere"))) {
            String id = offline.submit(Files.readString(Path.of("problems/demo-city-outbreak.json")), "?timeLimit=PT2S");
            offline.awaitFinal(id);
            browser.driver.get("about:blank");
            browser.driver.get(offline.uri("/ui/#/plans/" + id).toString());
            awaitRendered(Duration.ofSeconds(30));
            JsonNode problem = Json.MAPPER.readTree(Path.of("problems/demo-city-outbreak.json").toFile());
            assertThat(all("#map path.site")).hasSize(problem.get("warehouses").size() + problem.get("hospitals").size());
            assertThat(all("#map path.route")).isNotEmpty();
            assertThat(browser.driver.findElement(By.cssSelector(".leaflet-control-attribution")).getText())
                    .contains("Tiles of nowhere");
            assertThat(browser.consoleErrors()).isNotEmpty()
                    .allSatisfy(error -> assertThat(error).startsWith("http://127.0.0.1:9/"));
            browser.screenshot("offline-tiles");
        }
    }

    /** A change to the problem while solving shows on the job's page: its revision, and the plan's until replanned. */
    @Test
    void aChangeWhileSolvingShowsTheProblemsRevision() throws Exception {
        String id = server.submit(TestServer.demoProblem(), "?timeLimit=PT60S&seed=3");
        open("/ui/#/plans/" + id);
        new WebDriverWait(browser.driver, Duration.ofSeconds(30)).ignoring(StaleElementReferenceException.class)
                .until(driver -> "SOLVING".equals(driver.findElement(By.id("job-status")).getText()));

        HttpResponse<String> changed = server.change(id,
                "[{\"op\": \"replace\", \"path\": \"/warehouses/0/stock/n95\", \"value\": 40}]", null);
        assertThat(changed.statusCode()).as(changed.body()).isEqualTo(202);

        // the page redraws as events come, so an element found may be replaced before it is read: read again
        new WebDriverWait(browser.driver, Duration.ofSeconds(30)).ignoring(StaleElementReferenceException.class)
                .until(driver -> driver.findElement(By.cssSelector(".summary")).getText()
                        .contains("problem revision 1"));
        new WebDriverWait(browser.driver, Duration.ofSeconds(60)).ignoring(StaleElementReferenceException.class)
                .until(driver -> driver.findElements(By.id("plan-revision")).stream().anyMatch(revision -> revision
                        .getText().equals("This plan answers problem revision 1, every change applied.")));
        server.delete("/api/v1/plans/" + id);
        server.awaitFinal(id);
    }

    @Test
    void aJobIsCancelledFromTheList() {
        String id = server.submit(TestServer.tinyProblem("fair-share"), "?timeLimit=PT60S");
        open("/ui/");
        // the list refreshes itself, so a row found may be replaced before the click: find and click again
        new WebDriverWait(browser.driver, Duration.ofSeconds(10)).ignoring(StaleElementReferenceException.class)
                .until(driver -> {
                    WebElement cancel = driver.findElements(By.cssSelector("#jobs tbody tr")).stream()
                            .filter(tr -> tr.findElement(By.cssSelector("a")).getAttribute("href").endsWith(id))
                            .flatMap(tr -> tr.findElements(By.tagName("button")).stream())
                            .findFirst().orElse(null);
                    if (cancel == null) {
                        return false;
                    }
                    cancel.click();
                    return true;
                });
        assertThat(server.awaitFinal(id).get("status").asText()).isEqualTo("CANCELLED");
    }

    @Test
    void withApiKeysTheKeyEnteredOnThePageTravelsInHeadersAndACookieNeverInAUrl(@TempDir Path dir) throws Exception {
        Path keyFile = dir.resolve("keys");
        String key = ApiKeys.add(keyFile, "coordinator", ApiKeys.Role.SUBMIT);
        try (TestServer secured = TestServer.start(TestServer.config().build(),
                WebConfig.defaults().withMapTiles("none", ""), new OptaPlannerJobSolver(), dir.resolve("data"), ApiKeys.read(keyFile))) {
            browser.driver.get("about:blank");
            browser.driver.get(secured.uri("/ui/").toString());
            waitFor(By.id("error"));
            assertThat(browser.consoleErrors()).isNotEmpty().allSatisfy(error -> assertThat(error).contains("401"));
            browser.requests();

            browser.driver.findElement(By.id("key")).sendKeys(key);
            browser.driver.findElement(By.cssSelector("#key-form button")).click();
            WebElement form = waitFor(By.id("submit-form"));
            new Select(form.findElement(By.name("example"))).selectByValue("tiny/two-trips.json");
            form.findElement(By.cssSelector("button[type=submit]")).click();
            awaitRendered(Duration.ofSeconds(60)); // live over SSE, which only the session cookie can authorise

            List<JsonNode> requests = browser.requests();
            assertThat(requests).noneSatisfy(request -> assertThat(request.get("url").asText()).contains(key));
            assertThat(requests).filteredOn(request -> request.get("url").asText().contains("/api/v1/plans"))
                    .filteredOn(request -> !request.get("url").asText().endsWith("/events"))
                    .isNotEmpty()
                    .allSatisfy(request -> assertThat(authorization(request)).isEqualTo("Bearer " + key));
            assertThat(requests).anySatisfy(request -> assertThat(request.get("url").asText()).endsWith("/events"));
            assertThat(browser.driver.findElement(By.cssSelector(".summary")).getText()).doesNotContain(key);
            browser.driver.executeScript("sessionStorage.clear()");
        }
    }

    @Test
    void pageForbidsInlineScriptAndSniffing() {
        for (String path : List.of("/ui/", "/ui/app.js", "/ui/vendor/leaflet/1.9.4/dist/leaflet.css")) {
            HttpResponse<String> response = server.get(path, "*/*");
            assertThat(response.statusCode()).as(path).isEqualTo(200);
            assertThat(response.headers().firstValue("Content-Security-Policy").orElseThrow())
                    .contains("script-src 'self'").doesNotContain("unsafe-inline");
            assertThat(response.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
        }
    }

    /** The request's Authorization header, whatever case DevTools reports its name in. */
    private static String authorization(JsonNode request) {
        return request.get("headers").properties().stream()
                .filter(header -> header.getKey().equalsIgnoreCase("Authorization"))
                .map(header -> header.getValue().asText()).findFirst().orElse("");
    }

    private static void open(String path) {
        browser.driver.get("about:blank"); // a real load, not a hash change in the open page
        browser.driver.get(server.uri(path).toString());
    }

    /** Waits until the job page has drawn a plan, and returns the job's id from the address. */
    private static String awaitRendered(Duration timeout) {
        new WebDriverWait(browser.driver, timeout).until(ExpectedConditions.and(
                ExpectedConditions.attributeToBe(By.id("main"), "data-status", "DONE"),
                ExpectedConditions.attributeToBe(By.id("main"), "data-state", "rendered")));
        String url = browser.driver.getCurrentUrl();
        return url.substring(url.indexOf("#/plans/") + "#/plans/".length());
    }

    private static WebElement waitFor(By locator) {
        return new WebDriverWait(browser.driver, Duration.ofSeconds(10))
                .until(ExpectedConditions.visibilityOfElementLocated(locator));
    }

    private static List<WebElement> all(String css) {
        return browser.driver.findElements(By.cssSelector(css));
    }

    private static boolean alertShown() {
        try {
            browser.driver.switchTo().alert();
            return true;
        } catch (NoAlertPresentException none) {
            return false;
        }
    }
}
