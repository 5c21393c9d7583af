// SPDX-License-Identifier: Apache-2.0
package org.medsupply.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.function.Consumer;
import java.util.function.Supplier;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

import org.medsupply.api.ApiKeys;
import org.medsupply.api.HttpConfig;
import org.medsupply.api.Server;
import org.medsupply.api.WebConfig;
import org.medsupply.service.Durability;
import org.medsupply.service.ServiceConfig;
import org.medsupply.store.SqlJobStore;

/**
 * {@code medsupply serve}: runs the HTTP service on the job database (SQLite in {@code --data}, or PostgreSQL
 * shared with other servers by {@code --database}) until SIGTERM or
 * Ctrl+C, then stops in order (running solves stopped with their best plan stored, to resume at the next
 * start; connections closed after a grace period). Limits left unset keep the defaults of
 * {@link ServiceConfig#defaults()} and {@link HttpConfig#defaults()}.
 */
@Command(name = "serve", mixinStandardHelpOptions = true,
        description = "Runs the HTTP dispatch service (API under /api/v1, health at /health, metrics at /metrics).")
public final class ServeCommand implements Callable<Integer> {

    /** The environment variable holding the password of {@code --database}. */
    public static final String PASSWORD_ENV = "MEDSUPPLY_DB_PASSWORD";

    @Spec
    private CommandSpec spec;

    @Option(names = "--host", defaultValue = "127.0.0.1", description = "Address to bind (default: ${DEFAULT-VALUE}).")
    private String host;

    @Option(names = "--port", defaultValue = "8080", description = "Port; 0 picks a free one (default: ${DEFAULT-VALUE}).")
    private int port;

    @Option(names = "--max-body-bytes", description = "Largest request body (default 10 MiB).")
    private Long maxBodyBytes;

    @Option(names = "--default-time-limit", description = "Solve time of a job naming none, ISO-8601 (default PT30S).")
    private Duration defaultTimeLimit;

    @Option(names = "--max-time-limit", description = "Longest solve time a job may ask for (default PT10M).")
    private Duration maxTimeLimit;

    @Option(names = "--max-hospitals", description = "Most hospitals per problem (default 2000).")
    private Integer maxHospitals;

    @Option(names = "--max-vehicles", description = "Most vehicles per problem (default 500).")
    private Integer maxVehicles;

    @Option(names = "--max-trips", description = "Most trips (sum of maxTrips) per problem (default 2000).")
    private Integer maxTrips;

    @Option(names = "--max-demand-lines", description = "Most demand lines per problem (default 20000).")
    private Integer maxDemandLines;

    @Option(names = "--max-matrix-cells", description = "Most site-matrix cells, sites squared (default 4000000).")
    private Long maxMatrixCells;

    @Option(names = "--max-json-depth", description = "Deepest JSON nesting accepted (default 32).")
    private Integer maxNestingDepth;

    @Option(names = "--max-string-length", description = "Longest JSON string accepted, in characters (default 10000).")
    private Integer maxStringLength;

    @Option(names = "--solvers", description = "Jobs solved at once (default: half the cores, at least 1).")
    private Integer parallelSolvers;

    @Option(names = "--max-queued", description = "Jobs waiting for a solver before 503, with --database on all servers (default 8).")
    private Integer maxQueuedJobs;

    @Option(names = "--retention", description = "How long finished jobs stay readable (default PT1H).")
    private Duration retention;

    @Option(names = "--max-jobs", description = "Most jobs kept; oldest finished go first (default 1000).")
    private Integer maxRetainedJobs;

    @Option(names = "--max-event-streams", description = "Most open /events streams (default 64).")
    private Integer maxEventStreams;

    @Option(names = "--http-threads", description = "HTTP worker threads (default: twice the cores, at least 4).")
    private Integer workerThreads;

    @Option(names = "--http-queue", description = "Requests waiting for a worker thread (default 256).")
    private Integer workerQueue;

    @Option(names = "--idle-timeout", description = "Idle keep-alive connections are closed after (default PT15S).")
    private Duration idleTimeout;

    @Option(names = "--io-timeout", description = "Blocking reads and writes fail after (default PT15S).")
    private Duration ioTimeout;

    @Option(names = "--shutdown-grace", description = "How long stopping waits for solves and connections (default PT10S).")
    private Duration shutdownGrace;

    @Option(names = "--allow-origin", description = "A CORS origin allowed to call the API; repeatable, * for any (default none).")
    private List<String> allowedOrigins = new ArrayList<>();

    @Option(names = "--data", defaultValue = "medsupply-data",
            description = "Folder of the job database (SQLite), created if missing (default: ${DEFAULT-VALUE}).")
    private Path dataDir;

    @Option(names = "--database", paramLabel = "JDBC_URL",
            description = "A PostgreSQL database (jdbc:postgresql://HOST:PORT/DB) shared with other servers, "
                    + "instead of SQLite in --data.")
    private String database;

    @Option(names = "--database-user", description = "User of --database.")
    private String databaseUser;

    @Option(names = "--database-password-file", paramLabel = "FILE",
            description = "File holding the password of --database (else the environment variable "
                    + PASSWORD_ENV + ").")
    private Path databasePasswordFile;

    @Option(names = "--lease", defaultValue = "PT30S",
            description = "With --database: how long a job stays this server's without renewal before another "
                    + "server takes it over (default: ${DEFAULT-VALUE}).")
    private Duration lease;

    @Option(names = "--poll-interval", defaultValue = "PT1S",
            description = "With --database: how often leases are renewed, queued jobs claimed and jobs of other "
                    + "servers read for event streams (default: ${DEFAULT-VALUE}).")
    private Duration pollInterval;

    @Option(names = "--checkpoint-interval", defaultValue = "PT10S",
            description = "How often a solving job's best plan is stored (default: ${DEFAULT-VALUE}).")
    private Duration checkpointInterval;

    @Option(names = "--node", description = "This server's name in jobs' node field (default: the host name).")
    private String node;

    @Option(names = "--api-keys", description = "Key file (from 'keys add'): every /api/v1 request then needs a key.")
    private Path apiKeys;

    @Option(names = "--no-auth", description = "Serve without keys on an address other than loopback.")
    private boolean noAuth;

    @Option(names = "--tiles", defaultValue = "https://tile.openstreetmap.org/{z}/{x}/{y}.png",
            description = "Map tiles of the web page, a URL template with {z}/{x}/{y}; none for a plain background "
                    + "(default: ${DEFAULT-VALUE}).")
    private String tiles;

    @Option(names = "--tiles-attribution", defaultValue = "\u00a9 OpenStreetMap contributors",
            description = "Credit shown on the map for its tiles (default: ${DEFAULT-VALUE}).")
    private String tilesAttribution;

    /**
     * The configuration these options describe.
     *
     * @throws ParameterException when they make no valid configuration (exit 2 with the message, no trace)
     */
    public ServiceConfig config() {
        ServiceConfig.Builder builder = ServiceConfig.builder();
        set(defaultTimeLimit, builder::defaultTimeLimit);
        set(maxTimeLimit, builder::maxTimeLimit);
        set(maxHospitals, builder::maxHospitals);
        set(maxVehicles, builder::maxVehicles);
        set(maxTrips, builder::maxTrips);
        set(maxDemandLines, builder::maxDemandLines);
        set(maxMatrixCells, builder::maxMatrixCells);
        set(maxNestingDepth, builder::maxNestingDepth);
        set(maxStringLength, builder::maxStringLength);
        set(parallelSolvers, builder::parallelSolvers);
        set(maxQueuedJobs, builder::maxQueuedJobs);
        set(retention, builder::retention);
        set(maxRetainedJobs, builder::maxRetainedJobs);
        set(maxEventStreams, builder::maxEventStreams);
        set(shutdownGrace, builder::shutdownGrace);
        return valid(builder::build);
    }

    /**
     * The HTTP server's settings these options describe: address, bodies, worker threads, timeouts.
     *
     * @throws ParameterException when they make no valid configuration (exit 2 with the message, no trace)
     */
    public HttpConfig httpConfig() {
        HttpConfig.Builder builder = HttpConfig.builder().host(host).port(port);
        set(maxBodyBytes, builder::maxBodyBytes);
        set(workerThreads, builder::workerThreads);
        set(workerQueue, builder::workerQueue);
        set(idleTimeout, builder::idleTimeout);
        set(ioTimeout, builder::ioTimeout);
        return valid(builder::build);
    }

    /**
     * The web settings these options describe: CORS origins and map tiles.
     *
     * @throws ParameterException when they are invalid (exit 2 with the message, no trace)
     */
    public WebConfig webConfig() {
        return valid(() -> new WebConfig(allowedOrigins, tiles, tilesAttribution));
    }

    /** What {@code config} builds, its refusal turned into a usage error. */
    private <T> T valid(Supplier<T> config) {
        try {
            return config.get();
        } catch (IllegalArgumentException invalid) {
            throw new ParameterException(spec.commandLine(), invalid.getMessage());
        }
    }

    @Override
    public Integer call() throws Exception {
        ServiceConfig config = config();
        HttpConfig http = httpConfig();
        WebConfig web = webConfig();
        if (apiKeys == null && !noAuth && !isLoopback(http.host())) {
            throw new ParameterException(spec.commandLine(), "--host " + http.host() + " is reachable from other "
                    + "machines: give --api-keys FILE (see 'keys add'), or --no-auth to serve without keys");
        }
        ApiKeys keys = apiKeys == null ? null : ApiKeys.read(apiKeys);
        Durability durability;
        try {
            durability = new Durability(node == null ? hostName() : node, checkpointInterval, lease, pollInterval);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), "--lease and --poll-interval: " + e.getMessage());
        }
        Server.Running running = Server.start(config, http, web, openStore(), durability, keys);
        CountDownLatch stopped = new CountDownLatch(1);
        PrintWriter out = spec.commandLine().getOut();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            int interrupted = running.stop();
            out.println("MedSupply service stopped; " + interrupted + " queued or running jobs stored"
                    + " to resume at the next start");
            out.flush();
            stopped.countDown();
        }, "medsupply-shutdown"));
        out.println("MedSupply service listening on " + running.uri() + " (API at " + running.uri().resolve("api/v1")
                + "); stop with SIGTERM or Ctrl+C");
        out.flush();
        stopped.await();
        return 0;
    }

    private SqlJobStore openStore() throws IOException {
        if (database == null) {
            if (databaseUser != null || databasePasswordFile != null) {
                throw new ParameterException(spec.commandLine(), "--database-user and --database-password-file "
                        + "need --database");
            }
            return SqlJobStore.sqlite(dataDir);
        }
        if (!database.startsWith("jdbc:postgresql:")) {
            throw new ParameterException(spec.commandLine(), "--database takes a jdbc:postgresql:// URL");
        }
        if (databaseUser == null) {
            throw new ParameterException(spec.commandLine(), "--database needs --database-user");
        }
        return SqlJobStore.postgresql(database, databaseUser, password());
    }

    /** The database password: never an option's value, which other users of the machine could read. */
    private String password() throws IOException {
        if (databasePasswordFile != null) {
            return Files.readString(databasePasswordFile).strip();
        }
        String password = System.getenv(PASSWORD_ENV);
        if (password == null) {
            throw new ParameterException(spec.commandLine(), "--database needs a password: set " + PASSWORD_ENV
                    + " or give --database-password-file");
        }
        return password;
    }

    private static boolean isLoopback(String host) throws UnknownHostException {
        return InetAddress.getByName(host).isLoopbackAddress();
    }

    private static String hostName() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return "localhost";
        }
    }

    private static <T> void set(T value, Consumer<T> setter) {
        if (value != null) {
            setter.accept(value);
        }
    }
}
