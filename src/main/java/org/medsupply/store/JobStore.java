// SPDX-License-Identifier: Apache-2.0
package org.medsupply.store;

import java.time.Duration;
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
    default Optional<Earlier> insert(NewJob job, Idempotency idempotency) {
        return insert(job, idempotency, Integer.MAX_VALUE);
    }

    /**
     * Like {@link #insert(NewJob, Idempotency)}, but refuses the job when {@code maxQueued} jobs are queued in
     * the store, counted in the same transaction as the insert (servers sharing the store share the limit).
     *
     * @throws QueueFullException when the queue is full; nothing was stored
     */
    Optional<Earlier> insert(NewJob job, Idempotency idempotency, int maxQueued);

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

    /**
     * Replaces the checkpoint of a job that is not final and whose problem is still at the checkpoint's
     * revision; false if the job is final, gone or its problem changed since. With a {@code claimToken}
     * (nullable) only while that claim holds the job: a server that lost it is fenced off.
     */
    boolean saveCheckpoint(String id, String claimToken, Checkpoint checkpoint);

    /**
     * Replaces the problem of a job that is not final with a changed one, if the job's problem is still at
     * {@code revision}; the changed problem is at {@code revision + 1}.
     *
     * @return false when the job is final, gone, or its problem at another revision (nothing was changed)
     */
    boolean changeProblem(String id, long revision, String problemName, String countsJson, String problemJson);

    /** Marks a job that is not final as asked to stop; false if it is final or gone. */
    boolean requestCancel(String id);

    /**
     * Ends a job that is not final. {@code onlyIfStatus} (nullable) restricts it to jobs in that
     * status, {@code claimToken} (nullable) to jobs that claim holds. False if the job was final already,
     * gone, not in {@code onlyIfStatus} or no longer held by the claim.
     */
    boolean finish(String id, String onlyIfStatus, String claimToken, Outcome outcome);

    /**
     * Whether several servers share this store. Then they do not {@link #start} the jobs they accept but
     * {@link #claim} the oldest queued ones, and hold them by a lease they {@link #renew}.
     */
    boolean isShared();

    /**
     * On a shared store: first gives back the jobs whose lease ran out (to {@code QUEUED} with one restart
     * more, or {@code CANCELLED} at {@code now} when asked to stop), then claims the oldest queued job that
     * no other server is claiming at the same time, moving it to {@code SOLVING} on {@code node} under
     * {@code token} for {@code lease}. Leases are kept on the database's clock, never a server's: a server
     * whose clock runs ahead cannot take a job whose lease still holds.
     *
     * @param now when the claimed job starts, or a job asked to stop ends (shown in the job only)
     * @return the claimed job's id, or empty when none is queued
     */
    Optional<String> claim(String node, String token, Instant now, Duration lease);

    /**
     * What a claim's holder learns when it renews its lease.
     *
     * @param cancelRequested whether a stop was asked for the job
     * @param problemRevision the revision of the job's problem, which another server may have changed
     */
    record Lease(boolean cancelRequested, long problemRevision) {
    }

    /**
     * Extends a claim's lease to {@code lease} from now on the database's clock.
     *
     * @return empty when the claim no longer holds the job
     */
    Optional<Lease> renew(String id, String token, Duration lease);

    /** Gives a claimed job back to the queue with one restart more; false if the claim no longer holds it. */
    boolean release(String id, String token);

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
