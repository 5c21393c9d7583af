// SPDX-License-Identifier: Apache-2.0
package org.medsupply.check;

import java.util.List;

/** What checking a plan against its problem found. */
public record CheckReport(List<Violation> violations, Summary summary) {

    /** Figures counted from the plan's routes. */
    public record Summary(int routes, int trips, int stops, long unitsDelivered) {
    }

    public CheckReport {
        violations = List.copyOf(violations);
    }

    public boolean valid() {
        return violations.isEmpty();
    }
}
