// SPDX-License-Identifier: Apache-2.0
package org.medsupply.service;

/** A change of a job: its status, a new best plan, or a change applied to its problem. */
public record JobEvent(Kind kind, JobView job) {

    public enum Kind {
        STATUS, BEST, CHANGE
    }
}
