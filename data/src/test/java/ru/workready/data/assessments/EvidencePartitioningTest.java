package ru.workready.data.assessments;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;
import ru.workready.data.DataTest;

/**
 * Evidence is partitioned by hash of the student's college (issue 10): a student's reads look
 * into one college partition, and an upload COPYs into the partition the database would route its
 * rows to. Each college partition is partitioned again by segment (issue 5): the shared rows, and
 * a partition per large upload.
 */
class EvidencePartitioningTest extends DataTest {
    /** A college partition, or one of its segments (named after it). */
    private static final Pattern PARTITION = Pattern.compile("\\b(evidence_p\\d+)(_shared|_upload_\\d+)?\\b");

    @Autowired
    JdbcClient jdbc;
    @Autowired
    TransactionTemplate tx;

    @Test
    void evidenceHasSixteenHashPartitions() {
        assertThat(jdbc.sql("select count(*) from pg_inherits where inhparent = 'evidence'::regclass")
                .query(Long.class).single()).isEqualTo(16);
        assertThat(jdbc.sql("select partstrat from pg_partitioned_table where partrelid = 'evidence'::regclass")
                .query(String.class).single()).isEqualTo("h");
        // each college partition by segment, with the shared one (segment 0) and a B-tree on the student
        assertThat(jdbc.sql("""
                        select count(*) from pg_inherits i join pg_partitioned_table p on p.partrelid = i.inhrelid
                        where i.inhparent = 'evidence'::regclass and p.partstrat = 'l'
                          and exists (select 1 from pg_inherits s join pg_class c on c.oid = s.inhrelid
                                      where s.inhparent = i.inhrelid and c.relname like '%_shared'
                                        and pg_get_expr(c.relpartbound, c.oid) = 'FOR VALUES IN (''0'')')""")
                .query(Long.class).single()).isEqualTo(16);
        assertThat(jdbc.sql("select pg_get_indexdef('evidence_student_idx'::regclass)").query(String.class).single())
                .contains("USING btree (student_id)");
    }

    @Test
    void aStudentsHistoryIsReadFromOnePartition() {
        assertThat(partitionsScanned(EvidenceRepository.HISTORY, 7L, "S-1")).hasSize(1);
        assertThat(partitionsScanned(EvidenceRepository.RECORDS, 7L, "S-1")).hasSize(1);
        assertThat(partitionsScanned(EvidenceRepository.RECENT, 7L, "S-1", java.time.LocalDate.of(2026, 11, 25), null,
                null, 10)).hasSize(1);
        // without the college, every partition would be looked into
        assertThat(partitionsScanned("select * from evidence where student_id = ?", "S-1")).hasSize(16);
    }

    /**
     * The student id is in the "C" collation (changeset 22); compared with parameters or with text of
     * the default collation (the delete guard's student id) the comparison takes "C", so the index
     * serves it.
     */
    @Test
    void studentLookupsUseTheStudentIndex() {
        tx.executeWithoutResult(status -> {
            jdbc.sql("set local enable_seqscan = off").update();
            for (String sql : List.of(EvidenceRepository.HISTORY, EvidenceRepository.RECORDS,
                    "select 1 from evidence where college_id = ? and student_id = (select id from student limit 1)")) {
                String plan = String.join("\n", jdbc.sql("explain " + sql).params(sql.contains("limit 1")
                        ? new Object[] {7L} : new Object[] {7L, "S-1"}).query(String.class).list());
                assertThat(plan).as(sql).contains("student_id_idx").doesNotContain("Seq Scan");
            }
        });
    }

    static Stream<Long> colleges() {
        long seed = 20261125L;
        Random random = new Random(seed);
        return Stream.concat(LongStream.rangeClosed(1, 20).boxed(),
                LongStream.generate(() -> 1 + random.nextInt(1_000_000)).limit(20).boxed());
    }

    @ParameterizedTest(name = "college {0}")
    @MethodSource("colleges")
    void anUploadCopiesIntoThePartitionItsCollegeRoutesTo(long college) {
        String routed = partitionsScanned("select * from evidence where college_id = ?", college).get(0);
        assertThat(EvidencePartitions.collegePartition(jdbc, college)).as("college %d (seeded ids, seed 20261125)",
                college).isEqualTo(routed);
        assertThat(EvidencePartitions.shared(jdbc, college).table()).isEqualTo(routed + "_shared");
    }

    private List<String> partitionsScanned(String sql, Object... params) {
        List<String> plan = jdbc.sql("explain " + sql).params(params).query(String.class).list();
        return plan.stream().flatMap(line -> {
            Matcher m = PARTITION.matcher(line);
            return m.results().map(r -> r.group(1));
        }).distinct().toList();
    }
}
