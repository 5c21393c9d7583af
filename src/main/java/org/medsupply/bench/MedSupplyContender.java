// SPDX-License-Identifier: Apache-2.0
package org.medsupply.bench;

import java.time.Duration;

import org.medsupply.io.PlanFile;
import org.medsupply.io.PlanWriter;
import org.medsupply.io.ProblemFile;
import org.medsupply.io.ProblemMapper;
import org.medsupply.solver.Dispatcher;
import org.medsupply.solver.SolverConfigs;

/** MedSupply's production solver, given the whole time limit (no early stop when it stops improving). */
public final class MedSupplyContender implements Contender {

    @Override
    public String name() {
        return "medsupply";
    }

    @Override
    public PlanFile solve(ProblemFile problem, Duration timeLimit, long seed) {
        return PlanWriter.toPlan(Dispatcher.solve(ProblemMapper.toSolution(problem),
                SolverConfigs.forFullRun(timeLimit, seed), score -> { }));
    }
}
