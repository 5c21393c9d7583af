// SPDX-License-Identifier: Apache-2.0
package org.medsupply.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;

import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import org.medsupply.io.ProblemFile;
import org.medsupply.io.ProblemReader;
import org.medsupply.io.ProblemWorkbook;
import org.medsupply.io.sheet.Spreadsheets;
import org.medsupply.testing.Zips;

/** Problems sent as workbooks and zips of CSV tables over real HTTP: solved, validated, or refused naming cells. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class SpreadsheetApiTest {

    private static final String PLANS = "/api/v1/plans";
    private static final String VALIDATE = "/api/v1/problems/validate";
    private static TestServer server;

    @TempDir
    Path dir;

    @BeforeAll
    static void start() {
        server = TestServer.start(TestServer.config().build());
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void workbookIsSolvedLikeItsJson() {
        HttpResponse<String> submitted = post(PLANS + "?timeLimit=PT1S&seed=3", Spreadsheets.XLSX_MEDIA_TYPE,
                workbook(0));
        assertThat(submitted.statusCode()).as(submitted.body()).isEqualTo(202);
        JsonNode job = TestServer.json(submitted);
        assertThat(job.get("problem").asText()).isEqualTo("Round trip of two stops");
        assertThat(job.at("/counts/hospitals").asInt()).isEqualTo(2);
        JsonNode done = server.awaitFinal(job.get("id").asText());
        assertThat(done.get("status").asText()).isEqualTo("DONE");
        assertThat(done.get("feasible").asBoolean()).isTrue();
    }

    @Test
    void repeatedWorkbookWithItsIdempotencyKeyIsReplayed() {
        byte[] workbook = workbook(0);
        HttpResponse<String> first = send(request(PLANS, Spreadsheets.XLSX_MEDIA_TYPE, workbook)
                .header("Idempotency-Key", "sheet-1"));
        HttpResponse<String> again = send(request(PLANS, Spreadsheets.XLSX_MEDIA_TYPE, workbook)
                .header("Idempotency-Key", "sheet-1"));
        assertThat(again.headers().firstValue("Idempotent-Replayed")).hasValue("true");
        assertThat(TestServer.json(again).get("id")).isEqualTo(TestServer.json(first).get("id"));
        HttpResponse<String> changed = send(request(PLANS, Spreadsheets.XLSX_MEDIA_TYPE, workbook(7))
                .header("Idempotency-Key", "sheet-1"));
        assertThat(changed.statusCode()).isEqualTo(422);
    }

    @Test
    void zipOfCsvTablesValidates() throws IOException {
        Path folder = dir.resolve("tables");
        Spreadsheets.writeCsvFolder(problem(), folder);
        HttpResponse<String> valid = post(VALIDATE, Spreadsheets.ZIP_MEDIA_TYPE, Zips.ofFolder(folder, ""));
        assertThat(valid.statusCode()).isEqualTo(200);
        assertThat(TestServer.json(valid).get("valid").asBoolean()).isTrue();

        Files.writeString(folder.resolve("demands.csv"), "hospital,supply,quantity\nh1,n95,-3\nh2,n95,4\n");
        JsonNode invalid = TestServer.json(post(VALIDATE, Spreadsheets.ZIP_MEDIA_TYPE, Zips.ofFolder(folder, "")));
        assertThat(invalid.get("valid").asBoolean()).isFalse();
        assertThat(invalid.get("errors")).hasSize(1);
        assertThat(invalid.at("/errors/0/cell").asText()).isEqualTo("demands!C2");
        assertThat(invalid.at("/errors/0/pointer").asText()).isEqualTo("/hospitals/0/demands/0/quantity");
        assertThat(invalid.at("/errors/0/detail").asText()).isEqualTo("quantity must be between 1 and 1000000000,"
                + " not -3");
    }

    @Test
    void badWorkbookIsAProblemDetailNamingItsCell() {
        HttpResponse<String> refused = post(PLANS, Spreadsheets.XLSX_MEDIA_TYPE, workbook(-3));
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(TestServer.contentType(refused)).startsWith(TestServer.PROBLEM_JSON);
        JsonNode problem = TestServer.json(refused);
        assertThat(problem.get("type").asText()).isEqualTo("urn:medsupply:problem:invalid-input");
        assertThat(problem.at("/errors/0/cell").asText()).isEqualTo("demands!C2");
        assertThat(problem.at("/errors/0/detail").asText()).startsWith("quantity must be between 1");
    }

    @Test
    void bodiesThatAreNotWhatTheySayAreInputErrors() {
        HttpResponse<String> json = post(PLANS, Spreadsheets.XLSX_MEDIA_TYPE,
                TestServer.tinyProblem("round-trip").getBytes(StandardCharsets.UTF_8));
        assertThat(json.statusCode()).isEqualTo(400);
        assertThat(TestServer.json(json).at("/errors/0/detail").asText())
                .isEqualTo("not a workbook: expected an .xlsx file (Excel, LibreOffice or Google Sheets)");

        HttpResponse<String> workbookAsZip = post(VALIDATE, Spreadsheets.ZIP_MEDIA_TYPE, workbook(0));
        assertThat(TestServer.json(workbookAsZip).at("/errors/0/detail").asText()).startsWith("not a zip of CSV files");

        HttpResponse<String> empty = post(PLANS, Spreadsheets.ZIP_MEDIA_TYPE, new byte[0]);
        assertThat(empty.statusCode()).isEqualTo(400);
        assertThat(TestServer.json(empty).at("/errors/0/detail").asText())
                .isEqualTo("the body is empty; send a workbook or a zip of CSV tables");
    }

    @Test
    void zipBombIsRefusedAtTheBodyLimit() throws IOException {
        byte[] bomb = Zips.ofBlanks("demands.csv", 20 << 20);
        HttpResponse<String> refused = post(PLANS, Spreadsheets.ZIP_MEDIA_TYPE, bomb);
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(TestServer.json(refused).at("/errors/0/detail").asText())
                .isEqualTo("the CSV files in the zip inflate to more than " + TestServer.http().build().maxBodyBytes()
                        + " bytes; refused (a zip bomb?)");
    }

    /** The tiny round-trip problem as a workbook, its first demand line's quantity set when not 0. */
    private static byte[] workbook(int firstQuantity) {
        try {
            ByteArrayOutputStream written = new ByteArrayOutputStream();
            ProblemWorkbook.write(problem(), written);
            if (firstQuantity == 0) {
                return written.toByteArray();
            }
            try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(written.toByteArray()));
                    ByteArrayOutputStream out = new ByteArrayOutputStream()) {
                book.getSheet("demands").getRow(1).getCell(2).setCellValue(firstQuantity);
                book.write(out);
                return out.toByteArray();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static ProblemFile problem() {
        try {
            return ProblemReader.read(TestServer.tinyProblem("round-trip"));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static HttpRequest.Builder request(String path, String type, byte[] body) {
        return HttpRequest.newBuilder(server.uri(path)).header("Content-Type", type)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
    }

    private static HttpResponse<String> post(String path, String type, byte[] body) {
        return send(request(path, type, body));
    }

    private static HttpResponse<String> send(HttpRequest.Builder request) {
        return server.send(request);
    }
}
