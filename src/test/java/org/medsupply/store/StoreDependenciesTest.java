// SPDX-License-Identifier: Apache-2.0
package org.medsupply.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * The store sits below the service that owns it: it imports nothing of the project (no service, api,
 * domain or io types), so it stays a plain job table that another database can implement.
 */
class StoreDependenciesTest {

    @Test
    void theStoreImportsNoOtherPackageOfTheProject() throws IOException {
        try (Stream<Path> files = Files.list(Path.of("src/main/java/org/medsupply/store"))) {
            List<String> imports = files.flatMap(StoreDependenciesTest::lines)
                    .filter(line -> line.startsWith("import org.medsupply.")).toList();
            assertThat(imports).isEmpty();
        }
    }

    private static Stream<String> lines(Path file) {
        try {
            return Files.readAllLines(file).stream();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
