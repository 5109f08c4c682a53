package ru.workready.data.database;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;
import org.postgresql.PGConnection;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;

/**
 * The database roles of issue 15 §4 (docs/operations.md, "Database roles"): {@link #APP}, the
 * application's login, owns the schema but the audit log; {@link #AUDIT}, NOLOGIN, owns the audit
 * log. Ownership itself is set by the changeset {@code roles/ownership.sql}; this creates the roles
 * and sets passwords, as the embedded database does at each start.
 */
public final class DatabaseRoles {
    public static final String SUPERUSER = "postgres";
    public static final String APP = "workready_app";
    public static final String AUDIT = "workready_audit";

    private DatabaseRoles() {
    }

    /** Unpooled connections as one user (migrations, set-up). */
    public static DataSource direct(String url, String user, String password) {
        return new SimpleDriverDataSource(new org.postgresql.Driver(), url, user, password);
    }

    /**
     * As a superuser, idempotently: sets the superuser's password, creates {@link #APP} (login,
     * no attributes) and {@link #AUDIT} (NOLOGIN) unless they exist, sets the app's password, makes
     * sure the app is not a member of {@link #AUDIT}, and lets both create in the public schema (a
     * table's new owner needs it). The client computes the SCRAM verifiers: a password itself never
     * reaches the server, nor its log.
     */
    public static void setUp(DataSource superuser, String superuserPassword, String appPassword) {
        try (Connection c = superuser.getConnection(); Statement s = c.createStatement()) {
            PGConnection pg = c.unwrap(PGConnection.class);
            pg.alterUserPassword(SUPERUSER, superuserPassword.toCharArray(), "scram-sha-256");
            s.execute("do $$ begin"
                    + " if to_regrole('" + AUDIT + "') is null then create role " + AUDIT + " nologin; end if;"
                    + " if to_regrole('" + APP + "') is null then create role " + APP + " login; end if;"
                    + " end $$");
            s.execute("alter role " + AUDIT + " nologin nosuperuser nocreatedb nocreaterole noreplication nobypassrls");
            s.execute("alter role " + APP + " login nosuperuser nocreatedb nocreaterole noreplication nobypassrls");
            pg.alterUserPassword(APP, appPassword.toCharArray(), "scram-sha-256");
            s.execute("do $$ begin if pg_has_role('" + APP + "', '" + AUDIT + "', 'MEMBER') then"
                    + " revoke " + AUDIT + " from " + APP + "; end if; end $$");
            s.execute("grant usage, create on schema public to " + APP + ", " + AUDIT);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot set up the database roles: " + e.getMessage(), e);
        }
    }

    /** Makes the server read its configuration files again (pg_hba.conf among them). */
    public static void reloadConfiguration(DataSource superuser) {
        try (Connection c = superuser.getConnection(); Statement s = c.createStatement()) {
            s.execute("select pg_reload_conf()");
        } catch (SQLException e) {
            throw new IllegalStateException("cannot reload the server's configuration: " + e.getMessage(), e);
        }
    }
}
