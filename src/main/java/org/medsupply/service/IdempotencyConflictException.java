// SPDX-License-Identifier: Apache-2.0
package org.medsupply.service;

/** An {@code Idempotency-Key} reused within its window for a request that differs from the first. */
public class IdempotencyConflictException extends Exception {

    public IdempotencyConflictException() {
        super("this Idempotency-Key was used for a different request");
    }
}
