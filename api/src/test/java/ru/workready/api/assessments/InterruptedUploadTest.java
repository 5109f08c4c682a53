package ru.workready.api.assessments;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.Statement;
import javax.sql.DataSource;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.util.unit.DataSize;
import ru.workready.api.ApiTest;
import ru.workready.data.assessments.AssessmentUploadService;
import ru.workready.data.assessments.UploadKind;
import ru.workready.data.assessments.UploadLoader;
import ru.workready.data.assessments.UploadService;
import ru.workready.data.assessments.UploadSpool;
import ru.workready.data.assessments.UploadStatus;
import ru.workready.data.csv.TabularFormat;
import ru.workready.data.programmes.ProgrammeRepository;
import ru.workready.data.students.StudentRepository;

/** The database connection dies in the middle of an upload's COPY: nothing of it is left behind. */
class InterruptedUploadTest extends ApiTest {
    @Autowired
    ru.workready.data.assessments.EvidenceIds ids;
    @Autowired
    UploadService uploads;
    @Autowired
    java.time.Clock clock;
    @Autowired
    AssessmentUploadService assessments;
    @Autowired
    DataSource dataSource;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    ProgrammeRepository programmes;
    @Autowired
    StudentRepository students;

    /** Into the college's shared partition, and (a large upload) into a partition of its own. */
    @ParameterizedTest(name = "own partition: {0}")
    @ValueSource(booleans = {false, true})
    void aConnectionDroppedMidUploadLeavesNothingBehind(boolean ownPartition) {
        AssessmentUploadService loader = ownPartition ? new AssessmentUploadService(uploads, DataSize.ofBytes(0), clock, 50, ids)
                : assessments;
        IngestionFixture fixture = IngestionFixture.create(programmes, students, ownPartition ? "CUTOWN" : "CUT", 10);
        StringBuilder csv = new StringBuilder("student_id;outcome_code;kind;result;assessed_on\n");
        for (int i = 0; i < 20_000; i++) {
            csv.append(fixture.student(1 + i % 10)).append(";ПК 1.1;COURSE_GRADE;").append(2 + i % 4)
                    .append(";2026-02-").append(10 + i % 18).append('\n');
        }
        long evidenceBefore = jdbc.sql("select count(*) from evidence").query(Long.class).single();
        UploadLoader cutting = cutting(loader, dataSource, 12_000);
        try (UploadSpool spool = UploadSpool.of(csv.toString().getBytes(StandardCharsets.UTF_8))) {
            UploadService.Receipt receipt = uploads.receive(UploadKind.ASSESSMENTS, fixture.college, "cut.csv", null,
                    spool, TabularFormat.CSV);
            assertThatThrownBy(() -> uploads.process(receipt.uploadId(), cutting, spool, TabularFormat.CSV))
                    .isInstanceOf(RuntimeException.class);
            UploadStatus status = uploads.status(receipt.uploadId()).orElseThrow();
            assertThat(status.status()).isEqualTo(UploadStatus.FAILED);
            assertThat(jdbc.sql("select count(*) from evidence where upload_id = ?").param(receipt.uploadId())
                    .query(Long.class).single()).isZero();
            assertThat(jdbc.sql("select count(*) from stale_score where upload_id = ?").param(receipt.uploadId())
                    .query(Long.class).single()).isZero();
            assertThat(jdbc.sql("select count(*) from evidence").query(Long.class).single()).isEqualTo(evidenceBefore);
            assertThat(jdbc.sql("select count(*) from pg_class where relname like ?")
                    .param("evidence\\_p%\\_upload\\_" + receipt.uploadId()).query(Long.class).single()).isZero();

            // the same file goes through afterwards: the failed upload does not count as a repeat
            UploadService.Receipt again = uploads.receive(UploadKind.ASSESSMENTS, fixture.college, "cut.csv", null,
                    spool, TabularFormat.CSV);
            assertThat(again.duplicate()).isFalse();
            UploadService.Processed done = uploads.process(again.uploadId(), loader, spool, TabularFormat.CSV);
            assertThat(done.status().rows()).isEqualTo(20_000);
        }
    }

    /** The assessment loader, except that at a given row it terminates its own database backend. */
    private static UploadLoader cutting(AssessmentUploadService delegate, DataSource dataSource, int atRow) {
        return new RowHookLoader(delegate, row -> {
            if (row == atRow) {
                // a second connection, as an operator or a network failure would
                try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
                    s.execute("select pg_terminate_backend(pid) from pg_stat_activity "
                            + "where query ilike 'copy evidence%' and pid <> pg_backend_pid()");
                } catch (java.sql.SQLException e) {
                    throw new IllegalStateException(e);
                }
            }
        });
    }
}
