// SPDX-License-Identifier: Apache-2.0
package org.medsupply.cli;

import picocli.CommandLine;

/** Runs {@code serve} alone in a child JVM, as the CLI would, for the SIGTERM test. */
public final class ServeLauncher {

    private ServeLauncher() {
    }

    public static void main(String[] args) {
        System.exit(new CommandLine(new ServeCommand()).execute(args));
    }
}
