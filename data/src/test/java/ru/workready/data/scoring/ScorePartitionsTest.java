package ru.workready.data.scoring;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import ru.workready.data.DataTest;
import ru.workready.engine.scoring.ReadinessLevel;

/**
 * readiness_score partitioned by college (issue 10): reads and writes for a college touch its
 * partition only, bulk writes round-trip every character, and a batch clears only the stale marks
 * its read saw.
 */
class ScorePartitionsTest extends DataTest {
    private static final Pattern PARTITION = Pattern.compile("readiness_score_p\\d\\d");

    @Autowired
    JdbcClient jdbc;
    @Autowired
    BulkScoringRepository bulk;
    @Autowired
    ScoreRepository scores;
    @Autowired
    java.time.Clock clock;

    private String college;
    private long collegeId;
    private long programmeId;
    private String standardCode;
    private long mappingSetId;
    private long uploadId;

    @BeforeEach
    void fixture() {
        String suffix = UUID.randomUUID().toString().substring(0, 8).toUpperCase(Locale.ROOT);
        college = "T31-" + suffix;
        collegeId = jdbc.sql("insert into college (code, name, region) values (?, 'Partitions', ?) returning id")
                .params(college, "T31-REGION-" + suffix).query(Long.class).single();
        programmeId = jdbc.sql("""
                        insert into programme (college_id, fgos_code, name, qualification, qualification_level, intake_year)
                        values (?, '09.02.07', 'ИСиП', 'Программист', 4, 2024) returning id""")
                .param(collegeId).query(Long.class).single();
        standardCode = "T31." + suffix;
        long standardId = jdbc.sql("""
                        insert into professional_standard (code, name, registration_number, order_number, approval_date,
                                                           is_current, content_hash)
                        values (?, 'Test', ?, '1н', date '2026-01-01', true, ?) returning id""")
                .params(standardCode, suffix, suffix).query(Long.class).single();
        mappingSetId = jdbc.sql("""
                        insert into mapping_set (programme_id, standard_id, version, author) values (?, ?, 1, 'test')
                        returning id""").params(programmeId, standardId).query(Long.class).single();
        uploadId = jdbc.sql("insert into upload (college_id, content_hash, row_count) values (?, ?, 0) returning id")
                .params(collegeId, "t31-" + suffix).query(Long.class).single();
        for (int i = 1; i <= 3; i++) {
            jdbc.sql("insert into student (id, college_id, programme_id) values (?, ?, ?)")
                    .params(student(i), collegeId, programmeId).update();
        }
    }

    private String student(int i) {
        return college + "-" + i;
    }

    private List<String> partitions(String explained) {
        Matcher m = PARTITION.matcher(explained);
        List<String> found = new java.util.ArrayList<>();
        while (m.find()) {
            found.add(m.group());
        }
        return found.stream().distinct().toList();
    }

    private String explain(String sql, Object... params) {
        return jdbc.sql("explain (costs off) " + sql).params(params).query(String.class).list().stream()
                .collect(Collectors.joining("\n"));
    }

    @Test
    void readsAndWritesOfACollegeArePrunedToItsPartition() {
        String all = explain("select * from readiness_score where student_id = ?", student(1));
        assertThat(partitions(all)).as(all).hasSize(16);

        String one = explain("select * from readiness_score where college_id = ? and student_id = ?", collegeId,
                student(1));
        assertThat(partitions(one)).as(one).hasSize(1);

        String read = explain("""
                select labour_function_id from readiness_score rs
                where rs.college_id = ? and rs.student_id = ? and rs.mapping_set_id = ?""", collegeId, student(1),
                mappingSetId);
        assertThat(partitions(read)).as(read).hasSize(1);

        String delete = explain("""
                delete from readiness_score where college_id = any(?) and student_id = any(?)
                and labour_function_id = any(?)""", new Long[] {collegeId}, new String[] {student(1), student(2)},
                new Long[] {1L, 2L});
        assertThat(partitions(delete)).as(delete).hasSize(1);
    }

    @Test
    void aProgrammesCohortIsPrunedAtRunTimeByItsCollege() {
        // the shape of the cohort report's read: the college comes from the programme (an init plan)
        String plan = jdbc.sql("""
                        explain (analyze, costs off, timing off, summary off)
                        select count(*) from readiness_score r join student st on st.id = r.student_id
                        where r.college_id = (select p.college_id from programme p where p.id = ?)
                          and st.programme_id = ?""").params(programmeId, programmeId)
                .query(String.class).list().stream().collect(Collectors.joining("\n"));
        // the college is known only when the init plan has run: the other partitions are never executed
        List<String> scanned = plan.lines().filter(l -> l.contains("Scan on readiness_score_p")
                && !l.contains("never executed")).toList();
        assertThat(partitions(String.join("\n", scanned))).as(plan).hasSize(1);
    }

    @Test
    void aBatchIsWrittenToItsPartitionAndReadBackAsStored() {
        String reason = "Quote \" backslash \\ tab\t newline\n Кириллица, comma";
        ScoreBatch batch = new ScoreBatch(2, java.time.OffsetDateTime.now(clock));
        batch.add(collegeId, student(1), 101, 0.8125, 1.0, "READY", List.of("Ready", "Rule \"x\""), "Ready", reason,
                "default-1", mappingSetId);
        batch.add(collegeId, student(1), 102, null, 0.0, "INSUFFICIENT_EVIDENCE", List.of(), "Insufficient", "none",
                "default-1", mappingSetId);
        bulk.replaceScores(batch, Map.of());
        // written again: replaced, not duplicated
        bulk.replaceScores(batch, Map.of());

        String partition = jdbc.sql("select tableoid::regclass::text from readiness_score where college_id = ? "
                + "and student_id = ? group by 1").params(collegeId, student(1)).query(String.class).single();
        assertThat(partition).matches("readiness_score_p\\d\\d");

        ScoreRepository.StoredReadiness stored = scores.stored(collegeId, student(1), programmeId, standardCode)
                .orElseThrow();
        assertThat(stored.mappingSetId()).isEqualTo(mappingSetId);
        assertThat(stored.stale()).isFalse();
        assertThat(stored.scores()).hasSize(2);
        ScoreRepository.StoredScore ready = stored.scores().stream().filter(s -> s.labourFunctionId() == 101)
                .findFirst().orElseThrow();
        assertThat(ready.reason()).isEqualTo(reason);
        assertThat(ready.rules()).containsExactly("Ready", "Rule \"x\"");
        assertThat(ready.decidedBy()).isEqualTo("Ready");
        assertThat(ready.level()).isEqualTo(ReadinessLevel.READY);
        assertThat(ready.readiness()).isEqualTo(0.8125);
        assertThat(ready.ruleSetVersion()).isEqualTo("default-1");
        ScoreRepository.StoredScore none = stored.scores().stream().filter(s -> s.labourFunctionId() == 102)
                .findFirst().orElseThrow();
        assertThat(none.readiness()).isNull();
        assertThat(none.rules()).isEmpty();

        assertThat(scores.stored(collegeId, student(1), programmeId, "NO-SUCH-STANDARD")).isEmpty();
    }

    @Test
    void aBatchClearsOnlyTheStaleMarksItsReadSaw() {
        for (int i = 1; i <= 3; i++) {
            jdbc.sql("insert into stale_score (student_id, upload_id) values (?, ?)").params(student(i), uploadId)
                    .update();
        }
        BulkScoringRepository.BatchRead read = bulk.read(List.of(student(1), student(2)));
        assertThat(read.staleMarks()).containsOnlyKeys(student(1), student(2));
        assertThat(read.histories()).containsOnlyKeys(student(1), student(2));
        // an upload after the read moves student 2's mark: the batch does not answer it
        jdbc.sql("update stale_score set since = since + interval '1 second' where student_id = ?").param(student(2))
                .update();
        ScoreBatch batch = new ScoreBatch(2, java.time.OffsetDateTime.now(clock));
        batch.add(collegeId, student(1), 101, 0.5, 1.0, "PARTIALLY_READY", List.of("Partially ready"),
                "Partially ready", "r", "default-1", mappingSetId);
        batch.add(collegeId, student(2), 101, 0.5, 1.0, "PARTIALLY_READY", List.of("Partially ready"),
                "Partially ready", "r", "default-1", mappingSetId);
        bulk.replaceScores(batch, read.staleMarks());

        List<String> marked = jdbc.sql("select student_id from stale_score where student_id like ? order by 1")
                .param(college + "-%").query(String.class).list();
        assertThat(marked).containsExactly(student(2), student(3));
        OffsetDateTime since = jdbc.sql("select since from stale_score where student_id = ?").param(student(3))
                .query(OffsetDateTime.class).single();
        assertThat(scores.stored(collegeId, student(3), programmeId, standardCode).orElseThrow().staleSince())
                .isEqualTo(since);
        scores.clearStaleMark(student(3), since.minusSeconds(1));
        assertThat(jdbc.sql("select count(*) from stale_score where student_id = ?").param(student(3))
                .query(Long.class).single()).isOne();
        scores.clearStaleMark(student(3), since);
        assertThat(jdbc.sql("select count(*) from stale_score where student_id = ?").param(student(3))
                .query(Long.class).single()).isZero();
    }
}
