// SPDX-License-Identifier: Apache-2.0
package org.medsupply.api;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.WebDriverWait;

import org.medsupply.bench.Machine;
import org.medsupply.service.ServiceConfig;

/**
 * How long headless Chromium takes to show a big plan on the job page: solves a problem on the real
 * server, then opens the job's deep link several times and records, per load, the page's own figure
 * (fetching plan, GeoJSON and explanation, then drawing map, timeline and panels) and the time from
 * navigation to a drawn page. A benchmark, not a test: figures depend on the machine.
 *
 * <p>Arguments: PROBLEM [TIME_LIMIT (ISO-8601, default PT30S)] [LOADS (default 5)] [OUTPUT.md].
 */
public final class RenderBenchmark {

    private RenderBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Path problem = Path.of(args[0]);
        String timeLimit = args.length > 1 ? args[1] : "PT30S";
        int loads = args.length > 2 ? Integer.parseInt(args[2]) : 5;
        ServiceConfig config = ServiceConfig.builder().maxMatrixCells(10_000_000).build();
        HttpConfig http = HttpConfig.builder().port(0).maxBodyBytes(64 * HttpConfig.MIB).build();
        WebConfig noTiles = WebConfig.defaults().withMapTiles(WebConfig.NO_TILES, "");
        try (TestServer server = TestServer.start(config, http, noTiles); Browser browser = Browser.open(Path.of("target/ui"))) {
            String id = server.submit(Files.readString(problem), "?timeLimit=" + timeLimit + "&seed=1");
            server.awaitFinal(id);
            long[] fetchMillis = new long[loads];
            long[] pageMillis = new long[loads];
            long[] wallMillis = new long[loads];
            String drawn = "";
            for (int i = 0; i < loads; i++) {
                browser.driver.get("about:blank");
                long start = System.nanoTime();
                browser.driver.get(server.uri("/ui/#/plans/" + id).toString());
                new WebDriverWait(browser.driver, Duration.ofMinutes(2)).until(driver ->
                        "rendered".equals(driver.findElement(By.id("main")).getDomAttribute("data-state")));
                wallMillis[i] = (System.nanoTime() - start) / 1_000_000;
                fetchMillis[i] = Long.parseLong(browser.driver.findElement(By.id("main")).getDomAttribute("data-fetch-ms"));
                pageMillis[i] = Long.parseLong(browser.driver.findElement(By.id("main")).getDomAttribute("data-render-ms"));
                drawn = browser.driver.findElement(By.id("map")).getDomAttribute("data-sites") + " sites and "
                        + browser.driver.findElement(By.id("map")).getDomAttribute("data-trips") + " trips";
            }
            browser.screenshot("render-benchmark");
            List<String> errors = browser.consoleErrors();
            String report = String.format(Locale.ROOT, """
                    # Rendering a big plan in the browser

                    Command: `%s`
                    Date: %s. Machine: %s. Browser: headless Chromium (Debian), window 1400x1000.

                    Problem `%s`, solved %s with seed 1; drawn: %s (canvas renderer), %d console errors.
                    Each load opens the job's deep link from a blank page.

                    | load | fetch plan, GeoJSON and explanation (ms) | then drawn and painted (ms) | navigation to painted page (ms) |
                    |---|---|---|---|
                    %s
                    Median: %d ms in the page (fetch and draw), %d ms from navigation.
                    """, command(args), LocalDate.now(), Machine.describe(), problem.getFileName(), timeLimit, drawn,
                    errors.size(), rows(fetchMillis, pageMillis, wallMillis), median(pageMillis), median(wallMillis));
            System.out.print(report);
            if (args.length > 3) {
                Files.writeString(Path.of(args[3]), report);
            }
        }
    }

    private static String command(String[] args) {
        return "bash benchmarks/ui/render.sh " + String.join(" ", args);
    }

    private static String rows(long[] fetch, long[] page, long[] wall) {
        List<String> rows = new ArrayList<>();
        for (int i = 0; i < page.length; i++) {
            rows.add("| " + (i + 1) + " | " + fetch[i] + " | " + (page[i] - fetch[i]) + " | " + wall[i] + " |\n");
        }
        return String.join("", rows);
    }

    private static long median(long[] values) {
        long[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }
}
