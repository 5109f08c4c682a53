package ru.workready.api.operations;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * An embedded PostgreSQL of a fault test's own, on a fixed port and data directory, so that the
 * test can stop it under the running app and start it again where the pool expects it (the shared
 * test database must never be restarted under other tests).
 */
final class RestartableDatabase {
    private final Path data;
    private final int port;
    private EmbeddedPostgres postgres;

    RestartableDatabase(String name) {
        try {
            data = Files.createTempDirectory(name).resolve("pgdata");
            try (ServerSocket s = new ServerSocket(0)) {
                port = s.getLocalPort();
            }
            postgres = start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    void register(DynamicPropertyRegistry registry) {
        registry.add("spring.datasource.url", this::url);
        registry.add("spring.datasource.username", () -> "postgres");
        registry.add("spring.datasource.password", () -> "");
    }

    String url() {
        return "jdbc:postgresql://localhost:" + port + "/postgres";
    }

    Connection connect() throws SQLException {
        return DriverManager.getConnection(url(), "postgres", "");
    }

    /** Fast shutdown: in-flight sessions are terminated, their transactions roll back. */
    void stop() throws IOException {
        postgres.close();
    }

    void startAgain() throws IOException {
        postgres = start();
    }

    private EmbeddedPostgres start() throws IOException {
        return EmbeddedPostgres.builder().setDataDirectory(data).setCleanDataDirectory(false).setPort(port).start();
    }
}
