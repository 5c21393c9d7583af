// SPDX-License-Identifier: Apache-2.0
package org.medsupply.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.medsupply.api.ApiKeys;
import org.medsupply.io.InputError;
import org.medsupply.io.InvalidInputException;
import org.medsupply.io.Json;
import org.medsupply.io.PlanFile;
import org.medsupply.io.ProblemSheets;
import org.medsupply.io.ProblemFile;
import org.medsupply.io.ProblemReader;

import picocli.CommandLine;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/** The commands as a coordinator runs them: output, files written and exit codes (0 done, 2 bad input, 1 internal). */
class CliTest {

    private static final Path TINY = Path.of("problems/tiny/round-trip.json");

    @TempDir
    Path dir;

    /** What a command printed and its exit code; shared with the other command tests. */
    record Outcome(int exitCode, String out, String err) {
    }

    static Outcome run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exitCode = Main.run(new PrintWriter(out), new PrintWriter(err), args);
        return new Outcome(exitCode, out.toString(), err.toString());
    }

    /** Help text as one line: picocli wraps it at 80 columns. */
    private static String oneLine(String text) {
        return text.replaceAll("\\s+", " ");
    }

    @Test
    void solveWritesAPlanThatCheckAccepts() {
        Path plan = dir.resolve("plan.json");
        Outcome solved = run("solve", TINY.toString(), "-o", plan.toString(), "--time-limit", "2s", "--seed", "1");
        assertThat(solved.exitCode()).as(solved.err()).isZero();
        assertThat(solved.out()).contains("Fill rate by priority", "Vehicles used");
        assertThat(solved.out()).contains("Unmet lines", "Late lines", "Routes: 1");
        assertThat(solved.err()).contains("of 2 s  filled critical -, high 100.0 %").doesNotContain("hard/");
        assertThat(plan).exists();

        Outcome checked = run("check", TINY.toString(), plan.toString());
        assertThat(checked.exitCode()).as(checked.out()).isZero();
        assertThat(checked.out()).startsWith("ok");
    }

    @Test
    void checkExitsTwoAndListsViolationsOfATamperedPlan() throws IOException {
        Path plan = dir.resolve("plan.json");
        assertThat(run("solve", TINY.toString(), "-o", plan.toString(), "--time-limit", "1s", "--seed", "1")
                .exitCode()).isZero();
        Files.writeString(plan, Files.readString(plan).replaceFirst("\"totalDistanceKm\" : [0-9.]+",
                "\"totalDistanceKm\" : 0.5"));

        Outcome checked = run("check", TINY.toString(), plan.toString());
        assertThat(checked.exitCode()).isEqualTo(Main.BAD_INPUT);
        assertThat(checked.out())
                .contains("Stale figures", "  /kpis/totalDistanceKm  [kpi] totalDistanceKm says 0.5 km");
    }

    /**
     * A coordinator swaps the van's two stops and takes 2 boxes off the first one, leaving every figure as it
     * was: {@code --fix} keeps those decisions, recomputes the rest, and the file it writes passes the check.
     */
    @Test
    void checkFixRecomputesAHandEditedPlanThatThenPasses() throws IOException {
        Path plan = dir.resolve("plan.json");
        assertThat(run("solve", TINY.toString(), "-o", plan.toString(), "--time-limit", "1s", "--seed", "1")
                .exitCode()).isZero();
        ObjectNode edited = (ObjectNode) Json.MAPPER.readTree(plan.toFile());
        ArrayNode stops = (ArrayNode) edited.at("/routes/0/trips/0/stops");
        JsonNode first = stops.get(0);
        stops.set(0, stops.get(1));
        stops.set(1, first);
        ObjectNode deliver = (ObjectNode) stops.get(0).get("deliver");
        deliver.put("n95", deliver.get("n95").asLong() - 2);
        Path handEdited = dir.resolve("edited.json");
        Files.writeString(handEdited, edited.toString());
        assertThat(run("check", TINY.toString(), handEdited.toString()).exitCode()).isEqualTo(Main.BAD_INPUT);

        Path fixed = dir.resolve("fixed.json");
        Outcome fixing = run("check", TINY.toString(), handEdited.toString(), "--fix", "-o", fixed.toString());

        assertThat(fixing.exitCode()).as(fixing.out() + fixing.err()).isZero();
        assertThat(fixing.out()).contains("ok: ");
        Outcome checked = run("check", TINY.toString(), fixed.toString());
        assertThat(checked.exitCode()).as(checked.out()).isZero();
        JsonNode recomputed = Json.MAPPER.readTree(fixed.toFile());
        assertThat(recomputed.at("/routes/0/trips/0/stops").findValuesAsText("hospital"))
                .containsExactly(stops.get(0).get("hospital").asText(), stops.get(1).get("hospital").asText());
        assertThat(recomputed.at("/routes/0/trips/0/stops/0/deliver/n95").asLong())
                .isEqualTo(deliver.get("n95").asLong());
        assertThat(recomputed.at("/unmet/0/quantity").asLong()).isEqualTo(2);
    }

    @Test
    void checkFixNamesWhatThePlanCannotCarryOrTheOtherProblemAndNeedsAnOutputFile() throws IOException {
        Path plan = dir.resolve("plan.json");
        assertThat(run("solve", TINY.toString(), "-o", plan.toString(), "--time-limit", "1s", "--seed", "1")
                .exitCode()).isZero();
        Files.writeString(plan, Files.readString(plan).replaceFirst("\"hospital\" : \"h1\"", "\"hospital\" : \"h9\""));
        Path fixed = dir.resolve("fixed.json");

        Outcome unknown = run("check", TINY.toString(), plan.toString(), "--fix", "-o", fixed.toString());
        Outcome noOutput = run("check", TINY.toString(), plan.toString(), "--fix");
        Files.writeString(plan, Files.readString(plan)
                .replaceFirst("\"problem\" : \"[^\"]*\"", "\"problem\" : \"Other\""));
        Outcome otherProblem = run("check", TINY.toString(), plan.toString(), "--fix", "-o", fixed.toString());

        assertThat(unknown.exitCode()).isEqualTo(Main.BAD_INPUT);
        assertThat(unknown.err()).containsPattern("/routes/0/trips/0/stops/\\d/hospital: no hospital h9");
        assertThat(noOutput.exitCode()).isEqualTo(Main.BAD_INPUT);
        assertThat(noOutput.err()).contains("--fix needs -o FILE");
        assertThat(otherProblem.exitCode()).isEqualTo(Main.BAD_INPUT);
        assertThat(otherProblem.err())
                .contains("/problem: the plan is for problem 'Other', not 'Round trip of two stops'")
                .doesNotContain("h9");
        assertThat(fixed).doesNotExist();
    }

    @Test
    void validateAcceptsTheDemoAndNamesEveryErrorOfABadFile() throws IOException {
        Outcome valid = run("validate", "problems/demo-city-outbreak.json");
        assertThat(valid.exitCode()).as(valid.err()).isZero();
        assertThat(valid.out()).startsWith("valid");

        Path bad = dir.resolve("bad.json");
        Files.writeString(bad, Files.readString(TINY).replace("\"capacityKg\"", "\"capacityKgs\""));
        Outcome invalid = run("validate", bad.toString());
        assertThat(invalid.exitCode()).isEqualTo(Main.BAD_INPUT);
        assertThat(invalid.err()).contains("/vehicles/0/capacityKgs").doesNotContain("Exception", "at org.");
    }

    @Test
    void aMissingFileIsBadInputNotAnInternalError() {
        Outcome missing = run("solve", dir.resolve("nope.json").toString());
        assertThat(missing.exitCode()).isEqualTo(Main.BAD_INPUT);
        assertThat(missing.err()).contains("nope.json", "no such file").doesNotContain("Exception");
    }

    @Test
    void unknownOptionsAndBadDurationsAreBadInput() {
        assertThat(run("solve", TINY.toString(), "--colour").exitCode()).isEqualTo(Main.BAD_INPUT);
        Outcome badDuration = run("solve", TINY.toString(), "--time-limit", "soon");
        assertThat(badDuration.exitCode()).isEqualTo(Main.BAD_INPUT);
        assertThat(badDuration.err()).contains("'soon' is not a duration");
    }

    @Test
    void generateWritesAValidProblemOfTheAskedSize() {
        Path problem = dir.resolve("gen.json");
        Outcome generated = run("generate", "--hospitals", "12", "--warehouses", "2", "--vehicles", "3", "--seed", "5",
                "-o", problem.toString());
        assertThat(generated.exitCode()).as(generated.err()).isZero();
        Outcome valid = run("validate", problem.toString());
        assertThat(valid.exitCode()).as(valid.err()).isZero();
        assertThat(valid.out()).contains("2 warehouses, 12 hospitals, 3 vehicles");
        assertThat(run("generate", "--hospitals", "0", "-o", problem.toString()).exitCode()).isEqualTo(Main.BAD_INPUT);
    }

    @Test
    void scarceStockLeavesThatShareOfEachScarceSupplyInStock() throws Exception {
        Path file = dir.resolve("scarce.json");
        Outcome generated = run("generate", "--hospitals", "40", "--warehouses", "2", "--vehicles", "6", "--seed", "3",
                "--scarce-stock", "0.05", "-o", file.toString());
        assertThat(generated.exitCode()).as(generated.err()).isZero();

        ProblemFile problem = ProblemReader.read(file);
        Map<String, Long> demand = new HashMap<>();
        problem.hospitals().forEach(h -> h.demands().forEach(d -> demand.merge(d.supply(), d.quantity(), Long::sum)));
        Map<String, Long> stock = new HashMap<>();
        problem.warehouses().forEach(w -> w.stock().forEach((supply, units) -> stock.merge(supply, units, Long::sum)));
        Map<String, Long> scarce = demand.entrySet().stream()
                .filter(supply -> stock.getOrDefault(supply.getKey(), 0L) < supply.getValue())
                .collect(Collectors.toMap(Map.Entry::getKey, supply -> stock.getOrDefault(supply.getKey(), 0L)));
        assertThat(scarce).isNotEmpty();
        scarce.forEach((supply, units) ->
                assertThat(units).as(supply).isEqualTo((long) Math.floor(0.05 * demand.get(supply))));
    }

    @Test
    void scarcityAndScarceStockTogetherAreBadInput() {
        Outcome both = run("generate", "--scarcity", "0.9", "--scarce-stock", "0.1", "-o",
                dir.resolve("both.json").toString());
        assertThat(both.exitCode()).isEqualTo(Main.BAD_INPUT);
        assertThat(both.err()).contains("--scarcity or --scarce-stock, not both");
        assertThat(run("generate", "--scarce-stock", "1.5", "-o", dir.resolve("over.json").toString()).exitCode())
                .isEqualTo(Main.BAD_INPUT);
    }

    @Test
    void onlyUnexpectedFailuresAreInternalErrors() {
        assertThat(Main.exitCode(new IllegalStateException("bug"))).isEqualTo(Main.INTERNAL_ERROR);
        assertThat(Main.exitCode(new java.nio.file.NoSuchFileException("x"))).isEqualTo(Main.BAD_INPUT);
    }

    @Test
    void generateReproducesTheCommittedProblemFiles() throws IOException {
        Path problem = dir.resolve("outbreak.json");
        assertThat(run("generate", "--seed", "1", "--hospitals", "100", "--warehouses", "3", "--vehicles", "30",
                "-o", problem.toString()).exitCode()).isZero();
        assertThat(Files.readString(problem))
                .isEqualTo(Files.readString(Path.of("problems/generated/outbreak-h100-w3-v30-s1.json")));
    }

    @Test
    void aBrokenBenchmarkConfigurationIsBadInput() throws IOException {
        Path config = dir.resolve("bench.xml");
        Files.writeString(config, "<plannerBenchmark xmlns=\"https://www.optaplanner.org/xsd/benchmark\"><solver/>");
        Outcome outcome = run("benchmark", config.toString());
        assertThat(outcome.exitCode()).isEqualTo(Main.BAD_INPUT);
        assertThat(outcome.err()).contains("is not a benchmark configuration").doesNotContain("internal error");
    }

    @Test
    void addPrintsTheKeyAloneOnTheLastLineAndTheFileKeepsOnlyItsHash() throws Exception {
        Path file = dir.resolve("keys");
        Outcome added = run("keys", "add", "--file", file.toString(), "--owner", "lyon-hq", "--role", "submit");
        assertThat(added.exitCode()).as(added.err()).isZero();
        List<String> lines = added.out().lines().toList();
        String key = lines.get(lines.size() - 1);
        assertThat(key).matches("msk_[A-Za-z0-9_-]{43}");

        String stored = Files.readString(file);
        assertThat(stored).doesNotContain(key).contains(" lyon-hq submit")
                .startsWith("sha256:" + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                        .digest(key.getBytes(StandardCharsets.UTF_8))));
        ApiKeys keys = ApiKeys.read(file);
        assertThat(keys.holderOf(key)).hasValue(new ApiKeys.Holder("lyon-hq", ApiKeys.Role.SUBMIT));
        assertThat(keys.holderOf(key + "x")).isEmpty();

        String second = run("keys", "add", "--file", file.toString(), "--owner", "ops", "--role", "admin")
                .out().lines().reduce((a, b) -> b).orElseThrow();
        assertThat(second).isNotEqualTo(key);
        assertThat(ApiKeys.read(file).holderOf(second)).hasValue(new ApiKeys.Holder("ops", ApiKeys.Role.ADMIN));
        assertThat(ApiKeys.read(file).holderOf(key)).as("earlier keys stay").isPresent();
    }

    @Test
    void badOwnersRolesAndFilesAreRefusedClearly() throws Exception {
        Outcome badRole = run("keys", "add", "--file", dir.resolve("k").toString(), "--owner", "a", "--role", "root");
        assertThat(badRole.exitCode()).isEqualTo(Main.BAD_INPUT);
        assertThat(badRole.err()).contains("--role must be read, submit or admin");
        Outcome badOwner = run("keys", "add", "--file", dir.resolve("k").toString(), "--owner", "a b", "--role", "read");
        assertThat(badOwner.exitCode()).isEqualTo(Main.BAD_INPUT);
        assertThat(dir.resolve("k")).doesNotExist();

        Path broken = dir.resolve("broken");
        Files.writeString(broken, "# comment\nsha256:abcd alice read\nsha256:" + "0".repeat(64) + " bob superuser\n");
        assertThatThrownBy(() -> ApiKeys.read(broken)).isInstanceOfSatisfying(InvalidInputException.class,
                e -> assertThat(e.errors()).extracting(InputError::pointer).containsExactly("line 2", "line 3"));
        Path empty = dir.resolve("empty");
        Files.writeString(empty, "# none yet\n");
        assertThatThrownBy(() -> ApiKeys.read(empty)).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("no keys");
    }

    @Test
    void serveRefusesAnAddressBeyondLoopbackWithoutKeys() {
        Outcome refused = run("serve", "--host", "0.0.0.0", "--port", "0", "--data", dir.resolve("data").toString());
        assertThat(refused.exitCode()).isEqualTo(Main.BAD_INPUT);
        assertThat(refused.err()).contains("--api-keys").contains("--no-auth");
        assertThat(dir.resolve("data")).as("refused before opening anything").doesNotExist();
    }

    @Test
    void serveRefusesADatabaseWithoutUserOrPasswordAndLeasesTooShortForTheirPolls() {
        String url = "jdbc:postgresql://127.0.0.1:1/medsupply";
        assertThat(run("serve", "--port", "0", "--database", url).err()).contains("--database-user");
        assertThat(run("serve", "--port", "0", "--database", "jdbc:mysql://127.0.0.1:1/medsupply",
                "--database-user", "u").err()).contains("jdbc:postgresql://");
        assertThat(run("serve", "--port", "0", "--database-user", "u").err()).contains("need --database");
        Outcome shortLease = run("serve", "--port", "0", "--database", url, "--database-user", "u",
                "--lease", "PT1S", "--poll-interval", "PT1S");
        assertThat(shortLease.exitCode()).isEqualTo(Main.BAD_INPUT);
        assertThat(shortLease.err()).contains("quarter of the lease");
        Assumptions.assumeTrue(System.getenv(ServeCommand.PASSWORD_ENV) == null, "no password in the environment");
        Outcome noPassword = run("serve", "--port", "0", "--database", url, "--database-user", "u");
        assertThat(noPassword.exitCode()).isEqualTo(Main.BAD_INPUT);
        assertThat(noPassword.err()).contains(ServeCommand.PASSWORD_ENV).contains("--database-password-file");
    }

    @Test
    void everyCommandAnswersHelpWithItsDescriptionAndDefaults() {
        CommandLine root = new CommandLine(new Main());
        for (Map.Entry<String, CommandLine> command : root.getSubcommands().entrySet()) {
            Outcome help = run(command.getKey(), "--help");
            assertThat(help.exitCode()).as(command.getKey() + help.err()).isZero();
            CommandSpec spec = command.getValue().getCommandSpec();
            assertThat(oneLine(help.out())).as(command.getKey()).contains(spec.usageMessage().description()[0]);
            for (ArgSpec arg : spec.args()) {
                String description = String.join(" ", arg.description());
                assertThat(description).as(command.getKey() + " " + arg.paramLabel()).isNotBlank();
                if (arg.isOption() && arg.defaultValue() != null && !((OptionSpec) arg).usageHelp()
                        && !((OptionSpec) arg).versionHelp()) {
                    assertThat(description).as(command.getKey() + " " + ((OptionSpec) arg).longestName())
                            .contains("default");
                }
            }
        }
    }

    @Test
    void generateHelpSaysHowItSizesWarehousesAndVehicles() {
        Outcome help = run("generate", "--help");
        assertThat(help.exitCode()).isZero();
        assertThat(oneLine(help.out())).contains("do not grow with --hospitals",
                "3 warehouses and 12 vehicles", "one vehicle per 4 sites");
    }

    @Test
    void aZeroTimeLimitIsBadInput() {
        Outcome zero = run("solve", TINY.toString(), "--time-limit", "0s");
        assertThat(zero.exitCode()).isEqualTo(Main.BAD_INPUT);
        assertThat(zero.err()).contains("'0s' is not a time limit");
        assertThat(run("solve", TINY.toString(), "--time-limit", "PT-5S").exitCode()).isEqualTo(Main.BAD_INPUT);
    }

    @Test
    void anOutputThatCannotBeWrittenIsRefusedBeforeSolving() {
        Outcome intoMissingDirectory = run("solve", TINY.toString(), "--time-limit", "1s", "-o",
                dir.resolve("missing/plan.json").toString());
        assertThat(intoMissingDirectory.exitCode()).isEqualTo(Main.BAD_INPUT);
        assertThat(intoMissingDirectory.err()).contains("there is no directory");
        assertThat(intoMissingDirectory.out()).doesNotContain("Plan for");

        Outcome atDirectory = run("solve", TINY.toString(), "--time-limit", "1s", "-o", dir.toString());
        assertThat(atDirectory.exitCode()).isEqualTo(Main.BAD_INPUT);
        assertThat(atDirectory.err()).contains("is a directory");
        assertThat(atDirectory.out()).doesNotContain("Plan for");
    }

    @Test
    void aSolvedPlanThatCannotBeWrittenIsSavedElsewhere() throws IOException {
        PlanFile plan = Json.MAPPER.readValue("{\"problem\": \"tiny\", \"score\": \"0hard/0soft\"}", PlanFile.class);
        StringWriter err = new StringWriter();
        Path rescued = SolveOptions.savePlan(plan, dir.resolve("gone/plan.json"), new PrintWriter(err));
        try {
            assertThat(err.toString()).contains("cannot write", "the plan is saved in " + rescued);
            assertThat(Json.MAPPER.readValue(rescued.toFile(), PlanFile.class)).isEqualTo(plan);
        } finally {
            Files.deleteIfExists(rescued);
        }
    }

    @Test
    void aPlanListsItsLateLinesAndNamesBesideIdsAndCheckAcceptsIt() throws IOException {
        // both sites are due at 06:06; the first stop is 5 km out, the second 8 km further: 06:13, 7 minutes late
        Path problem = dir.resolve("due-early.json");
        Files.writeString(problem, Files.readString(TINY)
                .replace("\"priority\": \"high\"", "\"priority\": \"high\", \"needBy\": \"2026-02-01T06:06:00+08:00\""));
        Path planFile = dir.resolve("plan.json");
        Outcome solved = run("solve", problem.toString(), "-o", planFile.toString(), "--time-limit", "1s", "--seed", "1");
        assertThat(solved.exitCode()).as(solved.err()).isZero();

        PlanFile plan = Json.MAPPER.readValue(planFile.toFile(), PlanFile.class);
        assertThat(plan.late()).hasSize(1);
        PlanFile.LateDto late = plan.late().get(0);
        assertThat(late.hospitalName()).isEqualTo(late.hospital().equals("h1") ? "H1" : "H2");
        assertThat(late.supplyName()).isEqualTo("N95 respirators, box");
        assertThat(late.priority()).isEqualTo("high");
        assertThat(late.needBy()).isEqualTo("2026-02-01T06:06:00+08:00");
        assertThat(late.start()).isEqualTo("2026-02-01T06:13:00+08:00");
        assertThat(late.minutesLate()).isEqualTo(7);
        assertThat(plan.kpis().lateLines()).isEqualTo(1);
        assertThat(plan.routes().get(0).warehouseName()).isEqualTo("Depot");
        assertThat(plan.routes().get(0).trips().get(0).stops()).extracting(PlanFile.StopDto::hospitalName)
                .containsExactlyInAnyOrder("H1", "H2");

        Outcome checked = run("check", problem.toString(), planFile.toString());
        assertThat(checked.exitCode()).as(checked.out()).isZero();
    }

    @Test
    void quietSolvesWithoutProgress() {
        Outcome quiet = run("solve", TINY.toString(), "--time-limit", "1s", "--seed", "1", "--quiet");
        assertThat(quiet.exitCode()).as(quiet.err()).isZero();
        assertThat(quiet.err()).isEmpty();
        assertThat(quiet.out()).contains("Fill rate by priority");
    }

    @Test
    void templateWritesEverySheetOfAProblemWorkbook() throws IOException {
        Path template = dir.resolve("template.xlsx");
        Outcome written = run("template", "-o", template.toString());
        assertThat(written.exitCode()).as(written.err()).isZero();
        assertThat(written.out()).contains("Template written to " + template);
        try (Workbook workbook = new XSSFWorkbook(Files.newInputStream(template))) {
            assertThat(workbook.getNumberOfSheets()).isEqualTo(ProblemSheets.SHEETS.size());
            assertThat(workbook.getSheet("demands").getLastRowNum()).as("the example's lines").isPositive();
        }

        assertThat(run("template").exitCode()).as("-o is required").isEqualTo(Main.BAD_INPUT);
        Outcome intoMissingDirectory = run("template", "-o", dir.resolve("missing/t.xlsx").toString());
        assertThat(intoMissingDirectory.exitCode()).isEqualTo(Main.BAD_INPUT);
        assertThat(intoMissingDirectory.err()).contains("there is no directory");
    }

    @Test
    void solveWritesThePlanAsAWorkbookWithAManifestPerVehicle() throws IOException {
        Path workbookFile = dir.resolve("plan.xlsx");
        Outcome solved = run("solve", TINY.toString(), "--time-limit", "1s", "--seed", "1", "--quiet",
                "--xlsx", workbookFile.toString());
        assertThat(solved.exitCode()).as(solved.err()).isZero();
        assertThat(solved.out()).contains("Plan workbook written to " + workbookFile);
        try (Workbook workbook = new XSSFWorkbook(Files.newInputStream(workbookFile))) {
            assertThat(workbook.getSheetName(0)).isEqualTo("summary");
            assertThat(workbook.getSheet("van").getLastRowNum()).as("two stops of one supply").isEqualTo(2);
        }

        Outcome atDirectory = run("solve", TINY.toString(), "--time-limit", "1s", "--xlsx", dir.toString());
        assertThat(atDirectory.exitCode()).isEqualTo(Main.BAD_INPUT);
        assertThat(atDirectory.err()).contains("--xlsx " + dir + " is a directory");
        assertThat(atDirectory.out()).doesNotContain("Plan for");
    }
}
