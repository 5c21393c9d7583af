// SPDX-License-Identifier: Apache-2.0
package org.medsupply.check;

import java.util.List;

/**
 * What {@link PlanChecker#check} found.
 *
 * @param violations every broken rule or untruthful figure, in plan order (empty for a valid plan)
 * @param summary    the plan's figures as recomputed from its routes
 */
public record CheckReport(List<Violation> violations, Summary summary) {

    public CheckReport {
        violations = List.copyOf(violations);
    }

    public boolean valid() {
        return violations.isEmpty();
    }
}
