// SPDX-License-Identifier: Apache-2.0
package org.medsupply.service;

/** Life cycle of a solve job; the last three are final. */
public enum JobStatus {
    QUEUED, SOLVING, DONE, FAILED, CANCELLED;

    public boolean isFinal() {
        return this == DONE || this == FAILED || this == CANCELLED;
    }
}
