// SPDX-License-Identifier: Apache-2.0
package org.medsupply.store;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The durable job table. Every method commits before it returns, so a caller may acknowledge what
 * it wrote; failures are {@link StoreException}s. Statuses are the names of the service's job statuses
 * ({@code QUEUED}, {@code SOLVING}, {@code DONE}, {@code FAILED}, {@code CANCELLED}); JSON columns
 * hold documents the service writes and reads, the store does not look inside them.
 */
public interface JobStore extends AutoCloseable {

    /** The statuses after which a job never changes again. */
    List<String> FINAL_STATUSES = List.of("DONE", "FAILED", "CANCELLED");

    /**
     * An idempotency key of a submission.
     *
     * @param owner       who submitted; {@code ""} when keys are off
     * @param key         the client's {@code Idempotency-Key}
     * @param requestHash hash of what was submitted, to tell a retry from a different request
     * @param notBefore   keys used before this instant have expired and are reused
     */
    record Idempotency(String owner, String key, String requestHash, Instant notBefore) {
    }

    /**
     * The job an idempotency key already named.
     *
     * @param sameRequest whether that job was submitted with the same request hash
     */
    record Earlier(String jobId, boolean sameRequest) {
    }

    /**
     * Stores a new {@code QUEUED} job, unless {@code idempotency} (nullable) names a key the owner used
     * since its {@code notBefore}: then nothing is stored and the earlier job is returned.
     */
    Optional<Earlier> insert(NewJob job, Idempotency idempotency);

    /** The earlier job of an idempotency key still in force, without storing anything. */
    Optional<Earlier> findIdempotent(Idempotency idempotency);

    Optional<JobRecord> find(String id);

    /** Jobs newest first; {@code owner} {@code null} lists every owner's. */
    List<JobRecord> list(String owner, int limit, int offset);

    /** How many jobs are stored; {@code owner} {@code null} counts every owner's. */
    int count(String owner);

    /** Stored jobs per status name (statuses without jobs are absent). */
    Map<String, Integer> countByStatus();

    Optional<String> problemJson(String id);

    /** The last checkpoint, or the final plan of a final job. */
    Optional<Checkpoint> checkpoint(String id);

    Optional<String> explanationJson(String id);

    /** Moves a {@code QUEUED} job to {@code SOLVING} on {@code node}; false if it is no longer queued. */
    boolean start(String id, String node, Instant startedAt);

    /** Replaces the checkpoint of a job that is not final; false if the job is final or gone. */
    boolean saveCheckpoint(String id, Checkpoint checkpoint);

    /** Marks a job that is not final as asked to stop; false if it is final or gone. */
    boolean requestCancel(String id);

    /**
     * Ends a job that is not final. {@code onlyIfStatus} (nullable) restricts it to jobs in that
     * status. False if the job was final already, gone, or not in {@code onlyIfStatus}.
     */
    boolean finish(String id, String onlyIfStatus, Outcome outcome);

    /**
     * After a restart: jobs left {@code SOLVING} go back to {@code QUEUED} with one restart more (those
     * asked to stop end {@code CANCELLED} with their checkpoint instead).
     *
     * @return the ids of every queued job, oldest first
     */
    List<String> recover(Instant now);

    /**
     * Deletes final jobs that ended before {@code endedBefore}, then the earliest-ended final jobs
     * beyond {@code maxJobs} stored jobs, and idempotency keys used before {@code keysBefore}.
     *
     * @return how many jobs were deleted
     */
    int evict(Instant endedBefore, int maxJobs, Instant keysBefore);

    @Override
    void close();
}
