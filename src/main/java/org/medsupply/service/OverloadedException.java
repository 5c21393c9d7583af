// SPDX-License-Identifier: Apache-2.0
package org.medsupply.service;

import java.time.Duration;

/** The service cannot take more work now (solvers and queue full, or shutting down); retry later. */
public class OverloadedException extends Exception {

    private final Duration retryAfter;

    public OverloadedException(String message, Duration retryAfter) {
        super(message);
        this.retryAfter = retryAfter;
    }

    public Duration retryAfter() {
        return retryAfter;
    }
}
