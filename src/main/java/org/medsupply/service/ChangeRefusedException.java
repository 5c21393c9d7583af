// SPDX-License-Identifier: Apache-2.0
package org.medsupply.service;

/** A change to a job's problem that was not applied; nothing was changed. */
public final class ChangeRefusedException extends Exception {

    /** Why not. */
    public enum Reason {
        /** The job is final (or finishing): its problem no longer changes; re-plan it instead. */
        JOB_ENDED,
        /** The client changed a revision of the problem that is no longer the current one. */
        STALE_REVISION
    }

    private final Reason reason;

    ChangeRefusedException(Reason reason, String message) {
        super(message);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
