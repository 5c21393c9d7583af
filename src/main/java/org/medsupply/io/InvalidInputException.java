// SPDX-License-Identifier: Apache-2.0
package org.medsupply.io;

import java.util.List;
import java.util.stream.Collectors;

/** Input that cannot be used, with every error found (never only the first). */
public class InvalidInputException extends Exception {

    private final List<InputError> errors;

    public InvalidInputException(List<InputError> errors) {
        super(errors.stream().map(e -> e.location() + ": " + e.detail())
                .collect(Collectors.joining("\n")));
        this.errors = List.copyOf(errors);
    }

    public List<InputError> errors() {
        return errors;
    }
}
