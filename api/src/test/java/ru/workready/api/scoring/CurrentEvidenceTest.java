package ru.workready.api.scoring;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Collectors;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import ru.workready.api.ApiTest;
import ru.workready.data.assessments.EvidenceRepository;
import ru.workready.data.scoring.BulkScoringRepository;
import ru.workready.data.testing.TestClock;
import ru.workready.data.testing.TestDatabase;
import ru.workready.engine.assessments.Evidence;
import ru.workready.engine.scoring.Methodology;

/**
 * Bulk scoring reads only the evidence that counts, picked by the database (issue 19): for random histories full of
 * retakes and ties, the rows it picks are exactly the engine's current evidence of the whole history, and the
 * outcomes' mastery is the same from either. Runs on a database of its own (it adds students to the demo college).
 */
@SpringBootTest(properties = {"workready.admin-key=" + ApiTest.ADMIN_KEY,
        "workready.rescoring.stale-scores.enabled=false"})
class CurrentEvidenceTest {
    private static final String[] KINDS = {"COURSE_GRADE", "MODULE_EXAM", "DEMO_EXAM"};

    @Autowired
    JdbcClient jdbc;
    @Autowired
    BulkScoringRepository bulk;
    @Autowired
    EvidenceRepository evidence;
    @Autowired
    ru.workready.data.assessments.AssessmentUploadService uploads;
    @Autowired
    ru.workready.data.assessments.UploadService uploadStatus;

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestDatabase.registerFresh(registry);
    }

    static Stream<Long> seeds() {
        long base = new Random().nextLong();
        return LongStream.range(0, 6).mapToObj(i -> base + i);
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void theDatabasePicksTheEnginesCurrentEvidence(long seed) {
        System.out.println("CurrentEvidenceTest seed " + seed);
        Random random = new Random(seed);
        String student = "DEMO-P" + Long.toHexString(seed);
        long college = jdbc.sql("select id from college where code = 'DEMO'").query(Long.class).single();
        jdbc.sql("insert into student (id, college_id, programme_id) select ?, college_id, programme_id from student "
                + "where id = 'DEMO-001'").param(student).update();
        List<Long> outcomes = jdbc.sql("select id from outcome where programme_id = (select programme_id from student "
                + "where id = ?) order by id limit 4").param(student).query(Long.class).list();
        long upload = jdbc.sql("select min(id) from upload where college_id = ?").param(college)
                .query(Long.class).single();
        int rows = 50 + random.nextInt(400);
        for (int i = 0; i < rows; i++) {
            boolean nok = random.nextInt(10) == 0;
            LocalDate on = TestClock.today().minusDays(random.nextInt(4) * 30L); // few dates: many ties
            jdbc.sql("""
                            insert into evidence (college_id, upload_id, row_number, student_id, outcome_id, kind,
                                                  grade, passed, certificate_number, standard_code,
                                                  generalized_function_code, assessed_on, attempt)
                            values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                    .params(college, upload, i + 1, student, nok ? null : outcomes.get(random.nextInt(outcomes.size())),
                            nok ? "INDEPENDENT_ASSESSMENT" : KINDS[random.nextInt(KINDS.length)],
                            nok ? null : 2 + random.nextInt(4), nok ? Boolean.TRUE : null, nok ? "C-" + i : null,
                            nok ? "06.001" : null, nok ? (random.nextBoolean() ? "A" : "B") : null, on,
                            1 + random.nextInt(3))
                    .update();
        }
        List<Evidence> full = evidence.history(college, student);
        List<Evidence> picked = bulk.histories(List.of(student)).get(student);
        assertThat(full).hasSize(rows);
        assertThat(ids(picked)).isEqualTo(ids(Methodology.current(full)));
        Methodology methodology = Methodology.defaults();
        assertThat(masteries(methodology, picked)).isEqualTo(masteries(methodology, full));
    }

    @org.junit.jupiter.api.Test
    void anImplausibleVolumeIsWarnedOnTheUploadResource() {
        jdbc.sql("insert into student (id, college_id, programme_id) select 'DEMO-V1', college_id, programme_id "
                + "from student where id = 'DEMO-001'").update();
        StringBuilder csv = new StringBuilder("student_id;outcome_code;kind;result;assessed_on;attempt\n");
        for (int i = 1; i <= 60; i++) { // 60 retakes of one course grade, the default maximum is 50
            csv.append("DEMO-V1;ПК 1.1;COURSE_GRADE;").append(2 + i % 4).append(';')
                    .append(TestClock.today().minusDays(5)).append(';').append(i).append('\n');
        }
        csv.append("DEMO-V1;ПК 1.2;COURSE_GRADE;5;").append(TestClock.today().minusDays(5)).append(";1\n");
        var result = uploads.upload("DEMO", "many.csv", null, csv.toString().getBytes(
                java.nio.charset.StandardCharsets.UTF_8));
        var resource = uploadStatus.status("DEMO", result.uploadId());
        assertThat(resource.rows()).isEqualTo(61);
        assertThat(resource.warningCount()).isEqualTo(1);
        assertThat(resource.warnings()).singleElement().asString()
                .contains("row 52", "more than 50 results for student DEMO-V1, outcome ПК 1.1, kind COURSE_GRADE");
    }

    private static List<Long> ids(List<Evidence> evidence) {
        return evidence.stream().map(Evidence::sequence).sorted().toList();
    }

    private static Map<String, Double> masteries(Methodology methodology, List<Evidence> history) {
        return methodology.mastery(history).values().stream().filter(m -> m.mastery() != null)
                .collect(Collectors.toMap(Methodology.OutcomeMastery::outcomeCode, Methodology.OutcomeMastery::mastery));
    }
}
