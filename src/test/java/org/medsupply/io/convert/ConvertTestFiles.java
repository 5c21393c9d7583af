// SPDX-License-Identifier: Apache-2.0
package org.medsupply.io.convert;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.medsupply.io.InputError;
import org.medsupply.io.InvalidInputException;

/**
 * The small hand-made instances beside these tests (never copies of the benchmark files), with the
 * figures computed by hand that the tests expect.
 */
public final class ConvertTestFiles {

    /** five-customers.txt: routes 0-1-2-0 (5+5+10), 0-4-3-0 (sqrt 2 + 5 + 5), 0-5-0 (5+5). */
    public static final double FIVE_CUSTOMERS_SOLUTION_DISTANCE = 40 + Math.sqrt(2);
    /** six-nodes.vrp: arcs rounded, 0-1-2-0 = 1+1+2, 0-3-4-0 = 5+5+10, 0-5-0 = 4+4 (3.606 each unrounded). */
    public static final double SIX_NODES_SOLUTION_DISTANCE = 32;
    /** two-depots.txt: depot 1 (0,0)-(3,4)-(6,8) = 5+5+10, depot 2 (10,4)-(10,0)-(13,4) = 4+5+3. */
    public static final double TWO_DEPOTS_SOLUTION_DISTANCE = 32;

    private ConvertTestFiles() {
    }

    public static Path path(String name) {
        try {
            return Path.of(ConvertTestFiles.class.getResource(name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    public static String text(String name) {
        try {
            return Files.readString(path(name), StandardCharsets.US_ASCII);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The details of the errors a failed read reports. */
    public static List<String> details(InvalidInputException e) {
        return e.errors().stream().map(InputError::detail).toList();
    }
}
