// SPDX-License-Identifier: Apache-2.0
package org.medsupply.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import org.flywaydb.core.Flyway;

/**
 * {@link JobStore} on plain JDBC: SQLite in a data folder by default, or PostgreSQL shared by several
 * servers; the schema kept by Flyway ({@code org/medsupply/store/migration}, the same for both) and the
 * connections pooled by HikariCP.
 */
public final class SqlJobStore implements JobStore {

    /** The SQLite file inside the data folder. */
    public static final String SQLITE_FILE = "medsupply.db";

    private static final String JOB_COLUMNS = "id, seq, owner, status, node, restarts, submitted_at, started_at, "
            + "ended_at, time_limit_ms, seed, problem_name, counts_json, cancel_requested, score, feasible, error_json, "
            + "kpis_json, problem_revision, parent_id";
    private static final String NOT_FINAL = "status NOT IN ('DONE', 'FAILED', 'CANCELLED')";

    /** The lock file that keeps a second server off the same data folder. */
    public static final String LOCK_FILE = "medsupply.lock";
    /** The transaction lock that makes inserts on PostgreSQL one at a time (any constant key). */
    private static final long INSERT_LOCK = 0x4d65645375700aL;
    /**
     * The database's clock in epoch milliseconds (PostgreSQL): leases are set and run out by it alone, so
     * servers whose clocks disagree still agree on which leases hold.
     */
    private static final String DATABASE_NOW = "CAST(EXTRACT(EPOCH FROM now()) * 1000 AS BIGINT)";

    private final HikariDataSource dataSource;
    /** Held while open; {@code null} on PostgreSQL. */
    private final FileChannel lock;
    private final boolean postgresql;

    private SqlJobStore(HikariDataSource dataSource, FileChannel lock, boolean postgresql) {
        this.dataSource = dataSource;
        this.lock = lock;
        this.postgresql = postgresql;
        Flyway.configure().dataSource(dataSource).locations("classpath:org/medsupply/store/migration")
                .load().migrate();
    }

    /**
     * Opens (creating it and the folder if needed) the SQLite database in {@code dataDir}. WAL journal
     * with {@code synchronous=FULL}: a commit is on disk before it returns, across process and OS crashes;
     * {@code IMMEDIATE} transactions take the write lock up front, so concurrent writers wait
     * ({@code busy_timeout}) instead of failing on a lock upgrade. The folder belongs to one server at a
     * time (a lock file): a second one would resume the first one's jobs as interrupted.
     *
     * @throws FileSystemException when another server has the folder, or it cannot be created
     */
    public static SqlJobStore sqlite(Path dataDir) throws IOException {
        Files.createDirectories(dataDir);
        Path lockFile = dataDir.resolve(LOCK_FILE);
        FileChannel lock = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        if (!tryLock(lock)) {
            lock.close();
            throw new FileSystemException(lockFile.toString(), null, "in use by another MedSupply server");
        }
        HikariConfig config = new HikariConfig();
        config.setPoolName("medsupply-sqlite");
        config.setJdbcUrl("jdbc:sqlite:" + dataDir.resolve(SQLITE_FILE).toAbsolutePath());
        config.addDataSourceProperty("journal_mode", "WAL");
        config.addDataSourceProperty("synchronous", "FULL");
        config.addDataSourceProperty("busy_timeout", "10000");
        config.addDataSourceProperty("transaction_mode", "IMMEDIATE");
        config.setMaximumPoolSize(4);
        HikariDataSource dataSource = null;
        try {
            dataSource = new HikariDataSource(config);
            return new SqlJobStore(dataSource, lock, false);
        } catch (RuntimeException e) {
            if (dataSource != null) {
                dataSource.close();
            }
            lock.close();
            throw e;
        }
    }

    /**
     * Connects to a PostgreSQL database that several servers share, migrating its schema if needed (Flyway
     * holds a database lock meanwhile, so servers starting together migrate once). Its jobs are claimed
     * ({@link #isShared()}).
     */
    public static SqlJobStore postgresql(String jdbcUrl, String user, String password) {
        HikariConfig config = new HikariConfig();
        config.setPoolName("medsupply-postgresql");
        config.setJdbcUrl(jdbcUrl);
        config.setUsername(user);
        config.setPassword(password);
        config.setMaximumPoolSize(8);
        HikariDataSource dataSource = new HikariDataSource(config);
        try {
            return new SqlJobStore(dataSource, null, true);
        } catch (RuntimeException e) {
            dataSource.close();
            throw e;
        }
    }

    /** Whether this process now holds the lock (false when another process, or this one, already does). */
    private static boolean tryLock(FileChannel lock) throws IOException {
        try {
            return lock.tryLock() != null;
        } catch (OverlappingFileLockException heldHere) {
            return false;
        } catch (IOException e) {
            lock.close();
            throw e;
        }
    }

    /** One unit of work on a connection, committed by {@link #transaction}. */
    @FunctionalInterface
    private interface Work<T> {
        T run(Connection connection) throws SQLException;
    }

    private <T> T transaction(String operation, Work<T> work) {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try {
                T result = work.run(connection);
                connection.commit();
                return result;
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw new StoreException(operation, e);
        }
    }

    private <T> T read(String operation, Work<T> work) {
        try (Connection connection = dataSource.getConnection()) {
            return work.run(connection);
        } catch (SQLException e) {
            throw new StoreException(operation, e);
        }
    }

    @Override
    public Optional<Earlier> insert(NewJob job, Idempotency idempotency, int maxQueued) {
        return transaction("insert", connection -> {
            if (postgresql) {
                // SQLite's IMMEDIATE transactions already write one at a time; here the lock keeps the
                // queue count, the next seq and the idempotency lookup true until this insert commits
                try (PreparedStatement statement = prepare(connection, "SELECT pg_advisory_xact_lock(?)", INSERT_LOCK)) {
                    statement.executeQuery().close();
                }
            }
            if (idempotency != null) {
                Optional<Earlier> earlier = findIdempotent(connection, idempotency);
                if (earlier.isPresent()) {
                    return earlier;
                }
                update(connection, "DELETE FROM idempotency WHERE owner = ? AND idem_key = ?",
                        idempotency.owner(), idempotency.key());
                update(connection, "INSERT INTO idempotency (owner, idem_key, request_hash, job_id, created_at) "
                        + "VALUES (?, ?, ?, ?, ?)", idempotency.owner(), idempotency.key(), idempotency.requestHash(),
                        job.id(), job.submittedAt().toEpochMilli());
            }
            if (maxQueued < Integer.MAX_VALUE) {
                int queued = countQueued(connection);
                if (queued >= maxQueued) {
                    throw new QueueFullException(queued);
                }
            }
            update(connection, "INSERT INTO job (id, seq, owner, status, submitted_at, time_limit_ms, seed, "
                    + "problem_name, counts_json, problem_json, parent_id) "
                    + "VALUES (?, (SELECT COALESCE(MAX(seq), 0) + 1 FROM job), ?, 'QUEUED', ?, ?, ?, ?, ?, ?, ?)",
                    job.id(), job.owner(), job.submittedAt().toEpochMilli(), job.timeLimit().toMillis(), job.seed(),
                    job.problemName(), job.countsJson(), job.problemJson(), job.parent());
            return Optional.empty();
        });
    }

    private static int countQueued(Connection connection) throws SQLException {
        try (PreparedStatement statement = prepare(connection, "SELECT COUNT(*) FROM job WHERE status = 'QUEUED'");
                ResultSet row = statement.executeQuery()) {
            row.next();
            return row.getInt(1);
        }
    }

    @Override
    public Optional<Earlier> findIdempotent(Idempotency idempotency) {
        return read("idempotency lookup", connection -> findIdempotent(connection, idempotency));
    }

    private static Optional<Earlier> findIdempotent(Connection connection, Idempotency idempotency)
            throws SQLException {
        try (PreparedStatement statement = prepare(connection, "SELECT job_id, request_hash FROM idempotency "
                + "WHERE owner = ? AND idem_key = ? AND created_at >= ?", idempotency.owner(), idempotency.key(),
                idempotency.notBefore().toEpochMilli()); ResultSet row = statement.executeQuery()) {
            return row.next() ? Optional.of(new Earlier(row.getString(1),
                    row.getString(2).equals(idempotency.requestHash()))) : Optional.empty();
        }
    }

    @Override
    public Optional<JobRecord> find(String id) {
        return read("find", connection -> {
            try (PreparedStatement statement = prepare(connection,
                    "SELECT " + JOB_COLUMNS + " FROM job WHERE id = ?", id);
                    ResultSet row = statement.executeQuery()) {
                return row.next() ? Optional.of(job(row)) : Optional.empty();
            }
        });
    }

    @Override
    public List<JobRecord> list(String owner, int limit, int offset) {
        return read("list", connection -> {
            String where = owner == null ? "" : " WHERE owner = ?";
            Object[] parameters = owner == null ? new Object[] {limit, offset} : new Object[] {owner, limit, offset};
            try (PreparedStatement statement = prepare(connection, "SELECT " + JOB_COLUMNS + " FROM job" + where
                    + " ORDER BY seq DESC LIMIT ? OFFSET ?", parameters); ResultSet rows = statement.executeQuery()) {
                List<JobRecord> jobs = new ArrayList<>();
                while (rows.next()) {
                    jobs.add(job(rows));
                }
                return jobs;
            }
        });
    }

    @Override
    public int count(String owner) {
        return read("count", connection -> {
            try (PreparedStatement statement = owner == null ? prepare(connection, "SELECT COUNT(*) FROM job")
                    : prepare(connection, "SELECT COUNT(*) FROM job WHERE owner = ?", owner);
                    ResultSet row = statement.executeQuery()) {
                row.next();
                return row.getInt(1);
            }
        });
    }

    @Override
    public Map<String, Integer> countByStatus() {
        return read("count by status", connection -> {
            try (PreparedStatement statement = prepare(connection, "SELECT status, COUNT(*) FROM job GROUP BY status");
                    ResultSet rows = statement.executeQuery()) {
                Map<String, Integer> counts = new LinkedHashMap<>();
                while (rows.next()) {
                    counts.put(rows.getString(1), rows.getInt(2));
                }
                return counts;
            }
        });
    }

    @Override
    public Optional<String> problemJson(String id) {
        return text("problem_json", id);
    }

    @Override
    public Optional<String> explanationJson(String id) {
        return text("explanation_json", id);
    }

    private Optional<String> text(String column, String id) {
        return read("read " + column, connection -> {
            try (PreparedStatement statement = prepare(connection, "SELECT " + column + " FROM job WHERE id = ?", id);
                    ResultSet row = statement.executeQuery()) {
                return row.next() ? Optional.ofNullable(row.getString(1)) : Optional.empty();
            }
        });
    }

    @Override
    public Optional<Checkpoint> checkpoint(String id) {
        return read("read checkpoint", connection -> {
            try (PreparedStatement statement = prepare(connection, "SELECT score, feasible, plan_json, kpis_json, "
                    + "assignment_json, checkpointed_at, COALESCE(checkpoint_revision, 0) FROM job "
                    + "WHERE id = ? AND plan_json IS NOT NULL", id);
                    ResultSet row = statement.executeQuery()) {
                return row.next() ? Optional.of(new Checkpoint(row.getString(1), row.getInt(2) != 0, row.getString(3),
                        row.getString(4), row.getString(5), Instant.ofEpochMilli(row.getLong(6)), row.getLong(7)))
                        : Optional.empty();
            }
        });
    }

    @Override
    public boolean start(String id, String node, Instant startedAt) {
        return transaction("start", connection -> update(connection, "UPDATE job SET status = 'SOLVING', node = ?, "
                + "started_at = COALESCE(started_at, ?) WHERE id = ? AND status = 'QUEUED'",
                node, startedAt.toEpochMilli(), id) == 1);
    }

    @Override
    public boolean saveCheckpoint(String id, String claimToken, Checkpoint checkpoint) {
        return transaction("checkpoint", connection -> update(connection, "UPDATE job SET score = ?, feasible = ?, "
                + "plan_json = ?, kpis_json = ?, assignment_json = ?, checkpointed_at = ?, checkpoint_revision = ? "
                + "WHERE id = ? AND problem_revision = ? AND " + held(claimToken),
                concat(new Object[] {checkpoint.score(), checkpoint.feasible() ? 1 : 0, checkpoint.planJson(),
                    checkpoint.kpisJson(), checkpoint.assignmentJson(), checkpoint.at().toEpochMilli(),
                    checkpoint.problemRevision(), id, checkpoint.problemRevision()}, claim(claimToken))) == 1);
    }

    @Override
    public boolean changeProblem(String id, long revision, String problemName, String countsJson,
            String problemJson) {
        return transaction("change problem", connection -> update(connection, "UPDATE job SET problem_json = ?, "
                + "problem_name = ?, counts_json = ?, problem_revision = problem_revision + 1 "
                + "WHERE id = ? AND problem_revision = ? AND " + NOT_FINAL,
                problemJson, problemName, countsJson, id, revision) == 1);
    }

    /** The condition that the job is not final and, with a token, held by that claim. */
    private static String held(String claimToken) {
        return claimToken == null ? NOT_FINAL : "status = 'SOLVING' AND claim_token = ?";
    }

    private static Object[] claim(String claimToken) {
        return claimToken == null ? new Object[0] : new Object[] {claimToken};
    }

    @Override
    public boolean requestCancel(String id) {
        return transaction("cancel", connection -> update(connection,
                "UPDATE job SET cancel_requested = 1 WHERE id = ? AND " + NOT_FINAL, id) == 1);
    }

    @Override
    public boolean finish(String id, String onlyIfStatus, String claimToken, Outcome outcome) {
        return transaction("finish", connection -> {
            String guard = (onlyIfStatus == null ? "" : "status = ? AND ") + held(claimToken);
            Object[] keys = concat(onlyIfStatus == null ? new Object[] {id} : new Object[] {id, onlyIfStatus},
                    claim(claimToken));
            int changed = update(connection, "UPDATE job SET status = ?, ended_at = ?, explanation_json = ?, "
                    + "error_json = ?, assignment_json = NULL, claim_token = NULL, lease_until = NULL "
                    + "WHERE id = ? AND " + guard,
                    concat(new Object[] {outcome.status(), outcome.endedAt().toEpochMilli(), outcome.explanationJson(),
                        outcome.errorJson()}, keys));
            Checkpoint plan = outcome.plan();
            if (changed == 1 && plan != null) {
                update(connection, "UPDATE job SET score = ?, feasible = ?, plan_json = ?, kpis_json = ?, "
                        + "checkpointed_at = ?, checkpoint_revision = ? WHERE id = ?", plan.score(),
                        plan.feasible() ? 1 : 0, plan.planJson(), plan.kpisJson(), plan.at().toEpochMilli(),
                        plan.problemRevision(), id);
            }
            return changed == 1;
        });
    }

    @Override
    public List<String> recover(Instant now) {
        return transaction("recover", connection -> {
            update(connection, "UPDATE job SET status = 'CANCELLED', ended_at = ? "
                    + "WHERE status = 'SOLVING' AND cancel_requested = 1", now.toEpochMilli());
            update(connection, "UPDATE job SET status = 'QUEUED', restarts = restarts + 1 WHERE status = 'SOLVING'");
            try (PreparedStatement statement = prepare(connection,
                    "SELECT id FROM job WHERE status = 'QUEUED' ORDER BY seq");
                    ResultSet rows = statement.executeQuery()) {
                List<String> queued = new ArrayList<>();
                while (rows.next()) {
                    queued.add(rows.getString(1));
                }
                return queued;
            }
        });
    }

    @Override
    public boolean isShared() {
        return postgresql;
    }

    @Override
    public Optional<String> claim(String node, String token, Instant now, Duration lease) {
        requireShared();
        return transaction("claim", connection -> {
            update(connection, "UPDATE job SET status = 'CANCELLED', ended_at = ?, claim_token = NULL, "
                    + "lease_until = NULL WHERE status = 'SOLVING' AND lease_until < " + DATABASE_NOW
                    + " AND cancel_requested = 1", now.toEpochMilli());
            update(connection, "UPDATE job SET status = 'QUEUED', restarts = restarts + 1, claim_token = NULL, "
                    + "lease_until = NULL WHERE status = 'SOLVING' AND lease_until < " + DATABASE_NOW);
            // SKIP LOCKED: servers claiming at the same time each take a different job instead of waiting
            try (PreparedStatement statement = prepare(connection, "UPDATE job SET status = 'SOLVING', node = ?, "
                    + "claim_token = ?, lease_until = " + DATABASE_NOW + " + ?, started_at = COALESCE(started_at, ?) "
                    + "WHERE status = 'QUEUED' AND id = (SELECT id FROM job WHERE status = 'QUEUED' ORDER BY seq "
                    + "LIMIT 1 FOR UPDATE SKIP LOCKED) RETURNING id", node, token, lease.toMillis(),
                    now.toEpochMilli()); ResultSet row = statement.executeQuery()) {
                return row.next() ? Optional.of(row.getString(1)) : Optional.empty();
            }
        });
    }

    @Override
    public Optional<Lease> renew(String id, String token, Duration lease) {
        requireShared();
        return transaction("renew", connection -> {
            try (PreparedStatement statement = prepare(connection, "UPDATE job SET lease_until = " + DATABASE_NOW
                    + " + ? WHERE id = ? AND status = 'SOLVING' AND claim_token = ? RETURNING cancel_requested, "
                    + "problem_revision", lease.toMillis(), id, token); ResultSet row = statement.executeQuery()) {
                return row.next() ? Optional.of(new Lease(row.getInt(1) != 0, row.getLong(2))) : Optional.empty();
            }
        });
    }

    @Override
    public boolean release(String id, String token) {
        requireShared();
        return transaction("release", connection -> update(connection, "UPDATE job SET status = 'QUEUED', "
                + "restarts = restarts + 1, claim_token = NULL, lease_until = NULL "
                + "WHERE id = ? AND status = 'SOLVING' AND claim_token = ?", id, token) == 1);
    }

    private void requireShared() {
        if (!postgresql) {
            throw new IllegalStateException("jobs are claimed only on a shared (PostgreSQL) store");
        }
    }

    @Override
    public int evict(Instant endedBefore, int maxJobs, Instant keysBefore) {
        return transaction("evict", connection -> {
            int deleted = update(connection, "DELETE FROM job WHERE ended_at < ? AND NOT (" + NOT_FINAL + ")",
                    endedBefore.toEpochMilli());
            deleted += update(connection, "DELETE FROM job WHERE id IN (SELECT id FROM job WHERE NOT (" + NOT_FINAL
                    + ") ORDER BY ended_at, seq LIMIT " + (postgresql ? "GREATEST" : "MAX")
                    + "(0, (SELECT COUNT(*) FROM job) - ?))", maxJobs);
            update(connection, "DELETE FROM idempotency WHERE created_at < ? OR job_id NOT IN (SELECT id FROM job)",
                    keysBefore.toEpochMilli());
            return deleted;
        });
    }

    @Override
    public void close() {
        dataSource.close();
        if (lock == null) {
            return;
        }
        try {
            lock.close(); // releases the folder
        } catch (IOException e) {
            throw new UncheckedIOException("cannot release " + LOCK_FILE, e);
        }
    }

    private static JobRecord job(ResultSet row) throws SQLException {
        return new JobRecord(row.getString("id"), row.getLong("seq"), row.getString("owner"), row.getString("status"),
                row.getString("node"), row.getInt("restarts"), instant(row, "submitted_at"),
                instant(row, "started_at"), instant(row, "ended_at"), Duration.ofMillis(row.getLong("time_limit_ms")),
                nullableLong(row, "seed"), row.getString("problem_name"), row.getString("counts_json"),
                row.getInt("cancel_requested") != 0, row.getString("score"),
                nullableLong(row, "feasible") == null ? null : row.getInt("feasible") != 0,
                row.getString("error_json"), row.getString("kpis_json"), row.getLong("problem_revision"),
                row.getString("parent_id"));
    }

    private static Instant instant(ResultSet row, String column) throws SQLException {
        Long millis = nullableLong(row, column);
        return millis == null ? null : Instant.ofEpochMilli(millis);
    }

    private static Long nullableLong(ResultSet row, String column) throws SQLException {
        long value = row.getLong(column);
        return row.wasNull() ? null : value;
    }

    private static int update(Connection connection, String sql, Object... parameters) throws SQLException {
        try (PreparedStatement statement = prepare(connection, sql, parameters)) {
            return statement.executeUpdate();
        }
    }

    private static PreparedStatement prepare(Connection connection, String sql, Object... parameters)
            throws SQLException {
        PreparedStatement statement = connection.prepareStatement(sql);
        try {
            for (int i = 0; i < parameters.length; i++) {
                if (parameters[i] == null) {
                    statement.setNull(i + 1, Types.NULL);
                } else {
                    statement.setObject(i + 1, parameters[i]);
                }
            }
            return statement;
        } catch (SQLException e) {
            statement.close();
            throw e;
        }
    }

    private static Object[] concat(Object[] first, Object[] second) {
        Object[] all = new Object[first.length + second.length];
        System.arraycopy(first, 0, all, 0, first.length);
        System.arraycopy(second, 0, all, first.length, second.length);
        return all;
    }
}
