package ru.workready.data.migrations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import javax.sql.DataSource;
import liquibase.integration.spring.SpringLiquibase;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.DefaultResourceLoader;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Liquibase migrations from an empty database and from release 0.1 (changesets 20261125-01..04)
 * holding data: the data survives, the upgraded schema equals the one built from empty, and the
 * tables added since work on the old rows.
 */
class MigrationTest {
    /** The path Spring Boot runs by default, so changeset file paths match a real deployment's. */
    static final String MASTER = "classpath:db/changelog/db.changelog-master.yaml";
    static final String RELEASE_0_1 = "classpath:db/release-0.1/changelog.yaml";

    @Test
    void migratesFromEmpty() {
        DataSource db = ScratchDatabase.create("migrate_empty");
        migrate(db, MASTER);
        JdbcClient jdbc = JdbcClient.create(db);
        assertThat(jdbc.sql("select count(*) from databasechangelog").query(Long.class).single()).isPositive();
        // Running it again is a no-op: nothing is re-applied.
        long applied = jdbc.sql("select count(*) from databasechangelog").query(Long.class).single();
        migrate(db, MASTER);
        assertThat(jdbc.sql("select count(*) from databasechangelog").query(Long.class).single()).isEqualTo(applied);
    }

    @Test
    void upgradesRelease01WithDataToTheCurrentSchema() {
        DataSource old = ScratchDatabase.create("migrate_upgrade");
        migrate(old, RELEASE_0_1);
        JdbcClient jdbc = JdbcClient.create(old);
        Release01Data data = Release01Data.insert(jdbc);

        migrate(old, MASTER);

        // The rows of 0.1 are all there, unchanged.
        assertThat(Release01Data.counts(jdbc)).isEqualTo(data.counts());
        assertThat(jdbc.sql("select grade from evidence where student_id = 'MIG-1' and kind = 'COURSE_GRADE'")
                .query(Integer.class).single()).isEqualTo(5);
        assertThat(jdbc.sql("select level from readiness_score where student_id = 'MIG-1'")
                .query(String.class).single()).isEqualTo("READY");
        // Columns added since have their defaults or generated values on the old rows.
        assertThat(jdbc.sql("select study_months from programme where id = ?").param(data.programme())
                .query(Integer.class).single()).isEqualTo(46);
        assertThat(jdbc.sql("select details::text from professional_standard where id = ?").param(data.standard())
                .query(String.class).single()).isEqualTo("{}");
        assertThat(jdbc.sql("select count(*) from labour_function where search @@ plainto_tsquery('russian', 'программного')"
                        + " and id = ?").param(data.labourFunction())
                .query(Long.class).single()).isEqualTo(1);
        // Tables added since work with the old rows.
        long employer = jdbc.sql("insert into employer (code, name, region) values ('MIG-EMP', 'ООО Миграция', '77') returning id")
                .query(Long.class).single();
        long profile = jdbc.sql("insert into job_profile (employer_id, code, name) values (?, 'dev', 'Разработчик') returning id")
                .param(employer).query(Long.class).single();
        jdbc.sql("insert into job_profile_function (profile_id, labour_function_id, importance, must_have) values (?, ?, 5, true)")
                .param(profile).param(data.labourFunction()).update();
        jdbc.sql("insert into employer_consent_event (student_id, consented, decided_on) values ('MIG-1', true, current_date)").update();
        jdbc.sql("insert into candidate_disclosure (employer_id, profile_id, student_id) values (?, ?, 'MIG-1')")
                .param(employer).param(profile).update();
        // Evidence moved into partitions by the student's college (issue 10), ids kept.
        assertThat(jdbc.sql("select count(*) from evidence e join student s on s.id = e.student_id"
                + " where e.college_id = s.college_id").query(Long.class).single()).isEqualTo(2);
        assertThat(jdbc.sql("select count(distinct tableoid) from evidence").query(Long.class).single()).isEqualTo(1);
        // Ids continue after the old rows, and evidence stays append-only.
        long lastId = jdbc.sql("select max(id) from evidence").query(Long.class).single();
        long newId = jdbc.sql("insert into evidence (upload_id, college_id, row_number, student_id, outcome_id, kind,"
                        + " grade, assessed_on) select ?, college_id, 3, 'MIG-1', ?, 'MODULE_EXAM', 4, date '2026-06-01'"
                        + " from student where id = 'MIG-1' returning id")
                .param(data.upload()).param(data.outcome()).query(Long.class).single();
        assertThat(newId).isGreaterThan(lastId);
        assertThatThrownBy(() -> jdbc.sql("delete from evidence where student_id = 'MIG-1'").update())
                .hasMessageContaining("append-only");

        // The upgraded schema is the one a new installation gets.
        DataSource fresh = ScratchDatabase.create("migrate_reference");
        migrate(fresh, MASTER);
        assertThat(SchemaFingerprint.of(JdbcClient.create(old)))
                .containsExactlyElementsOf(SchemaFingerprint.of(JdbcClient.create(fresh)));
    }

    static void migrate(DataSource db, String changelog) {
        SpringLiquibase liquibase = new SpringLiquibase();
        liquibase.setDataSource(db);
        liquibase.setChangeLog(changelog);
        liquibase.setResourceLoader(new DefaultResourceLoader());
        try {
            liquibase.afterPropertiesSet();
        } catch (Exception e) {
            throw new IllegalStateException("migration " + changelog + " failed", e);
        }
    }

    /** Representative rows of every 0.1 table, written with the 0.1 schema's columns only. */
    record Release01Data(long standard, long labourFunction, long programme, long outcome, long upload,
                         List<Long> counts) {
        static final List<String> TABLES = List.of("professional_standard", "generalized_function", "labour_function",
                "function_element", "college", "programme", "activity_kind", "outcome", "mapping_set", "mapping",
                "student", "upload", "evidence", "readiness_score");

        static Release01Data insert(JdbcClient jdbc) {
            long standard = id(jdbc, "insert into professional_standard (code, name, registration_number, order_number,"
                    + " approval_date, is_current, content_hash) values ('06.001', 'Программист', '4', '424н',"
                    + " date '2022-07-20', true, 'h1') returning id");
            long gf = id(jdbc, "insert into generalized_function (standard_id, code, name, qualification_level, job_titles)"
                    + " values (" + standard + ", 'A', 'Разработка и отладка программного кода', 3, '{Программист}') returning id");
            long lf = id(jdbc, "insert into labour_function (standard_id, generalized_function_id, code, name, sub_level)"
                    + " values (" + standard + ", " + gf + ", 'A/01.3', 'Формализация и алгоритмизация программного кода', 3)"
                    + " returning id");
            long element = id(jdbc, "insert into function_element (labour_function_id, kind, position, text) values ("
                    + lf + ", 'LABOUR_ACTION', 1, 'Составление формализованных описаний') returning id");
            long college = id(jdbc, "insert into college (code, name, region) values ('MIG', 'Колледж миграций', '77') returning id");
            long programme = id(jdbc, "insert into programme (college_id, fgos_code, name, qualification, qualification_level,"
                    + " intake_year) values (" + college + ", '09.02.07', 'ИСиП', 'Программист', 3, 2023) returning id");
            long vd = id(jdbc, "insert into activity_kind (programme_id, code, module_code, name) values ("
                    + programme + ", 'ВД 1', 'ПМ.01', 'Разработка модулей') returning id");
            long outcome = id(jdbc, "insert into outcome (programme_id, activity_kind_id, code, kind, name) values ("
                    + programme + ", " + vd + ", 'ПК 1.1', 'PROFESSIONAL', 'Формировать алгоритмы') returning id");
            long set = id(jdbc, "insert into mapping_set (programme_id, standard_id, version, author) values ("
                    + programme + ", " + standard + ", 1, 'migration-test') returning id");
            jdbc.sql("insert into mapping (mapping_set_id, outcome_id, labour_function_id, element_id, type, weight, critical)"
                    + " values (?, ?, ?, null, 'EXACT', 1, true), (?, ?, ?, ?, 'RELATED', 0.5, false)")
                    .params(set, outcome, lf, set, outcome, lf, element).update();
            jdbc.sql("insert into student (id, college_id, programme_id, group_code, employer_consent) values"
                    + " ('MIG-1', ?, ?, 'ИС-31', true), ('MIG-2', ?, ?, 'ИС-31', false)")
                    .params(college, programme, college, programme).update();
            long upload = id(jdbc, "insert into upload (college_id, content_hash, idempotency_key, file_name, row_count,"
                    + " counts_by_kind) values (" + college + ", 'c1', 'k1', 'grades.csv', 2, '{\"COURSE_GRADE\": 2}') returning id");
            jdbc.sql("insert into evidence (upload_id, row_number, student_id, outcome_id, kind, grade, assessed_on, assessor)"
                    + " values (?, 1, 'MIG-1', ?, 'COURSE_GRADE', 5, date '2026-01-20', 'Иванова'),"
                    + " (?, 2, 'MIG-2', ?, 'COURSE_GRADE', 3, date '2026-01-20', 'Иванова')")
                    .params(upload, outcome, upload, outcome).update();
            jdbc.sql("insert into readiness_score (student_id, labour_function_id, readiness, coverage, level, explanation,"
                    + " rule_set_version, mapping_set_id) values ('MIG-1', ?, 1, 1, 'READY', '{\"rules\": []}', 'default:1', ?)")
                    .params(lf, set).update();
            return new Release01Data(standard, lf, programme, outcome, upload, counts(jdbc));
        }

        static List<Long> counts(JdbcClient jdbc) {
            return TABLES.stream().map(t -> jdbc.sql("select count(*) from " + t).query(Long.class).single()).toList();
        }

        private static long id(JdbcClient jdbc, String sql) {
            return jdbc.sql(sql).query(Long.class).single();
        }
    }
}
