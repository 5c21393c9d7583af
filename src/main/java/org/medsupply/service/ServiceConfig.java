// SPDX-License-Identifier: Apache-2.0
package org.medsupply.service;

import java.time.Duration;

/**
 * Every limit of the job service in one place, with safe defaults ({@link #defaults()}). Settings of the
 * HTTP server (address, bodies, threads, timeouts) and of the web front (CORS origins, map tiles) belong
 * to the {@code api} package's {@code HttpConfig} and {@code WebConfig}.
 *
 * @param defaultTimeLimit     solve time of a job that names none
 * @param maxTimeLimit         longest solve time a job may ask for
 * @param maxHospitals         most hospitals in one problem
 * @param maxVehicles          most vehicles in one problem
 * @param maxTrips             most trips (sum of every vehicle's {@code maxTrips}) in one problem
 * @param maxDemandLines       most demand lines in one problem
 * @param maxMatrixCells       most cells of the site-to-site matrix: (warehouses + hospitals) squared
 * @param maxNestingDepth      deepest JSON nesting accepted in a request body
 * @param maxStringLength      longest JSON string accepted, in characters
 * @param parallelSolvers      jobs solved at the same time (each takes one core)
 * @param maxQueuedJobs        jobs waiting for a solver; beyond it submissions get 503
 * @param retryAfter           what a 503 tells the client to wait when no solve's time left says better
 * @param retention            how long a finished job stays readable
 * @param maxRetainedJobs      most jobs kept; the oldest finished ones go first
 * @param maxEventStreams      most open {@code /events} streams at once
 * @param shutdownGrace        how long stopping waits for solves and connections to wind down
 */
public record ServiceConfig(Duration defaultTimeLimit, Duration maxTimeLimit, int maxHospitals, int maxVehicles,
        int maxTrips, int maxDemandLines, long maxMatrixCells, int maxNestingDepth, int maxStringLength,
        int parallelSolvers, int maxQueuedJobs, Duration retryAfter, Duration retention, int maxRetainedJobs,
        int maxEventStreams, Duration shutdownGrace) {

    public ServiceConfig {
        if (parallelSolvers <= 0 || maxRetainedJobs <= 0) {
            throw new IllegalArgumentException("parallelSolvers and maxRetainedJobs must be positive");
        }
        if (maxQueuedJobs < 0) {
            throw new IllegalArgumentException("maxQueuedJobs must be >= 0");
        }
        if (defaultTimeLimit.isNegative() || defaultTimeLimit.isZero() || defaultTimeLimit.compareTo(maxTimeLimit) > 0) {
            throw new IllegalArgumentException("defaultTimeLimit must be positive and at most maxTimeLimit");
        }
        if (maxRetainedJobs < parallelSolvers + maxQueuedJobs) {
            throw new IllegalArgumentException("maxRetainedJobs must hold at least every running and queued job");
        }
    }

    /** 30 s solves (10 min at most), 2,000 hospitals at most, half the cores solving, 8 queued. */
    public static ServiceConfig defaults() {
        return builder().build();
    }

    /** A builder holding the defaults. */
    public static Builder builder() {
        return new Builder();
    }

    /** Sets any of the limits, starting from the defaults. */
    public static final class Builder {

        private Duration defaultTimeLimit = Duration.ofSeconds(30);
        private Duration maxTimeLimit = Duration.ofMinutes(10);
        private int maxHospitals = 2_000;
        private int maxVehicles = 500;
        private int maxTrips = 2_000;
        private int maxDemandLines = 20_000;
        private long maxMatrixCells = 4_000_000;
        private int maxNestingDepth = 32;
        private int maxStringLength = 10_000;
        private int parallelSolvers = Math.max(1, Runtime.getRuntime().availableProcessors() / 2);
        private int maxQueuedJobs = 8;
        private Duration retryAfter = Duration.ofSeconds(5);
        private Duration retention = Duration.ofHours(1);
        private int maxRetainedJobs = 1_000;
        private int maxEventStreams = 64;
        private Duration shutdownGrace = Duration.ofSeconds(10);

        private Builder() {
        }

        public Builder defaultTimeLimit(Duration value) {
            this.defaultTimeLimit = value;
            return this;
        }

        public Builder maxTimeLimit(Duration value) {
            this.maxTimeLimit = value;
            return this;
        }

        public Builder maxHospitals(int value) {
            this.maxHospitals = value;
            return this;
        }

        public Builder maxVehicles(int value) {
            this.maxVehicles = value;
            return this;
        }

        public Builder maxTrips(int value) {
            this.maxTrips = value;
            return this;
        }

        public Builder maxDemandLines(int value) {
            this.maxDemandLines = value;
            return this;
        }

        public Builder maxMatrixCells(long value) {
            this.maxMatrixCells = value;
            return this;
        }

        public Builder maxNestingDepth(int value) {
            this.maxNestingDepth = value;
            return this;
        }

        public Builder maxStringLength(int value) {
            this.maxStringLength = value;
            return this;
        }

        public Builder parallelSolvers(int value) {
            this.parallelSolvers = value;
            return this;
        }

        public Builder maxQueuedJobs(int value) {
            this.maxQueuedJobs = value;
            return this;
        }

        public Builder retryAfter(Duration value) {
            this.retryAfter = value;
            return this;
        }

        public Builder retention(Duration value) {
            this.retention = value;
            return this;
        }

        public Builder maxRetainedJobs(int value) {
            this.maxRetainedJobs = value;
            return this;
        }

        public Builder maxEventStreams(int value) {
            this.maxEventStreams = value;
            return this;
        }

        public Builder shutdownGrace(Duration value) {
            this.shutdownGrace = value;
            return this;
        }

        public ServiceConfig build() {
            return new ServiceConfig(defaultTimeLimit, maxTimeLimit, maxHospitals, maxVehicles, maxTrips,
                    maxDemandLines, maxMatrixCells, maxNestingDepth, maxStringLength, parallelSolvers, maxQueuedJobs,
                    retryAfter, retention, maxRetainedJobs, maxEventStreams, shutdownGrace);
        }
    }
}
