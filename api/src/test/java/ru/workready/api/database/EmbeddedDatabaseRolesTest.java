package ru.workready.api.database;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import liquibase.integration.spring.SpringLiquibase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.io.DefaultResourceLoader;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import ru.workready.api.WorkreadyApplication;
import ru.workready.data.assessments.EvidencePartitions;
import ru.workready.data.database.DatabaseRoleCheck;

/**
 * Issue 15 §4 on the embedded database: passwords everywhere, the app's pool is a non-superuser
 * that owns what it changes but not the audit log, and a data folder of the previous version
 * (trust, everything owned by postgres) is switched over in place, idempotently.
 */
class EmbeddedDatabaseRolesTest {
    @TempDir
    Path tmp;

    @Test
    void aNewFolderTakesPasswordsFromItsFirstStart() throws Exception {
        Path dir = tmp.resolve("pgdata");
        try (EmbeddedPostgres pg = EmbeddedDatabaseConfiguration.start(dir, 0)) {
            Path credentials = tmp.resolve("credentials");
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(credentials))).isEqualTo("rw-------");
            assertThat(Files.readString(dir.resolve("pg_hba.conf"))).doesNotContainIgnoringCase("trust")
                    .contains("scram-sha-256");
            try (java.util.stream.Stream<Path> files = Files.list(tmp)) {
                assertThat(files.map(p -> p.getFileName().toString())).as("initdb's password file is gone")
                        .noneMatch(n -> n.startsWith("initdb-"));
            }
            String url = EmbeddedDatabaseConfiguration.jdbcUrl(pg);
            assertRefused(url, "postgres", "");
            assertRefused(url, "workready_app", "");
            assertRefused(url, "workready_app", "wrong");
            assertRefused(url, "workready_audit", "");
            String app = EmbeddedCredentials.forDataDir(dir, false).appPassword();
            try (Connection c = DriverManager.getConnection(url, "workready_app", app)) {
                assertThat(c.isValid(1)).isTrue();
                assertThat(DatabaseRoleCheck.problems(on(c))).isEmpty();
            }
            String superuser = EmbeddedCredentials.forDataDir(dir, false).superuserPassword();
            try (Connection c = DriverManager.getConnection(url, "postgres", superuser)) {
                assertThat(DatabaseRoleCheck.problems(on(c))).singleElement(
                        org.assertj.core.api.InstanceOfAssertFactories.STRING).contains("a superuser");
            }
        }

        // the passwords lost: the folder refuses to start rather than make new ones it cannot use ...
        Files.delete(tmp.resolve("credentials"));
        assertThatThrownBy(() -> EmbeddedDatabaseConfiguration.start(dir, 0)).hasMessageContaining("is missing");
        // ... until the operator lets localhost in without a password for one start: new passwords are set
        Files.writeString(dir.resolve("pg_hba.conf"), "host all all 127.0.0.1/32 trust\n");
        try (EmbeddedPostgres pg = EmbeddedDatabaseConfiguration.start(dir, 0)) {
            String url = EmbeddedDatabaseConfiguration.jdbcUrl(pg);
            assertRefused(url, "postgres", "");
            try (Connection c = DriverManager.getConnection(url, "workready_app",
                    EmbeddedCredentials.forDataDir(dir, false).appPassword())) {
                assertThat(c.isValid(1)).isTrue();
            }
        }
    }

    /** A JdbcClient on one open connection. */
    private static JdbcClient on(Connection connection) {
        return JdbcClient.create(new org.springframework.jdbc.datasource.SingleConnectionDataSource(connection, true));
    }

    @Test
    void upgradesAFolderOfThePreviousVersionAndTheAppCannotTamperWithTheAuditLog() throws Exception {
        Path dir = tmp.resolve("pgdata");
        // the previous version: trust, the app and Liquibase as postgres, everything owned by postgres
        try (EmbeddedPostgres old = EmbeddedPostgres.builder().setDataDirectory(dir).setCleanDataDirectory(false).start()) {
            DataSource db = old.getPostgresDatabase();
            migrate(db);
            JdbcClient jdbc = JdbcClient.create(db);
            jdbc.sql("""
                    insert into audit_event (organisation_code, role, action, subject_kind, subject_id, http_method, path, status)
                    values ('old', 'ADMIN', 'read-readiness', 'student', 'S-1', 'GET', '/api/students/S-1/readiness', 200)""")
                    .update();
            assertThat(owners(jdbc)).containsOnlyKeys("postgres");
        }
        String credentials = null;
        for (int start = 1; start <= 2; start++) {
            try (ConfigurableApplicationContext app = new SpringApplicationBuilder(WorkreadyApplication.class).run(
                    "--workready.embedded.data-dir=" + dir, "--server.port=0", "--workready.demo.enabled=false",
                    "--workready.admin-key=wr_test-admin-key-not-for-production-0123456789")) {
                DataSource pool = app.getBean(DataSource.class);
                JdbcClient jdbc = JdbcClient.create(pool);
                assertThat(jdbc.sql("select current_user").query(String.class).single()).isEqualTo("workready_app");
                assertThat(jdbc.sql("select rolsuper from pg_roles where rolname = current_user").query(Boolean.class)
                        .single()).isFalse();
                assertThat(DatabaseRoleCheck.problems(jdbc)).isEmpty();
                String url = EmbeddedDatabaseConfiguration.jdbcUrl(app.getBean(EmbeddedPostgres.class));
                assertRefused(url, "postgres", ""); // pg_hba.conf switched and reloaded
                assertRefused(url, "workready_app", "");
                Map<String, List<String>> owners = owners(jdbc);
                assertThat(owners).containsOnlyKeys("workready_app", "workready_audit");
                assertThat(owners.get("workready_audit"))
                        .containsExactlyInAnyOrder("audit_event", "audit_event_id_seq", "audit_event_is_append_only()");
                assertThat(owners.get("workready_app")).contains("evidence", "evidence_p00", "evidence_p00_shared",
                        "evidence_id_seq", "api_key", "databasechangelog", "evidence_fold_upload_partitions(interval)");

                // the audit log: the old row survived, the app writes and reads, and changes nothing
                jdbc.sql("""
                        insert into audit_event (organisation_code, role, action, subject_kind, subject_id, http_method, path, status)
                        values ('new', 'ADMIN', 'read-readiness', 'student', 'S-2', 'GET', '/api/students/S-2/readiness', 200)""")
                        .update();
                assertThat(jdbc.sql("select count(*) from audit_event where organisation_code = 'old'").query(Long.class)
                        .single()).isEqualTo(1);
                for (String tamper : List.of("alter table audit_event disable trigger all",
                        "alter table audit_event disable trigger audit_event_append_only",
                        "update audit_event set status = 500",
                        "delete from audit_event",
                        "truncate audit_event",
                        "drop table audit_event",
                        "alter table audit_event owner to workready_app",
                        "create or replace function audit_event_is_append_only() returns trigger language plpgsql"
                                + " as $$ begin return null; end; $$",
                        "set role workready_audit",
                        "grant workready_audit to workready_app")) {
                    assertThatThrownBy(() -> jdbc.sql(tamper).update()).as(tamper)
                            .rootCause().isInstanceOf(SQLException.class)
                            .satisfies(e -> assertThat(((SQLException) e).getSQLState()).as(tamper + ": " + e.getMessage())
                                    .isEqualTo("42501")); // insufficient_privilege
                }
                assertThat(jdbc.sql("select count(*) from audit_event").query(Long.class).single()).isEqualTo(start + 1);

                // what the app does change: an upload's own evidence partition, the fold of old ones
                TransactionTemplate tx = new TransactionTemplate(new DataSourceTransactionManager(pool));
                long upload = 999_000 + start;
                tx.executeWithoutResult(status -> {
                    EvidencePartitions.Target target = EvidencePartitions.ownPartition(jdbc, 1, upload,
                            java.time.Instant.parse("2026-11-25T09:00:00Z"));
                    target.complete(jdbc);
                    status.setRollbackOnly();
                });
                jdbc.sql("call evidence_fold_upload_partitions(interval '30 days')").update();

                String now = Files.readString(tmp.resolve("credentials"));
                if (credentials != null) {
                    assertThat(now).as("the second start keeps the passwords").isEqualTo(credentials);
                }
                credentials = now;
            }
            assertThat(Files.readString(dir.resolve("pg_hba.conf"))).doesNotContainIgnoringCase("trust");
        }
    }

    /** Owner → objects of the public schema (relations but indexes, and routines). */
    private static Map<String, List<String>> owners(JdbcClient jdbc) {
        return jdbc.sql("""
                        select pg_get_userbyid(c.relowner) as owner, c.oid::regclass::text as name from pg_class c
                        where c.relnamespace = 'public'::regnamespace and c.relkind not in ('i', 'I')
                        union all
                        select pg_get_userbyid(p.proowner), p.oid::regprocedure::text from pg_proc p
                        where p.pronamespace = 'public'::regnamespace""")
                .query((rs, n) -> Map.entry(rs.getString(1), rs.getString(2))).list().stream()
                .collect(java.util.stream.Collectors.groupingBy(Map.Entry::getKey,
                        java.util.stream.Collectors.mapping(Map.Entry::getValue, java.util.stream.Collectors.toList())));
    }

    private static void migrate(DataSource db) throws Exception {
        SpringLiquibase liquibase = new SpringLiquibase();
        liquibase.setDataSource(db);
        liquibase.setChangeLog("classpath:db/changelog/db.changelog-master.yaml");
        liquibase.setResourceLoader(new DefaultResourceLoader());
        liquibase.afterPropertiesSet();
    }

    private static void assertRefused(String url, String user, String password) {
        assertThatThrownBy(() -> DriverManager.getConnection(url, user, password).close()).as(user)
                .isInstanceOf(SQLException.class)
                .satisfies(e -> assertThat(((SQLException) e).getSQLState()).isIn("28P01", "28000", "08004"));
    }
}
