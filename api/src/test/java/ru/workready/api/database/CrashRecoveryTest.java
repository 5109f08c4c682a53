package ru.workready.api.database;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.BufferedReader;
import java.io.File;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The app starts cleanly on an embedded data folder after it was killed with SIGKILL. */
class CrashRecoveryTest {
    @TempDir
    Path tmp;

    @Test
    void startsAfterAKill9LeftPostgresRunning() throws Exception {
        Path dir = tmp.resolve("pgdata");
        Process app = new ProcessBuilder(javaCommand(), "-cp", System.getProperty("java.class.path"),
                CrashedApp.class.getName(), dir.toString())
                .redirectErrorStream(true).start();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(app.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            do {
                line = out.readLine();
            } while (line != null && !line.startsWith("READY"));
            assertThat(line).as("child app started its database").isNotNull();
        }
        app.destroyForcibly(); // kill -9: no shutdown hooks, postgres stays up
        assertThat(app.waitFor(30, TimeUnit.SECONDS)).isTrue();
        Optional<ProcessHandle> leftover = LeftoverPostgres.postmaster(dir.resolve("postmaster.pid"));
        assertThat(leftover).as("postgres left running by the killed app").isPresent();

        try (EmbeddedPostgres pg = EmbeddedDatabaseConfiguration.start(dir, 0)) {
            assertThat(leftover.get().isAlive()).isFalse();
            assertThat(probeRows(pg)).as("committed data survived the crash").isEqualTo(1);
        }
    }

    @Test
    void startsOverAStalePidFileWhosePidWasReused() throws Exception {
        Path dir = tmp.resolve("pgdata");
        try (EmbeddedPostgres pg = EmbeddedDatabaseConfiguration.start(dir, 0)) {
            execute(pg, "create table crash_probe (n int)", "insert into crash_probe values (1)");
        }
        // A crash of the whole machine or container: the pid file stays, its pid now names another process.
        Process other = new ProcessBuilder("sleep", "120").start();
        try {
            Files.write(dir.resolve("postmaster.pid"), List.of(String.valueOf(other.pid()), dir.toString(),
                    "1764000000", "5432", "/tmp", "localhost", "  5432001         0", "ready   "));
            try (EmbeddedPostgres pg = EmbeddedDatabaseConfiguration.start(dir, 0)) {
                assertThat(probeRows(pg)).isEqualTo(1);
            }
            assertThat(other.isAlive()).as("an unrelated process is never signalled").isTrue();
        } finally {
            other.destroyForcibly();
        }
    }

    @Test
    void refusesAFolderInUseByARunningApp() throws Exception {
        Path dir = tmp.resolve("pgdata");
        try (EmbeddedPostgres running = EmbeddedDatabaseConfiguration.start(dir, 0)) {
            assertThatThrownBy(() -> EmbeddedDatabaseConfiguration.start(dir, 0))
                    .hasMessageContaining("in use by another running application");
            assertThat(probeRows(running, "select 1")).isEqualTo(1);
        }
    }

    private static String javaCommand() {
        return ProcessHandle.current().info().command()
                .orElse(System.getProperty("java.home") + File.separator + "bin" + File.separator + "java");
    }

    private static int probeRows(EmbeddedPostgres pg) throws Exception {
        return probeRows(pg, "select count(*) from crash_probe");
    }

    private static int probeRows(EmbeddedPostgres pg, String sql) throws Exception {
        try (Connection c = pg.getPostgresDatabase().getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getInt(1);
        }
    }

    private static void execute(EmbeddedPostgres pg, String... sql) throws Exception {
        try (Connection c = pg.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
            for (String q : sql) {
                s.execute(q);
            }
        }
    }
}
