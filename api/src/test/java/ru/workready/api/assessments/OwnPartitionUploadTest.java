package ru.workready.api.assessments;

import ru.workready.data.assessments.UploadPartitionsFold;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.util.unit.DataSize;
import ru.workready.api.ApiTest;
import ru.workready.data.InvalidInputException;
import ru.workready.data.assessments.AssessmentUploadService;
import ru.workready.data.assessments.AssessmentUploadService.UploadResult;
import ru.workready.data.assessments.UploadService;
import ru.workready.data.programmes.ProgrammeRepository;
import ru.workready.data.students.StudentRepository;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A large upload's rows go into an evidence partition of its own, loaded without an index, indexed
 * in bulk and attached in the upload's transaction (issue 5); to everything that reads evidence it
 * is evidence like any other. Here every upload of the "large" service counts as large.
 */
class OwnPartitionUploadTest extends ApiTest {
    static final String HEADER = "student_id;outcome_code;kind;result;assessed_on;attempt;comment";

    @Autowired
    ru.workready.data.assessments.EvidenceIds ids;
    @Autowired
    UploadService uploads;
    @Autowired
    java.time.Clock clock;
    @Autowired
    AssessmentUploadService ordinary;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    MockMvc mvc;
    @Autowired
    ProgrammeRepository programmes;
    @Autowired
    StudentRepository students;
    @Autowired
    UploadPartitionsFold fold;

    private AssessmentUploadService large;
    private IngestionFixture fixture;

    @BeforeEach
    void setUp() {
        large = new AssessmentUploadService(uploads, DataSize.ofBytes(0), clock, 50, ids);
        fixture = IngestionFixture.create(programmes, students, "OWN", 3);
    }

    @Test
    void aLargeUploadIsStoredInAPartitionOfItsOwnAndReadLikeAnyEvidence() throws Exception {
        String st = fixture.student(1);
        UploadResult first = ordinary.upload(fixture.college, "first.csv", null,
                csv(st + ";ПК 1.1;MODULE_EXAM;3;2026-03-01;1;"));
        UploadResult second = large.upload(fixture.college, "second.csv", null,
                csv(st + ";ПК 1.1;MODULE_EXAM;5;2026-03-01;2;пересдача", fixture.student(2) + ";ПК 1.2;COURSE_GRADE;4;"
                        + "2026-03-02;1;"));
        assertThat(second.rows()).isEqualTo(2);

        String collegePartition = jdbc.sql("select tableoid::regclass::text from evidence where upload_id = ?")
                .param(first.uploadId()).query(String.class).single().replace("_shared", "");
        String own = collegePartition + "_upload_" + second.uploadId();
        assertThat(jdbc.sql("select distinct tableoid::regclass::text from evidence where upload_id = ?")
                .param(second.uploadId()).query(String.class).list()).containsExactly(own);
        assertThat(jdbc.sql("select distinct segment from evidence where upload_id = ?").param(second.uploadId())
                .query(Long.class).list()).containsExactly(second.uploadId());
        // attached under the college's partition for its own segment, with its part of the student index
        assertThat(jdbc.sql("""
                        select pg_get_expr(c.relpartbound, c.oid) from pg_class c join pg_inherits i on i.inhrelid = c.oid
                        where c.oid = ?::regclass and i.inhparent = ?::regclass""")
                .params(own, collegePartition).query(String.class).single())
                .isEqualTo("FOR VALUES IN ('" + second.uploadId() + "')");
        assertThat(jdbc.sql("""
                        select count(*) from pg_index x join pg_inherits i on i.inhrelid = x.indexrelid
                        where x.indrelid = ?::regclass and x.indisvalid""")
                .param(own).query(Long.class).single()).isEqualTo(1);
        assertThat(jdbc.sql("select count(*) from stale_score where upload_id = ?").param(second.uploadId())
                .query(Long.class).single()).isEqualTo(2);

        // the history reads both partitions; the large upload's retake supersedes the shared row
        JsonNode h = JsonMapper.builder().build().readTree(mvc.perform(get("/api/students/" + st + "/evidence"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8));
        assertThat(h.size()).isEqualTo(2);
        assertThat(h.get(0).get("grade").asInt()).isEqualTo(3);
        assertThat(h.get(0).get("current").asBoolean()).isFalse();
        assertThat(h.get(1).get("grade").asInt()).isEqualTo(5);
        assertThat(h.get(1).get("current").asBoolean()).isTrue();

        // still append-only
        assertThatThrownBy(() -> jdbc.sql("delete from evidence where upload_id = ?").param(second.uploadId()).update())
                .hasMessageContaining("append-only");
        assertThatThrownBy(() -> jdbc.sql("update " + own + " set grade = 2").update())
                .hasMessageContaining("append-only");

        // the same file again is the same upload; another large file gets another partition
        assertThat(large.upload(fixture.college, "again.csv", null, csv(st + ";ПК 1.1;MODULE_EXAM;5;2026-03-01;2;"
                + "пересдача", fixture.student(2) + ";ПК 1.2;COURSE_GRADE;4;2026-03-02;1;")).duplicate()).isTrue();
        UploadResult third = large.upload(fixture.college, "third.csv", null,
                csv(fixture.student(3) + ";ПК 1.1;COURSE_GRADE;4;2026-03-03;1;"));
        assertThat(jdbc.sql("select tableoid::regclass::text from evidence where upload_id = ?")
                .param(third.uploadId()).query(String.class).single())
                .isEqualTo(collegePartition + "_upload_" + third.uploadId());
    }

    @Test
    void aRejectedLargeUploadLeavesNoPartitionBehind() {
        long tablesBefore = ownPartitions();
        assertThatThrownBy(() -> large.upload(fixture.college, "bad.csv", null,
                csv(fixture.student(1) + ";ПК 1.1;MODULE_EXAM;4;2026-03-01;1;", "nobody;ПК 1.1;MODULE_EXAM;4;"
                        + "2026-03-01;1;")))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("nothing was stored");
        assertThat(ownPartitions()).isEqualTo(tablesBefore);
        assertThat(jdbc.sql("select count(*) from evidence where college_id = ?").param(fixture.collegeId)
                .query(Long.class).single()).isZero();
    }

    @Test
    void foldingMovesAnOlderUploadsRowsIntoTheSharedPartitionUnchanged() throws InterruptedException {
        UploadResult own = large.upload(fixture.college, "fold.csv", null, csv(fixture.student(1)
                + ";ПК 1.1;MODULE_EXAM;4;2026-03-01;1;", fixture.student(2) + ";ПК 1.2;COURSE_GRADE;5;2026-03-02;1;"));
        String sql = "select * from evidence where upload_id = ? order by id";
        List<Map<String, Object>> before = jdbc.sql(sql).param(own.uploadId()).query().listOfRows();
        assertThat(before).hasSize(2);

        // the scheduled job: uploads a day old stay; older than a second they fold
        assertThat(fold.fold(Duration.ofDays(1))).isPositive();
        Thread.sleep(1100);
        assertThat(fold.fold(Duration.ofSeconds(1))).isZero();

        assertThat(jdbc.sql("select count(*) from pg_class where relname like ?")
                .param("evidence\\_p%\\_upload\\_" + own.uploadId()).query(Long.class).single()).isZero();
        List<Map<String, Object>> after = jdbc.sql(sql).param(own.uploadId()).query().listOfRows();
        assertThat(after).extracting(r -> r.get("segment")).containsOnly(0L);
        assertThat(after.stream().map(r -> withoutSegment(r)).toList())
                .isEqualTo(before.stream().map(r -> withoutSegment(r)).toList());
        assertThat(jdbc.sql("select distinct tableoid::regclass::text from evidence where upload_id = ?")
                .param(own.uploadId()).query(String.class).single()).endsWith("_shared");
    }

    private static Map<String, Object> withoutSegment(Map<String, Object> row) {
        Map<String, Object> copy = new LinkedHashMap<>(row);
        copy.remove("segment");
        return copy;
    }

    private long ownPartitions() {
        return jdbc.sql("select count(*) from pg_class where relname like 'evidence\\_p%\\_upload\\_%' and relkind = 'r'")
                .query(Long.class).single();
    }

    private static byte[] csv(String... rows) {
        return (HEADER + "\n" + String.join("\n", rows) + "\n").getBytes(StandardCharsets.UTF_8);
    }
}
