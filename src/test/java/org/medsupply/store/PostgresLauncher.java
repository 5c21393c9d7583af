// SPDX-License-Identifier: Apache-2.0
package org.medsupply.store;

/**
 * Starts a real PostgreSQL server ({@link TestPostgres}) for servers started separately, e.g. by the load
 * benchmark: prints the JDBC URL of a new, empty database on a line of its own, then runs until stopped
 * (SIGTERM or Ctrl+C stop PostgreSQL too). Its user is {@link TestPostgres#USER}; it checks no password.
 */
public final class PostgresLauncher {

    private PostgresLauncher() {
    }

    public static void main(String[] args) throws InterruptedException {
        System.out.println(TestPostgres.newDatabase());
        System.out.flush();
        Thread.currentThread().join();
    }
}
