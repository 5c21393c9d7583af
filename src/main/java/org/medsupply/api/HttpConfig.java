// SPDX-License-Identifier: Apache-2.0
package org.medsupply.api;

import java.time.Duration;

/**
 * Settings of the HTTP server itself (address, request bodies, worker threads, timeouts), kept out of the
 * service's {@code ServiceConfig}, which holds only what the job service needs; with safe defaults
 * ({@link #defaults()}).
 *
 * @param host          address to bind; loopback by default so nothing is exposed by accident
 * @param port          TCP port; 0 picks a free one
 * @param maxBodyBytes  largest request body, counted while reading (chunked bodies too)
 * @param workerThreads HTTP worker threads
 * @param workerQueue   requests waiting for a worker thread
 * @param idleTimeout   keep-alive connections idle longer are closed
 * @param ioTimeout     a blocking read or write of a request or response fails after this
 */
public record HttpConfig(String host, int port, long maxBodyBytes, int workerThreads, int workerQueue,
        Duration idleTimeout, Duration ioTimeout) {

    public static final long MIB = 1024 * 1024;

    public HttpConfig {
        if (maxBodyBytes <= 0 || workerThreads <= 0) {
            throw new IllegalArgumentException("maxBodyBytes and workerThreads must be positive");
        }
        if (workerQueue < 0 || port < 0 || port > 65535) {
            throw new IllegalArgumentException("workerQueue must be >= 0, port 0..65535");
        }
    }

    /** Loopback:8080, 10 MiB bodies, twice the cores (at least 4) as workers, 256 waiting, 15 s timeouts. */
    public static HttpConfig defaults() {
        return builder().build();
    }

    /** A builder holding the defaults. */
    public static Builder builder() {
        return new Builder();
    }

    /** Sets any of the settings, starting from the defaults. */
    public static final class Builder {

        private String host = "127.0.0.1";
        private int port = 8080;
        private long maxBodyBytes = 10 * MIB;
        private int workerThreads = Math.max(4, 2 * Runtime.getRuntime().availableProcessors());
        private int workerQueue = 256;
        private Duration idleTimeout = Duration.ofSeconds(15);
        private Duration ioTimeout = Duration.ofSeconds(15);

        private Builder() {
        }

        public Builder host(String value) {
            this.host = value;
            return this;
        }

        public Builder port(int value) {
            this.port = value;
            return this;
        }

        public Builder maxBodyBytes(long value) {
            this.maxBodyBytes = value;
            return this;
        }

        public Builder workerThreads(int value) {
            this.workerThreads = value;
            return this;
        }

        public Builder workerQueue(int value) {
            this.workerQueue = value;
            return this;
        }

        public Builder idleTimeout(Duration value) {
            this.idleTimeout = value;
            return this;
        }

        public Builder ioTimeout(Duration value) {
            this.ioTimeout = value;
            return this;
        }

        public HttpConfig build() {
            return new HttpConfig(host, port, maxBodyBytes, workerThreads, workerQueue, idleTimeout, ioTimeout);
        }
    }
}
