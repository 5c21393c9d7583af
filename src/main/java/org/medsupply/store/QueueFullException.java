// SPDX-License-Identifier: Apache-2.0
package org.medsupply.store;

/** The store refused a job because its queue limit was reached. */
public final class QueueFullException extends RuntimeException {

    public QueueFullException(int queued) {
        super(queued + " jobs are queued");
    }
}
