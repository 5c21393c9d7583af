// SPDX-License-Identifier: Apache-2.0
package org.medsupply.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.security.MessageDigest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.medsupply.api.ApiKeys;
import org.medsupply.io.InputError;
import org.medsupply.io.InvalidInputException;

/** {@code keys add} and the key file; {@code serve} refusing to expose itself without keys. */
class KeysCommandTest {

    @TempDir
    Path dir;

    private record Outcome(int exitCode, String out, String err) {
    }

    private static Outcome run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exitCode = Main.run(new PrintWriter(out), new PrintWriter(err), args);
        return new Outcome(exitCode, out.toString(), err.toString());
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
}
