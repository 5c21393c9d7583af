// SPDX-License-Identifier: Apache-2.0
package org.medsupply.store;

/** The job database failed (unreachable, full, locked too long); the message names the operation. */
public class StoreException extends RuntimeException {

    public StoreException(String operation, Throwable cause) {
        super("job store: " + operation + " failed", cause);
    }
}
