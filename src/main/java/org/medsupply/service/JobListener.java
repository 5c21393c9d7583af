// SPDX-License-Identifier: Apache-2.0
package org.medsupply.service;

/** Hears a job's changes; called on the thread that made the change (often a solver), so it must not block. */
@FunctionalInterface
public interface JobListener {

    void onEvent(JobEvent event);
}
