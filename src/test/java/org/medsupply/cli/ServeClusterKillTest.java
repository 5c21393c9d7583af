// SPDX-License-Identifier: Apache-2.0
package org.medsupply.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import org.medsupply.io.Json;
import org.medsupply.store.TestPostgres;

/**
 * Two {@code serve} processes on one PostgreSQL: the one solving a job is killed with SIGKILL, and once its
 * lease has run out the other resumes the job from its checkpoint (restarts 1) and finishes it with a plan
 * the checker accepts. Either server answers for any job meanwhile.
 */
@Timeout(value = 180, unit = TimeUnit.SECONDS)
class ServeClusterKillTest {

    @TempDir
    Path folder;

    private static String[] options(String node, String database, Path password) {
        return new String[] {"--database", database, "--database-user", TestPostgres.USER,
            "--database-password-file", password.toString(), "--node", node, "--solvers", "1",
            "--checkpoint-interval", "PT0.3S", "--lease", "PT3S", "--poll-interval", "PT0.5S"};
    }

    @Test
    void theServerSolvingAJobIsKilledAndTheOtherFinishesIt() throws Exception {
        String database = TestPostgres.newDatabase();
        Path password = Files.writeString(folder.resolve("db-password"), TestPostgres.PASSWORD + "\n");
        String problem = Files.readString(Path.of("problems/demo-city-outbreak.json"));
        try (ChildServer first = ChildServer.start(options("first", database, password));
                ChildServer second = ChildServer.start(options("second", database, password))) {
            String id = first.submit(problem, "?timeLimit=PT10S&seed=3");
            JsonNode solving = second.getJson("api/v1/plans/" + id);
            while (!solving.has("score")) { // solving, with a checkpoint both servers can read
                Thread.sleep(50);
                solving = second.getJson("api/v1/plans/" + id);
            }
            assertThat(solving.get("status").asText()).isEqualTo("SOLVING");
            ChildServer solver = solving.get("node").asText().equals("first") ? first : second;
            ChildServer survivor = solver == first ? second : first;

            solver.process.destroyForcibly(); // SIGKILL: no shutdown hook gives the job back
            assertThat(solver.process.waitFor(30, TimeUnit.SECONDS)).isTrue();

            JsonNode done = survivor.awaitFinal(id);
            assertThat(done.get("status").asText()).isEqualTo("DONE");
            assertThat(done.get("restarts").asInt()).isEqualTo(1);
            assertThat(done.get("node").asText()).isNotEqualTo(solving.get("node").asText());

            String plan = survivor.getJson("api/v1/plans/" + id + "/plan").toString();
            ObjectNode check = Json.MAPPER.createObjectNode();
            check.set("problem", Json.MAPPER.readTree(problem));
            check.set("plan", Json.MAPPER.readTree(plan));
            JsonNode verdict = Json.MAPPER.readTree(survivor.post("api/v1/plans/check", check.toString()).body());
            assertThat(verdict.get("valid").asBoolean()).as(verdict.toString()).isTrue();
        }
    }
}
