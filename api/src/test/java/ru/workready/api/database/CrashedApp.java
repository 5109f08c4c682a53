package ru.workready.api.database;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;

/** Run in a child JVM by {@link CrashRecoveryTest}: owns an embedded database until killed. */
public final class CrashedApp {
    private CrashedApp() {
    }

    public static void main(String[] args) throws Exception {
        EmbeddedPostgres pg = EmbeddedPostgres.builder()
                .setDataDirectory(Path.of(args[0]))
                .setCleanDataDirectory(false)
                .start();
        try (Connection c = pg.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
            s.execute("create table if not exists crash_probe (n int)");
            s.execute("insert into crash_probe values (1)");
        }
        System.out.println("READY " + pg.getPort());
        System.out.flush();
        Thread.sleep(Long.MAX_VALUE);
    }
}
