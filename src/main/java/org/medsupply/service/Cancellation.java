// SPDX-License-Identifier: Apache-2.0
package org.medsupply.service;

/**
 * A request to stop one solve, which may arrive before the solver is ready to hear it. The solver
 * registers its stop action with {@link #onRequest} once it runs; a request made earlier is replayed
 * then, so no cancellation is lost in between.
 */
public final class Cancellation {

    private boolean requested;
    private Runnable action;

    public synchronized boolean isRequested() {
        return requested;
    }

    /** Asks to stop; idempotent. */
    public void request() {
        Runnable toRun;
        synchronized (this) {
            if (requested) {
                return;
            }
            requested = true;
            toRun = action;
        }
        if (toRun != null) {
            toRun.run();
        }
    }

    /** Sets the stop action (replacing any earlier one) and runs it at once if a stop was already asked. */
    public void onRequest(Runnable stopAction) {
        boolean runNow;
        synchronized (this) {
            action = stopAction;
            runNow = requested;
        }
        if (runNow) {
            stopAction.run();
        }
    }
}
