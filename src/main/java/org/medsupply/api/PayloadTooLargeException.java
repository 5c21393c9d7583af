// SPDX-License-Identifier: Apache-2.0
package org.medsupply.api;

import java.io.IOException;

/** A request body over the configured limit; raised while reading, so chunked bodies are caught too. */
public class PayloadTooLargeException extends IOException {

    private final long limitBytes;

    public PayloadTooLargeException(long limitBytes) {
        super("request body over " + limitBytes + " bytes");
        this.limitBytes = limitBytes;
    }

    public long limitBytes() {
        return limitBytes;
    }
}
