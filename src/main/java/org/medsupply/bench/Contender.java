// SPDX-License-Identifier: Apache-2.0
package org.medsupply.bench;

import java.time.Duration;

import org.medsupply.io.PlanFile;
import org.medsupply.io.ProblemFile;

/**
 * A solver compared in the quality run. MedSupply is one; peers (jsprit, OR-tools) live in their own
 * module and are found with {@link java.util.ServiceLoader} when their jar is on the class path, so
 * the product jar does not carry them. Every contender answers with a FORMAT.md plan, which the
 * project's checker verifies and costs in one convention for all.
 */
public interface Contender {

    String name();

    /** Solves on one thread for at most {@code timeLimit}. */
    PlanFile solve(ProblemFile problem, Duration timeLimit, long seed);
}
