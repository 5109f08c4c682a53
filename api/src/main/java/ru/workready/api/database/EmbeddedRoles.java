package ru.workready.api.database;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import ru.workready.data.database.DatabaseRoles;

/**
 * The embedded database's roles and authentication (issue 15 §4):
 * <ul>
 * <li>{@code postgres}, the superuser: runs the migrations and this set-up, nothing else;</li>
 * <li>{@code workready_app}, a login without any attribute: the application's pool. It owns the
 *     schema's objects (it creates and attaches evidence partitions at run time), except the audit
 *     log;</li>
 * <li>{@code workready_audit}, NOLOGIN, of which {@code workready_app} is not a member: owns
 *     {@code audit_event} and its trigger function; the application may only insert and select.</li>
 * </ul>
 * Ownership itself is set by the changeset {@code roles/ownership.sql} after every migration.
 * Passwords come from {@link EmbeddedCredentials}; {@code pg_hba.conf} asks every connection for
 * one (SCRAM), trust nowhere. Done at every start, idempotently, which also secures a data folder
 * of an earlier version (trust, everything owned by {@code postgres}).
 */
final class EmbeddedRoles {
    private static final Logger log = LoggerFactory.getLogger(EmbeddedRoles.class);
    static final String SUPERUSER = DatabaseRoles.SUPERUSER;
    static final String APP = DatabaseRoles.APP;
    static final String AUDIT = DatabaseRoles.AUDIT;
    static final String DATABASE = "postgres";
    static final String HBA_MARKER = "# Written by workready at each start";
    static final String HBA = HBA_MARKER + " (EmbeddedRoles): a password (SCRAM) for every connection.\n"
            + "# Edits are overwritten; the server listens on localhost only.\n"
            + "# TYPE  DATABASE     USER  ADDRESS       METHOD\n"
            + "local   all          all                 scram-sha-256\n"
            + "host    all          all   127.0.0.1/32  scram-sha-256\n"
            + "host    all          all   ::1/128       scram-sha-256\n"
            + "local   replication  all                 scram-sha-256\n"
            + "host    replication  all   127.0.0.1/32  scram-sha-256\n"
            + "host    replication  all   ::1/128       scram-sha-256\n";

    private EmbeddedRoles() {
    }

    /** Whether the data folder already asks for passwords (its pg_hba.conf is ours). */
    static boolean secured(Path dataDir) {
        Path hba = dataDir.resolve("pg_hba.conf");
        try {
            return Files.exists(hba) && Files.readString(hba, StandardCharsets.UTF_8).startsWith(HBA_MARKER);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + hba, e);
        }
    }

    /**
     * Sets the passwords, creates the roles, then switches pg_hba.conf to passwords and reloads it.
     * In that order, so that a start interrupted half way leaves either the old authentication or
     * passwords that are already set.
     */
    static void secure(EmbeddedPostgres pg, Path dataDir, EmbeddedCredentials credentials) {
        DataSource superuser = pg.getPostgresDatabase();
        try {
            DatabaseRoles.setUp(superuser, credentials.superuserPassword(), credentials.appPassword());
            if (!HBA.equals(Files.readString(dataDir.resolve("pg_hba.conf"), StandardCharsets.UTF_8))) {
                boolean upgrade = !secured(dataDir);
                writeHba(dataDir);
                // (PostgreSQL then also notes that postgresql.conf's max_connections differs from zonky's -c: harmless)
                DatabaseRoles.reloadConfiguration(superuser);
                if (upgrade) {
                    log.info("Embedded database in {}: roles {} and {} set up, every connection now needs a password"
                            + " (kept in {})", dataDir, APP, AUDIT, credentials.file());
                }
            }
        } catch (IllegalStateException e) {
            throw new IllegalStateException("cannot set up the roles of the embedded database in " + dataDir
                    + " (passwords in " + credentials.file() + ")", e);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + dataDir.resolve("pg_hba.conf"), e);
        }
    }

    /** Replaces the folder's pg_hba.conf by {@link #HBA}, never leaving half a file. */
    static void writeHba(Path dataDir) {
        Path hba = dataDir.resolve("pg_hba.conf");
        Path tmp = hba.resolveSibling("pg_hba.conf.workready");
        try {
            Files.writeString(tmp, HBA, StandardCharsets.UTF_8);
            Files.move(tmp, hba, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + hba, e);
        }
    }
}
