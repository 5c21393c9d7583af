// SPDX-License-Identifier: Apache-2.0
package org.medsupply.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * A real PostgreSQL server the tests start (once per test JVM, stopped when it exits), handing out a new
 * empty database to each test.
 */
public final class TestPostgres {

    public static final String USER = "postgres";
    /** The embedded server trusts local connections; the password is sent but not checked. */
    public static final String PASSWORD = "unused";

    private static final AtomicInteger DATABASES = new AtomicInteger();
    private static EmbeddedPostgres server;

    private TestPostgres() {
    }

    private static synchronized EmbeddedPostgres server() {
        if (server == null) {
            try {
                server = EmbeddedPostgres.builder().start();
            } catch (IOException e) {
                throw new UncheckedIOException("cannot start PostgreSQL", e);
            }
            EmbeddedPostgres started = server;
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    started.close();
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }));
        }
        return server;
    }

    /** The JDBC URL of a new, empty database. */
    public static String newDatabase() {
        EmbeddedPostgres postgres = server();
        String name = "medsupply_" + DATABASES.incrementAndGet();
        try (Connection connection = postgres.getPostgresDatabase().getConnection();
                Statement statement = connection.createStatement()) {
            statement.execute("CREATE DATABASE " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create a test database", e);
        }
        return postgres.getJdbcUrl(USER, name);
    }

    /** A store on a database from {@link #newDatabase()}. */
    public static SqlJobStore open(String jdbcUrl) {
        return SqlJobStore.postgresql(jdbcUrl, USER, PASSWORD);
    }
}
