package ru.workready.data.testing;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * One database per test JVM, shared by all Spring test contexts: an embedded PostgreSQL by
 * default, or — when {@code WORKREADY_TEST_DB_URL} (with {@code _USER}, {@code _PASSWORD}) points
 * at a real server — a fresh database created on that server, so test runs never share data.
 */
public final class TestDatabase {
    private static EmbeddedPostgres postgres;
    private static String url;
    private static String user;
    private static String password;

    private TestDatabase() {
    }

    public static synchronized void register(DynamicPropertyRegistry registry) {
        if (url == null) {
            start();
        }
        registry.add("spring.datasource.url", () -> url);
        registry.add("spring.datasource.username", () -> user);
        registry.add("spring.datasource.password", () -> password);
        // the tests connect as a superuser on purpose: no warning about it (DatabaseRoleCheck)
        registry.add("workready.database.role-check", () -> "false");
    }

    /**
     * A new, empty database of its own on the same server (the shared one already holds other tests' data and the
     * demo): for tests that start from nothing, as a new installation does.
     */
    public static synchronized void registerFresh(DynamicPropertyRegistry registry) {
        if (url == null) {
            start();
        }
        String name = "workready_fresh_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        try (Connection c = DriverManager.getConnection(url, user, password); Statement s = c.createStatement()) {
            s.execute("create database " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create a fresh test database", e);
        }
        if (postgres == null) {
            dropAtExit(name);
        }
        int slash = url.lastIndexOf('/');
        int query = url.indexOf('?', slash);
        String fresh = url.substring(0, slash + 1) + name + (query > 0 ? url.substring(query) : "");
        registry.add("spring.datasource.url", () -> fresh);
        registry.add("spring.datasource.username", () -> user);
        registry.add("spring.datasource.password", () -> password);
        registry.add("workready.database.role-check", () -> "false");
    }

    private static void start() {
        String server = System.getenv("WORKREADY_TEST_DB_URL");
        if (server != null && !server.isBlank()) {
            user = System.getenv().getOrDefault("WORKREADY_TEST_DB_USER", "postgres");
            password = System.getenv().getOrDefault("WORKREADY_TEST_DB_PASSWORD", "");
            String name = "workready_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
            try (Connection c = DriverManager.getConnection(server, user, password);
                 Statement s = c.createStatement()) {
                s.execute("create database " + name);
            } catch (SQLException e) {
                throw new IllegalStateException("cannot create a test database on " + server, e);
            }
            dropAtExit(name);
            int slash = server.lastIndexOf('/');
            int query = server.indexOf('?', slash);
            url = server.substring(0, slash + 1) + name + (query > 0 ? server.substring(query) : "");
            return;
        }
        try {
            postgres = EmbeddedPostgres.builder().start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                postgres.close();
            } catch (IOException ignored) {
                // the JVM is going away
            }
        }));
        url = postgres.getJdbcUrl("postgres", "postgres");
        user = "postgres";
        password = "";
    }

    /**
     * A real server ({@code WORKREADY_TEST_DB_URL}) keeps no database of a test JVM after it: dropped at exit, its
     * remaining connections (the test contexts' pools) closed by force. The embedded server goes away whole.
     */
    public static void dropAtExit(String name) {
        String server = System.getenv("WORKREADY_TEST_DB_URL");
        if (server == null || server.isBlank()) {
            return;
        }
        String user = System.getenv().getOrDefault("WORKREADY_TEST_DB_USER", "postgres");
        String password = System.getenv().getOrDefault("WORKREADY_TEST_DB_PASSWORD", "");
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try (Connection c = DriverManager.getConnection(server, user, password);
                 Statement s = c.createStatement()) {
                s.execute("drop database if exists " + name + " with (force)");
            } catch (SQLException ignored) {
                // best effort: the JVM is going away
            }
        }));
    }
}
