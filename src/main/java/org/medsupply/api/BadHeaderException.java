// SPDX-License-Identifier: Apache-2.0
package org.medsupply.api;

import java.io.IOException;

/**
 * A request header the service cannot work with, with the problem detail that says so; an IOException
 * because request filters may throw nothing else.
 */
final class BadHeaderException extends IOException {

    private final transient ProblemDetail problem;

    BadHeaderException(ProblemDetail problem) {
        super(problem.detail());
        this.problem = problem;
    }

    ProblemDetail problem() {
        return problem;
    }
}
