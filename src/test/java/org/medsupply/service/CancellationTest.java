// SPDX-License-Identifier: Apache-2.0
package org.medsupply.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

class CancellationTest {

    private final Cancellation cancellation = new Cancellation();
    private final AtomicInteger stops = new AtomicInteger();

    @Test
    void aRequestMadeBeforeTheSolverListensIsReplayedWhenItDoes() {
        cancellation.request();
        assertThat(stops).hasValue(0);
        cancellation.onRequest(stops::incrementAndGet);
        assertThat(stops).hasValue(1);
    }

    @Test
    void aRequestReachesTheRegisteredActionOnce() {
        cancellation.onRequest(stops::incrementAndGet);
        cancellation.request();
        cancellation.request();
        assertThat(stops).hasValue(1);
        assertThat(cancellation.isRequested()).isTrue();
    }
}
