// SPDX-License-Identifier: Apache-2.0
package org.medsupply.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import org.medsupply.io.InputError;
import org.medsupply.io.InvalidInputException;
import org.medsupply.io.Json;
import org.medsupply.io.ProblemFile;

/** Admission, queued cancellation and retention, with a solver the test holds and a clock it moves. */
@Timeout(value = 20, unit = TimeUnit.SECONDS)
class JobServiceTest {

    private static final Duration SECOND = Duration.ofSeconds(1);

    /** A clock the test moves by hand. */
    private static final class TestClock extends Clock {
        final AtomicReference<Instant> now = new AtomicReference<>(Instant.parse("2026-02-01T00:00:00Z"));

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now.get();
        }
    }

    private final CountDownLatch release = new CountDownLatch(1);
    private final TestClock clock = new TestClock();

    /** Solves by returning the problem unchanged once the test releases it. */
    private JobService service(int solvers, int queued, int retained) {
        ServiceConfig config = ServiceConfig.builder().parallelSolvers(solvers).maxQueuedJobs(queued)
                .maxRetainedJobs(retained).retention(Duration.ofHours(1)).build();
        return new JobService(config, request -> {
            release.await();
            return request.problem();
        }, new SimpleMeterRegistry(), clock);
    }

    private static ProblemFile problem() throws IOException {
        return Json.MAPPER.readValue(Path.of("problems/tiny/round-trip.json").toFile(), ProblemFile.class);
    }

    private static JobView awaitStatus(JobService jobs, String id, JobStatus status) throws Exception {
        while (jobs.get(id).status() != status) {
            Thread.sleep(10);
        }
        return jobs.get(id);
    }

    @Test
    void refusesBeyondSolversPlusQueueAndCancelsQueuedJobsAtOnce() throws Exception {
        try (JobService jobs = service(1, 1, 10)) {
            JobView solving = jobs.submit(problem(), SECOND, null);
            awaitStatus(jobs, solving.id(), JobStatus.SOLVING);
            JobView queued = jobs.submit(problem(), SECOND, null);
            assertThat(queued.status()).isEqualTo(JobStatus.QUEUED);

            assertThatThrownBy(() -> jobs.submit(problem(), SECOND, null))
                    .isInstanceOf(OverloadedException.class)
                    .satisfies(e -> assertThat(((OverloadedException) e).retryAfter()).isPositive());

            JobService.CancelOutcome cancelled = jobs.cancel(queued.id());
            assertThat(cancelled.stopping()).isFalse();
            assertThat(cancelled.job().status()).isEqualTo(JobStatus.CANCELLED);
            assertThat(cancelled.job().startedAt()).isNull();
            assertThatThrownBy(() -> jobs.bestPlan(queued.id())).isInstanceOf(NoPlanYetException.class);

            JobView next = jobs.submit(problem(), SECOND, null);
            release.countDown();
            awaitStatus(jobs, solving.id(), JobStatus.DONE);
            awaitStatus(jobs, next.id(), JobStatus.DONE);
            assertThat(jobs.get(queued.id()).status()).isEqualTo(JobStatus.CANCELLED);
        }
    }

    @Test
    void retryAfterIsTheTimeLeftToTheFirstJobToEnd() throws Exception {
        try (JobService jobs = service(1, 1, 10)) {
            Instant started = clock.instant();
            JobView solving = jobs.submit(problem(), Duration.ofSeconds(60), null);
            awaitStatus(jobs, solving.id(), JobStatus.SOLVING);
            jobs.submit(problem(), Duration.ofSeconds(30), null);

            clock.now.set(started.plusMillis(20_500));
            assertThatThrownBy(jobs::checkCapacity).isInstanceOfSatisfying(OverloadedException.class,
                    e -> assertThat(e.retryAfter()).as("60 s solve, 20.5 s in").isEqualTo(Duration.ofSeconds(40)));
            clock.now.set(started.minusSeconds(5));
            assertThatThrownBy(jobs::checkCapacity).isInstanceOfSatisfying(OverloadedException.class,
                    e -> assertThat(e.retryAfter()).as("clock read before the start")
                            .isEqualTo(Duration.ofSeconds(60)));
            release.countDown();
        }
    }

    @Test
    void keepsAtMostTheRetainedCountAndDropsFinishedJobsPastTheirRetention() throws Exception {
        release.countDown();
        try (JobService jobs = service(1, 2, 3)) {
            JobView first = jobs.submit(problem(), SECOND, null);
            awaitStatus(jobs, first.id(), JobStatus.DONE);
            clock.now.set(clock.instant().plusSeconds(1));
            JobView second = jobs.submit(problem(), SECOND, null);
            awaitStatus(jobs, second.id(), JobStatus.DONE);
            clock.now.set(clock.instant().plusSeconds(1));
            JobView third = jobs.submit(problem(), SECOND, null);
            awaitStatus(jobs, third.id(), JobStatus.DONE);
            JobView fourth = jobs.submit(problem(), SECOND, null);

            assertThat(jobs.jobCount()).isEqualTo(3);
            assertThatThrownBy(() -> jobs.get(first.id())).isInstanceOf(JobNotFoundException.class);
            assertThat(jobs.list(10, 0)).extracting(JobView::id)
                    .containsExactly(fourth.id(), third.id(), second.id());

            awaitStatus(jobs, fourth.id(), JobStatus.DONE);
            clock.now.set(clock.instant().plus(Duration.ofHours(2)));
            jobs.evict();
            assertThat(jobs.jobCount()).isZero();
        }
    }

    @Test
    void rejectsTimeLimitsBeyondTheMaximum() throws Exception {
        release.countDown();
        try (JobService jobs = service(1, 1, 10)) {
            assertThatThrownBy(() -> jobs.submit(problem(), Duration.ofMinutes(11), null))
                    .isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Test
    void problemSizeLimitsNameEveryExcessWithItsPointer() throws Exception {
        ServiceConfig config = ServiceConfig.builder().maxHospitals(1).maxTrips(0).build();
        InputLimits limits = new InputLimits(config);
        assertThatThrownBy(() -> limits.checkProblem(problem()))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.errors())
                        .extracting(InputError::pointer)
                        .containsExactlyInAnyOrder("/hospitals", "/vehicles"));
    }
}
