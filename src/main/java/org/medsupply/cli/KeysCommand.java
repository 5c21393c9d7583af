// SPDX-License-Identifier: Apache-2.0
package org.medsupply.cli;

import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

import org.medsupply.api.ApiKeys;

/** {@code medsupply keys}: manages the API key file of {@code serve --api-keys}. */
@Command(name = "keys", mixinStandardHelpOptions = true, description = "Manages API keys.",
        subcommands = KeysCommand.Add.class)
public final class KeysCommand {

    /** {@code keys add}: a new random key; the file keeps only its hash, owner and role. */
    @Command(name = "add", mixinStandardHelpOptions = true,
            description = "Adds a new random key to a key file and prints it, alone on the last line (only this once).")
    static final class Add implements Callable<Integer> {

        @Spec
        private CommandSpec spec;

        @Option(names = "--file", required = true, description = "Key file, created if missing.")
        private Path file;

        @Option(names = "--owner", required = true, description = "Whose jobs the key submits and sees.")
        private String owner;

        @Option(names = "--role", required = true, description = "read, submit or admin (admin sees every owner's jobs).")
        private String role;

        @Override
        public Integer call() throws Exception {
            ApiKeys.Role parsed;
            try {
                parsed = ApiKeys.Role.named(role);
            } catch (IllegalArgumentException e) {
                throw new ParameterException(spec.commandLine(), "--" + e.getMessage());
            }
            String key = ApiKeys.add(file, owner, parsed);
            spec.commandLine().getOut().println("Added a " + parsed.name().toLowerCase(Locale.ROOT) + " key for "
                    + owner + " to " + file + "; it is shown only now:");
            spec.commandLine().getOut().println(key);
            spec.commandLine().getOut().flush();
            return 0;
        }
    }
}
