// SPDX-License-Identifier: Apache-2.0
package org.medsupply.service;

/** The job exists but has no plan yet (queued, or stopped before the first plan). */
public class NoPlanYetException extends Exception {

    public NoPlanYetException(String id, JobStatus status) {
        super("job '" + id + "' has no plan yet (" + status.name().toLowerCase(java.util.Locale.ROOT) + ")");
    }
}
