package ru.workready.data.migrations;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import javax.sql.DataSource;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;

/**
 * Empty databases for migration tests, apart from the shared test database: on the real server
 * named by {@code WORKREADY_TEST_DB_URL} when set (as {@code TestDatabase} does), else on one
 * extra embedded PostgreSQL per test JVM.
 */
final class ScratchDatabase {
    private static EmbeddedPostgres embedded;

    private ScratchDatabase() {
    }

    /** A new, empty database. */
    static synchronized DataSource create(String prefix) {
        String name = prefix + "_" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
        String server = System.getenv("WORKREADY_TEST_DB_URL");
        String user;
        String password;
        if (server != null && !server.isBlank()) {
            user = System.getenv().getOrDefault("WORKREADY_TEST_DB_USER", "postgres");
            password = System.getenv().getOrDefault("WORKREADY_TEST_DB_PASSWORD", "");
            ru.workready.data.testing.TestDatabase.dropAtExit(name);
        } else {
            server = embedded().getJdbcUrl("postgres", "postgres");
            user = "postgres";
            password = "";
        }
        try (Connection c = DriverManager.getConnection(server, user, password);
             Statement s = c.createStatement()) {
            s.execute("create database " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create database " + name + " on " + server, e);
        }
        int slash = server.lastIndexOf('/');
        int query = server.indexOf('?', slash);
        String url = server.substring(0, slash + 1) + name + (query > 0 ? server.substring(query) : "");
        return new SimpleDriverDataSource(new org.postgresql.Driver(), url, user, password);
    }

    private static EmbeddedPostgres embedded() {
        if (embedded == null) {
            try {
                embedded = EmbeddedPostgres.builder().start();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    embedded.close();
                } catch (IOException ignored) {
                    // the JVM is going away
                }
            }));
        }
        return embedded;
    }
}
