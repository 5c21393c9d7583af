// SPDX-License-Identifier: Apache-2.0
package org.medsupply.service;

/** A change of a job: its status, or a new best plan. */
public record JobEvent(Kind kind, JobView job) {

    public enum Kind {
        STATUS, BEST
    }
}
